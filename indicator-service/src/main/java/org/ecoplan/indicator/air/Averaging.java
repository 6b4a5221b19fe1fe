package org.ecoplan.indicator.air;

/** 平均时间 The averaging time of a concentration, as GB 3095-2012 and HJ 633-2012 name their columns. */
public enum Averaging {

    /** 1 小时平均. */
    HOUR("1h"),
    /** 8 小时平均; for a day, the daily maximum 8 h mean (日最大8小时平均). */
    EIGHT_HOURS("8h"),
    /** 24 小时平均. */
    DAY("24h"),
    /** 年平均. */
    YEAR("annual");

    private final String code;

    Averaging(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Averaging ofCode(String code) {
        for (Averaging averaging : values()) {
            if (averaging.code.equals(code)) {
                return averaging;
            }
        }
        throw new IllegalArgumentException("Unknown averaging time " + code);
    }
}
