package org.ecoplan.indicator.progress;

import java.math.BigDecimal;

/**
 * An observation flagged as a statistical outlier when it was entered.
 *
 * @param period "2023" or "2023-05"
 * @param status where the observation stands in its approval: SUBMITTED, APPROVED or RETURNED
 * @param reason why it was flagged, as the entry validation said
 */
public record FlaggedObservation(String observationId, String indicatorCode, String period, BigDecimal value,
        String status, String reason) implements QualityFinding.Evidence {
}
