package org.ecoplan.indicator.air;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 污染物 The six pollutants of the air quality index, with the precision their concentrations are reported at.
 * <p>
 * Reporting precision and rounding: HJ 663-2013 §6 (数据统计要求) reports SO2, NO2, PM10, PM2.5 and O3 as whole
 * µg/m³ and CO to 0.1 mg/m³, rounded (修约) by GB/T 8170-2008, whose 进舍规则 is round half to even (四舍六入五成双:
 * 0.5 goes to the even neighbour, anything above it goes up). HJ 633-2012 computes the IAQI from the concentration so
 * reported, so rounding happens once, on the exact value, before any sub-index.
 */
public enum Pollutant {

    SO2("SO2", "二氧化硫", "µg/m³", 0),
    NO2("NO2", "二氧化氮", "µg/m³", 0),
    PM10("PM10", "可吸入颗粒物（PM10）", "µg/m³", 0),
    PM2_5("PM2.5", "细颗粒物（PM2.5）", "µg/m³", 0),
    CO("CO", "一氧化碳", "mg/m³", 1),
    O3("O3", "臭氧", "µg/m³", 0);

    static final RoundingMode GB_T_8170 = RoundingMode.HALF_EVEN;

    private static final Pollutant[] ALL = values();

    private final String code;

    private final String zh;

    private final String unit;

    private final int scale;

    Pollutant(String code, String zh, String unit, int scale) {
        this.code = code;
        this.zh = zh;
        this.unit = unit;
        this.scale = scale;
    }

    /** As the standards write it: {@code SO2}, {@code PM2.5}. */
    public String code() {
        return code;
    }

    public String zh() {
        return zh;
    }

    public String unit() {
        return unit;
    }

    /** Decimal places of a reported concentration. */
    public int scale() {
        return scale;
    }

    public static Pollutant ofCode(String code) {
        for (Pollutant pollutant : ALL) {
            if (pollutant.code.equals(code)) {
                return pollutant;
            }
        }
        throw new IllegalArgumentException("Unknown pollutant " + code);
    }

    /** The concentration as reported, in units of its last digit (1 µg/m³, 0.1 mg/m³ for CO). */
    public int reported(BigDecimal concentration) {
        return concentration.setScale(scale, GB_T_8170).unscaledValue().intValueExact();
    }

    /** The mean of {@code count} values adding up to {@code sum}, as reported: rounded once, from the exact quotient. */
    public int reportedMean(BigDecimal sum, long count) {
        return reported(sum.divide(BigDecimal.valueOf(count), scale, GB_T_8170));
    }

    /** A value a standard's table states at reporting precision; anything finer is an error in the table. */
    int reportedExactly(BigDecimal concentration) {
        return concentration.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().intValueExact();
    }

    /** The concentration a reported value stands for. */
    public BigDecimal concentration(int reported) {
        return BigDecimal.valueOf(reported, scale);
    }

    static Pollutant[] all() {
        return ALL;
    }
}
