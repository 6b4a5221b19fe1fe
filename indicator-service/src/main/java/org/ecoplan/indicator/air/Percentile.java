package org.ecoplan.indicator.air;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * 百分位数 The p-th percentile of HJ 663-2013 Appendix A: sort the n values ascending as X(1)..X(n), take
 * k = 1 + (n - 1) p, s its integer part; the percentile is X(s) + (X(s+1) - X(s)) (k - s), and X(n) when s = n.
 */
public final class Percentile {

    private Percentile() {
    }

    /**
     * The exact percentile of the values (in any unit), p a fraction such as 0.95.
     *
     * @throws IllegalArgumentException for no values or p outside 0..1
     */
    public static BigDecimal of(int[] values, BigDecimal p) {
        if (values.length == 0) {
            throw new IllegalArgumentException("A percentile needs at least one value");
        }
        if (p.signum() < 0 || p.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("p must lie between 0 and 1: " + p);
        }
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        BigDecimal k = BigDecimal.ONE.add(BigDecimal.valueOf(sorted.length - 1L).multiply(p));
        int s = k.intValue();
        BigDecimal low = BigDecimal.valueOf(sorted[s - 1]);
        if (s == sorted.length) {
            return low;
        }
        BigDecimal fraction = k.subtract(BigDecimal.valueOf(s));
        return low.add(BigDecimal.valueOf((long) sorted[s] - sorted[s - 1]).multiply(fraction));
    }
}
