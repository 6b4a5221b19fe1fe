package org.ecoplan.project.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.project.catalog.ExpectedReductions.Reduction;
import org.ecoplan.project.catalog.Investment;

/**
 * A project's standing on one day, from its milestones and the progress reports dated up to that day.
 *
 * @param scheduleStatus     null for a cancelled project, which has no schedule left to keep
 * @param reasons            why the schedule status is what it is, in Chinese and English
 * @param slippageDays       days behind schedule (0 when not behind), what the list sorts slippage by
 * @param physicalProgress   percent complete as last reported, null without a report
 * @param plannedProgress    percent complete the schedule expects by the day
 * @param disbursed          investment disbursed to date as last reported, zero without a report
 * @param financialProgress  disbursed / total investment in percent, null when the total is zero
 * @param achievedReductions reductions achieved to date as last reported, per pollutant in t/a
 * @param latestReport       the period of the latest report counted (e.g. {@code 2024-03}, {@code 2024-Q1}), null
 *                           without one
 */
public record ProjectStanding(String projectCode, LocalDate asOf, ScheduleStatus scheduleStatus,
        List<LocalizedName> reasons, long slippageDays, BigDecimal physicalProgress, BigDecimal plannedProgress,
        Investment disbursed, BigDecimal financialProgress, List<Reduction> achievedReductions, String latestReport) {

    public ProjectStanding {
        reasons = List.copyOf(reasons);
        achievedReductions = List.copyOf(achievedReductions);
    }
}
