package org.ecoplan.common.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BureauDayTest {

    @ParameterizedTest(name = "{0} is {1} in Beijing")
    @CsvSource({
        "2026-12-31T15:59:59Z, 2026-12-31",
        "2026-12-31T16:00:00Z, 2027-01-01",
        "2024-06-30T23:00:00Z, 2024-07-01" })
    void theBureausDayIsTheDayInBeijingWhateverTheClocksZone(Instant instant, LocalDate day) {
        assertThat(BureauDay.today(Clock.fixed(instant, ZoneOffset.UTC))).isEqualTo(day);
    }
}
