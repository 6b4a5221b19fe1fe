package org.ecoplan.project.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.ecoplan.project.progress.ScheduleStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectFilterTest {

    /** Rows: scheduleStatus filter | delayedOnly | the project's schedule status today | kept. */
    @ParameterizedTest(name = "scheduleStatus={0}, delayedOnly={1}: {2} kept {3}")
    @CsvSource(nullValues = "none", textBlock = """
            none,        none,  ON_SCHEDULE, true
            none,        none,  none,        true
            none,        true,  ON_SCHEDULE, false
            none,        true,  AT_RISK,     false
            none,        true,  DELAYED,     true
            none,        true,  OVERDUE,     true
            none,        true,  none,        false
            none,        false, ON_SCHEDULE, true
            AT_RISK,     none,  AT_RISK,     true
            AT_RISK,     none,  DELAYED,     false
            AT_RISK,     none,  none,        false
            DELAYED,     true,  DELAYED,     true
            ON_SCHEDULE, true,  ON_SCHEDULE, false
            """)
    void keepsProjectsByTheirStandingToday(ScheduleStatus scheduleStatus, Boolean delayedOnly, ScheduleStatus today,
            boolean kept) {
        ProjectFilter filter = new ProjectFilter(null, scheduleStatus, null, null, null, delayedOnly);

        assertThat(filter.readsStanding()).isEqualTo(scheduleStatus != null || Boolean.TRUE.equals(delayedOnly));
        assertThat(filter.accepts(new StandingSummary(today, 0, null, BigDecimal.ZERO))).isEqualTo(kept);
    }
}
