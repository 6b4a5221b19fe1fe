package org.ecoplan.indicator.catalog;

import java.math.BigDecimal;

/**
 * The indicator's 2025 target (2025年目标). {@code text} keeps the cell as printed, including the
 * table's truncated "市级下达指".
 */
public record Target(int year, TargetType type, BigDecimal value, Direction direction, String text) {

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
            default -> {
                if (value != null || direction != null) {
                    throw new IllegalArgumentException(type + " targets carry no value or direction");
                }
            }
        }
    }
}
