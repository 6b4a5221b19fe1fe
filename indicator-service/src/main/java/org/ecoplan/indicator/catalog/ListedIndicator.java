package org.ecoplan.indicator.catalog;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * An indicator as the list shows it: with its current progress status, so that a page of status badges is one
 * call.
 *
 * @param status as on the indicator's detail ({@link IndicatorStatus}); null while none is computed
 */
public record ListedIndicator(@JsonUnwrapped Indicator indicator, String status) {
}
