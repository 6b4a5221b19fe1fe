package org.ecoplan.project.catalog;

import java.math.BigDecimal;

import org.ecoplan.project.progress.ProjectStanding;
import org.ecoplan.project.progress.ScheduleStatus;

/**
 * What the list shows of a project's standing; the detail shows all of it ({@link ProjectStanding}).
 *
 * @param physicalProgress  percent complete as last reported, null without a report
 * @param financialProgress disbursed / total investment in percent
 */
public record StandingSummary(ScheduleStatus scheduleStatus, long slippageDays, BigDecimal physicalProgress,
        BigDecimal financialProgress) {

    static StandingSummary of(ProjectStanding standing) {
        return new StandingSummary(standing.scheduleStatus(), standing.slippageDays(), standing.physicalProgress(),
                standing.financialProgress());
    }

    /** 进度滞后 or 逾期未完工: what {@code delayedOnly} keeps. */
    boolean delayed() {
        return scheduleStatus == ScheduleStatus.DELAYED || scheduleStatus == ScheduleStatus.OVERDUE;
    }
}
