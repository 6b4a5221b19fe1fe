package org.ecoplan.indicator.catalog;

/**
 * The kinds of 2025 target the plan's Table 2 sets. Each needs its own progress rule: only
 * {@link #NUMERIC} fits a growth-rate formula.
 */
public enum TargetType {
    /** A number to reach, with a direction (PM2.5 34 μg/m³). */
    NUMERIC("数值目标"),
    /** 不降低: met while the value is at least the baseline (forest cover, red-line area). */
    NOT_DECREASING("不降低"),
    /** 0 % or 100 %: met only at exactly that value. */
    BINARY("0%/100%"),
    /** 市级下达: the city assigns the number later; no status until it is entered. */
    ASSIGNED_BY_CITY("市级下达"),
    /** 巩固提升 and 安全可控: met while the value is not worse than the baseline. */
    CONSOLIDATE("巩固提升");

    private final String label;

    TargetType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
