package org.ecoplan.indicator.progress;

import java.math.BigDecimal;

/**
 * An indicator's progress toward its target as of a year, with every input the status follows from.
 *
 * @param year the year the progress is assessed as of: approved values of later years are not counted
 * @param rule which rule decided the status
 * @param base the value the pace is measured from: the plan's 2020 value, or the first approved value where the
 *        plan gives none
 * @param latest the most recent approved value counted
 * @param neededRate the annual rate that reaches the target in the target year (per {@link #rule}: a fraction for
 *        {@link AppliedRule#CAGR_RATIO}, the indicator's unit for {@link AppliedRule#LINEAR_RATIO}); null where no
 *        rate was needed
 * @param observedRate the annual rate from base to latest, in the same terms
 * @param ratio R = direction × observed / |needed|, the figure the thresholds judge
 * @param forecast the target-year value the trend leads to; null with fewer than two points or once the target
 *        year is observed
 */
public record Progress(int year, ProgressStatus status, AppliedRule rule, Goal target, AnnualValue base,
        AnnualValue latest, BigDecimal neededRate, BigDecimal observedRate, BigDecimal ratio, Forecast forecast) {
}
