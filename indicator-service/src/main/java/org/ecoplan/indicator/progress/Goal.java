package org.ecoplan.indicator.progress;

import java.math.BigDecimal;

import org.ecoplan.indicator.catalog.Direction;
import org.ecoplan.indicator.catalog.Target;
import org.ecoplan.indicator.catalog.TargetType;

/**
 * The 2025 target (2025年目标) as the progress rule reads it: the catalogue's target with the direction every type
 * is judged in made explicit.
 *
 * @param value the number to reach; null for 不降低 and 巩固提升, and for a 市级下达指标 the city has not assigned yet
 * @param direction which way the indicator improves; null only while a 市级下达指标 awaits its figure
 * @param text the target cell as the plan prints it
 */
public record Goal(int year, TargetType type, BigDecimal value, Direction direction, String text) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Directions the table leaves implicit:
     * <ul>
     * <li>0 %/100 %: a 0 % target (劣Ⅴ类水体比例) improves downwards, a 100 % target (医疗废物无害化处置率) upwards.
     * <li>不降低 (forest cover, red-line area): "not decreasing" is higher-is-better by its wording.
     * <li>巩固提升: the target's own direction when the catalogue records one; otherwise higher-is-better. The
     * assumption holds for both of the plan's 巩固提升 rows, which are rates of something done well at 100 %
     * (黑臭水体消除比例, 工业危险废物安全处置).
     * </ul>
     */
    public static Goal of(Target target) {
        Direction direction = switch (target.type()) {
            case NUMERIC, ASSIGNED_BY_CITY -> target.direction();
            case BINARY -> target.value().compareTo(HUNDRED) == 0 ? Direction.HIGHER_IS_BETTER
                    : Direction.LOWER_IS_BETTER;
            case NOT_DECREASING -> Direction.HIGHER_IS_BETTER;
            case CONSOLIDATE -> target.direction() != null ? target.direction() : Direction.HIGHER_IS_BETTER;
        };
        return new Goal(target.year(), target.type(), target.value(), direction, target.text());
    }

    /** 市级下达: no status until the city's figure (a value and its direction) is entered. */
    boolean awaitsCityFigure() {
        return type == TargetType.ASSIGNED_BY_CITY && (value == null || direction == null);
    }

    /** Targets kept by holding the baseline rather than by reaching a number. */
    boolean holdsBaseline() {
        return type == TargetType.NOT_DECREASING || type == TargetType.CONSOLIDATE;
    }
}
