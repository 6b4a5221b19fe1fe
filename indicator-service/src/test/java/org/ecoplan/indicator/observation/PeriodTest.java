package org.ecoplan.indicator.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class PeriodTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", textBlock = """
            2023,      2023, null, 2023
            2023-05,   2023, 5,    2023-05
            2023-12,   2023, 12,   2023-12
            ' 2024 ',  2024, null, 2024
            1949,      1949, null, 1949
            2100-01,   2100, 1,    2100-01
            """)
    void parsesYearsAndMonths(String text, int year, Integer month, String printed) {
        Period period = Period.parse(text);

        assertThat(period).isEqualTo(new Period(year, month));
        assertThat(period.toString()).isEqualTo(printed);
        assertThat(period.isYear()).isEqualTo(month == null);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(nullValues = "null", textBlock = """
            null
            ''
            23
            2023-5
            2023-00
            2023-13
            2023/05
            2023-05-01
            1948
            2101
            二〇二三
            """)
    void rejectsAnythingElseSayingWhatAPeriodIs(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Period.parse(text))
            .withMessageStartingWith("must be a year like 2023 or a month like 2023-05");
    }

    @Test
    void ordersChronologicallyWithTheYearBeforeItsMonths() {
        List<Period> sorted = Stream.of("2024-01", "2023-12", "2024", "2023", "2023-02")
            .map(Period::parse)
            .sorted()
            .toList();

        assertThat(sorted).extracting(Period::toString).containsExactly("2023", "2023-02", "2023-12", "2024",
                "2024-01");
    }

    @Test
    void isItsTextInJson() {
        assertThat(json.writeValueAsString(Period.parse("2023-05"))).isEqualTo("\"2023-05\"");
        assertThat(json.readValue("\"2023\"", Period.class)).isEqualTo(Period.ofYear(2023));
    }
}
