package org.ecoplan.indicator.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetTest {

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(nullValues = "null", textBlock = """
            NUMERIC,          34,   LOWER_IS_BETTER
            NUMERIC,          90.9, HIGHER_IS_BETTER
            BINARY,           0,    null
            BINARY,           100,  null
            NOT_DECREASING,   null, null
            ASSIGNED_BY_CITY, null, null
            CONSOLIDATE,      null, null
            """)
    void acceptsTheShapesOfTable2(TargetType type, BigDecimal value, Direction direction) {
        assertThatCode(() -> new Target(2025, type, value, direction, "as printed")).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(nullValues = "null", textBlock = """
            NUMERIC,          null, LOWER_IS_BETTER
            NUMERIC,          34,   null
            BINARY,           50,   null
            BINARY,           100,  HIGHER_IS_BETTER
            BINARY,           null, null
            NOT_DECREASING,   42,   null
            ASSIGNED_BY_CITY, null, HIGHER_IS_BETTER
            CONSOLIDATE,      100,  null
            """)
    void rejectsTargetsNoProgressRuleCouldJudge(TargetType type, BigDecimal value, Direction direction) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Target(2025, type, value, direction, "x"));
    }

    @ParameterizedTest(name = "{0} {1} {2} assigned={3}")
    @CsvSource(nullValues = "null", textBlock = """
            ASSIGNED_BY_CITY, 5,    null,             true
            ASSIGNED_BY_CITY, null, HIGHER_IS_BETTER, true
            ASSIGNED_BY_CITY, 5,    HIGHER_IS_BETTER, false
            ASSIGNED_BY_CITY, null, null,             true
            NUMERIC,          34,   LOWER_IS_BETTER,  true
            """)
    void onlyATargetAssignedByTheCityCarriesTheCitysDocumentAndThenItsFigure(TargetType type, BigDecimal value,
            Direction direction, boolean assigned) {
        Assignment document = assigned ? new Assignment("岳环发〔2022〕12号", LocalDate.of(2022, 3, 1)) : null;
        assertThatIllegalArgumentException().isThrownBy(
                () -> new Target(2025, type, value, direction, "市级下达指", document));
    }

    @Test
    void theCitysFigureKeepsYearAndPrintedText() {
        Target printed = new Target(2025, TargetType.ASSIGNED_BY_CITY, null, null, "市级下达指");
        Assignment document = new Assignment("岳环发〔2022〕12号", LocalDate.of(2022, 3, 1));

        Target assigned = printed.assignedByCity(new BigDecimal("0.12"), Direction.HIGHER_IS_BETTER, document);

        assertThat(assigned).isEqualTo(new Target(2025, TargetType.ASSIGNED_BY_CITY, new BigDecimal("0.12"),
                Direction.HIGHER_IS_BETTER, "市级下达指", document));
        assertThatIllegalStateException().isThrownBy(() -> new Target(2025, TargetType.NUMERIC, BigDecimal.TEN,
                Direction.LOWER_IS_BETTER, "10").assignedByCity(BigDecimal.ONE, Direction.LOWER_IS_BETTER, document));
    }
}
