package org.ecoplan.indicator.progress;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;

/** The two ways of measuring a pace that {@link ProgressRule} and {@link Forecast} share. */
final class Growth {

    /** Sixteen significant digits: far beyond the three decimals monitoring data carries. */
    static final MathContext MATH = MathContext.DECIMAL64;

    private Growth() {
    }

    /**
     * Whether a compound growth rate exists between these values: all non-zero and of one sign. A zero makes the
     * rate −100 % or infinite, a change of sign makes the root of a negative ratio; neither says anything about
     * the pace, so callers measure linearly instead (and never substitute 0.001 for a zero, as Open SDG does).
     */
    static boolean compounds(BigDecimal... values) {
        int sign = values[0].signum();
        return sign != 0 && Arrays.stream(values).allMatch(value -> value.signum() == sign);
    }

    /** CAGR = (to / from)^(1 / years) − 1; for two negative values it is the growth of the magnitude. */
    static double compoundAnnual(BigDecimal from, BigDecimal to, int years) {
        return Math.pow(to.divide(from, MATH).doubleValue(), 1.0 / years) - 1;
    }

    /** (to − from) / years, in the values' unit. */
    static BigDecimal linearAnnual(BigDecimal from, BigDecimal to, int years) {
        return to.subtract(from).divide(BigDecimal.valueOf(years), MATH);
    }
}
