package org.ecoplan.project.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvestmentScheduleTest {

    /** Rows: start year, completion year, total in 万元, then year=amount for every year. */
    @ParameterizedTest(name = "{0}-{1}: {2} 万元")
    @CsvSource(delimiter = '|', textBlock = """
            2021 | 2022 | 230000 | 2021=115000 2022=115000
            2021 | 2025 | 10000  | 2021=2000 2022=2000 2023=2000 2024=2000 2025=2000
            2020 | 2022 | 400    | 2020=133.3333 2021=133.3333 2022=133.3334
            2025 | 2025 | 100    | 2025=100
            2025 | 2023 | 300    | 2023=100 2024=100 2025=100
            2021 | 2023 | 0      | 2021=0 2022=0 2023=0
            2022 | 2024 | 0.02   | 2022=0.0067 2023=0.0067 2024=0.0066
            """)
    void spreadsTheTotalEvenlyOverItsYearsAndKeepsItExact(int start, int completion, BigDecimal total,
            String expected) {
        Map<Integer, BigDecimal> perYear = InvestmentSchedule.plannedPerYear(start, completion, total);

        assertThat(perYear.entrySet().stream().map(year -> year.getKey() + "=" + year.getValue().toPlainString())
            .collect(Collectors.joining(" "))).isEqualTo(expected);
        assertThat(perYear.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(total);
    }
}
