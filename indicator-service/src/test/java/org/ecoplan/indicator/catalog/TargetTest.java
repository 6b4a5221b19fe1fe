package org.ecoplan.indicator.catalog;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;

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
}
