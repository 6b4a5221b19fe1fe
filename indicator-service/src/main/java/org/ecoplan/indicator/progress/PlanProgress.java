package org.ecoplan.indicator.progress;

import java.util.List;

/**
 * Every indicator's progress as of one year.
 *
 * @param indicators in table order
 */
public record PlanProgress(int year, List<IndicatorProgress> indicators) {

    public PlanProgress {
        indicators = List.copyOf(indicators);
    }
}
