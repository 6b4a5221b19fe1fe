package org.ecoplan.indicator.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.ecoplan.indicator.catalog.Direction;
import org.ecoplan.indicator.catalog.Target;
import org.ecoplan.indicator.catalog.TargetType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoalTest {

    @ParameterizedTest(name = "{0} {1} {2} is judged {3}")
    @CsvSource(nullValues = "null", textBlock = """
            NUMERIC,          34,   LOWER_IS_BETTER,  LOWER_IS_BETTER
            NUMERIC,          90.9, HIGHER_IS_BETTER, HIGHER_IS_BETTER
            BINARY,           0,    null,             LOWER_IS_BETTER
            BINARY,           100,  null,             HIGHER_IS_BETTER
            NOT_DECREASING,   null, null,             HIGHER_IS_BETTER
            CONSOLIDATE,      null, null,             HIGHER_IS_BETTER
            ASSIGNED_BY_CITY, null, null,             null
            """)
    void makesTheDirectionOfEveryTargetTypeExplicit(TargetType type, BigDecimal value, Direction direction,
            Direction judged) {
        Goal goal = Goal.of(new Target(2025, type, value, direction, "as printed"));

        assertThat(goal.direction()).isEqualTo(judged);
        assertThat(goal.value()).isEqualTo(value);
        assertThat(goal.year()).isEqualTo(2025);
        assertThat(goal.text()).isEqualTo("as printed");
        assertThat(goal.awaitsCityFigure()).isEqualTo(type == TargetType.ASSIGNED_BY_CITY);
    }
}
