package org.ecoplan.indicator.observation;

import java.math.BigDecimal;

/**
 * One approved value per period, the most recently approved one winning.
 *
 * @param derived whether a standard computed it from monitoring data (see {@link Derivation})
 */
public record ObservedValue(Period period, BigDecimal value, String observationId, boolean derived) {
}
