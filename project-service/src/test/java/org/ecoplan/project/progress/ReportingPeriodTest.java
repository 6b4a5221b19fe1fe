package org.ecoplan.project.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReportingPeriodTest {

    @ParameterizedTest(name = "{0}: {1} to {2}")
    @CsvSource({
        "2024-01, 2024-01-01, 2024-01-31",
        "2024-02, 2024-02-01, 2024-02-29",
        "2023-02, 2023-02-01, 2023-02-28",
        "2024-12, 2024-12-01, 2024-12-31",
        "2024-Q1, 2024-01-01, 2024-03-31",
        "2024-Q2, 2024-04-01, 2024-06-30",
        "2024-Q3, 2024-07-01, 2024-09-30",
        "2024-Q4, 2024-10-01, 2024-12-31" })
    void periodCoversItsMonthOrQuarter(String text, LocalDate first, LocalDate last) {
        ReportingPeriod period = ReportingPeriod.parse(text);

        assertThat(period.firstDay()).isEqualTo(first);
        assertThat(period.lastDay()).isEqualTo(last);
        assertThat(period).hasToString(text);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "2024", "2024-3", "2024-13", "2024-00", "2024-Q0", "2024-Q5", "2024-q1", "24-03",
            "1999-12", "2101-01", "2024-03-01", "2024-H1" })
    void anythingElseIsRefusedSayingWhatAPeriodLooksLike(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> ReportingPeriod.parse(text))
            .withMessageStartingWith(ReportingPeriod.FORMAT_HINT);
    }

    @Test
    void periodsOrderByTheirEndAMonthBeforeTheQuarterItCloses() {
        assertThat(Stream.of("2024-Q2", "2024-03", "2024-Q1", "2023-12", "2024-04").map(ReportingPeriod::parse)
            .sorted().map(ReportingPeriod::toString).toList())
            .isEqualTo(List.of("2023-12", "2024-03", "2024-Q1", "2024-04", "2024-Q2"));
    }
}
