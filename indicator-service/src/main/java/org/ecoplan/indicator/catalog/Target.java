package org.ecoplan.indicator.catalog;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The indicator's 2025 target (2025年目标). {@code text} keeps the cell as printed, including the
 * table's truncated "市级下达指".
 *
 * @param assignment for {@link TargetType#ASSIGNED_BY_CITY}: the city's document once it has given the number
 *        ({@code value} and {@code direction} are set from then on); null before, and for every other type
 */
public record Target(int year, TargetType type, BigDecimal value, Direction direction, String text,
        Assignment assignment) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Target {
        switch (type) {
            case NUMERIC -> {
                if (value == null || direction == null) {
                    throw new IllegalArgumentException("a numeric target needs a value and a direction");
                }
            }
            case BINARY -> {
                if (value == null || (value.signum() != 0 && value.compareTo(HUNDRED) != 0) || direction != null) {
                    throw new IllegalArgumentException("a binary target is 0 or 100 and has no direction");
                }
            }
            case ASSIGNED_BY_CITY -> {
                boolean assigned = assignment != null;
                if ((value != null) != assigned || (direction != null) != assigned) {
                    throw new IllegalArgumentException("a target assigned by the city carries a value and a direction "
                            + "exactly when the city's document is recorded");
                }
            }
            default -> {
                if (value != null || direction != null) {
                    throw new IllegalArgumentException(type + " targets carry no value or direction");
                }
            }
        }
        if (assignment != null && type != TargetType.ASSIGNED_BY_CITY) {
            throw new IllegalArgumentException("only a target assigned by the city has the city's document");
        }
    }

    /** A target as the plan's table states it, not (yet) assigned by a city document. */
    public Target(int year, TargetType type, BigDecimal value, Direction direction, String text) {
        this(year, type, value, direction, text, null);
    }

    /**
     * The city's figure for this 市级下达 target, keeping year and printed text.
     *
     * @throws IllegalStateException for any other type of target
     */
    public Target assignedByCity(BigDecimal cityValue, Direction cityDirection, Assignment document) {
        if (type != TargetType.ASSIGNED_BY_CITY) {
            throw new IllegalStateException("only a target assigned by the city takes the city's figure");
        }
        return new Target(year, type, Objects.requireNonNull(cityValue), Objects.requireNonNull(cityDirection),
                text, Objects.requireNonNull(document));
    }
}
