package org.ecoplan.indicator.catalog;

import java.math.BigDecimal;

/**
 * The indicator's 2020 situation (2020年情况). {@code value} is null where the table gives no
 * number ("—", "完成市级下达指标"); {@code text} keeps the cell as printed.
 */
public record Baseline(int year, BigDecimal value, String text) {
}
