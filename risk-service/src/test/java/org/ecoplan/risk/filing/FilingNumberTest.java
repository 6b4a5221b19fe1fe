package org.ecoplan.risk.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ecoplan.risk.grading.RiskLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilingNumberTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "430602-2026-007-M, 7, LARGER, false",
        "430602-2026-001-L, 1, GENERAL, false",
        "430602-2026-012-HT, 12, MAJOR, true",
        "430602-2026-1234-L, 1234, GENERAL, false" })
    void numberCarriesCountyYearSerialLetterAndCrossRegionMark(String expected, int serial, RiskLevel level,
            boolean crossRegion) {
        FilingNumber number = new FilingNumber("430602", 2026, serial, level, crossRegion);
        assertThat(number).hasToString(expected);
        assertThat(expected).startsWith(number.serialKey() + "-");
    }

    @Test
    void countyMustBeSixDigitsAndSerialPositive() {
        assertThatThrownBy(() -> new FilingNumber("4306", 2026, 1, RiskLevel.GENERAL, false))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FilingNumber("430602", 2026, 0, RiskLevel.GENERAL, false))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
