package org.ecoplan.project.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.project.catalog.Milestone;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlannedProgressTest {

    private static final PlannedProgress LINE = PlannedProgress.of(2024, 2025, List.of());

    /** A milestone promising 60 % by 2024-06-30, one outside the years, one promising less than the one before. */
    private static final PlannedProgress BENT = PlannedProgress.of(2024, 2025, List.of(
            milestone("2024-06-30", "60"), milestone("2026-06-30", "100"), milestone("2024-09-30", "50"),
            milestone("2025-03-31", null)));

    @ParameterizedTest(name = "straight line on {0}: {1} %")
    @CsvSource({
        "2023-12-31, 0.0",
        "2024-01-01, 0.1",
        "2024-03-31, 12.4",
        "2024-12-31, 50.1",
        "2025-12-31, 100.0",
        "2026-06-01, 100.0" })
    void straightLineFromTheStartOfTheStartYearToTheEndOfTheCompletionYear(LocalDate day, BigDecimal percent) {
        assertThat(LINE.on(day)).isEqualTo(percent);
    }

    @ParameterizedTest(name = "bent line on {0}: {1} %")
    @CsvSource({
        // 182 of 182 days to the first knot: 60 %.
        "2024-06-30, 60.0",
        // Halfway from 2024-01-01 (0) to the end of 2024-06-30 (60): 91 days.
        "2024-03-31, 30.0",
        // The 50 % milestone after it is read as 60 %; from there 549 days to 100 %.
        "2024-09-30, 60.0",
        "2025-12-31, 100.0" })
    void milestonesWithPlannedProgressBendTheLine(LocalDate day, BigDecimal percent) {
        assertThat(BENT.on(day)).isEqualTo(percent);
    }

    @ParameterizedTest(name = "{0} % planned by the end of {1}")
    @CsvSource({
        "0, 2023-12-31",
        "14, 2024-04-12",
        "50, 2024-12-31",
        "100, 2025-12-31" })
    void dayReachingIsTheFirstDayByWhoseEndTheLineGotThere(BigDecimal percent, LocalDate day) {
        assertThat(LINE.dayReaching(percent)).isEqualTo(day);
        assertThat(LINE.on(day)).isGreaterThanOrEqualTo(percent);
    }

    private static Milestone milestone(String planned, String progress) {
        return new Milestone("m" + planned, new LocalizedName("节点", null), LocalDate.parse(planned), null, null,
                progress == null ? null : new BigDecimal(progress));
    }
}
