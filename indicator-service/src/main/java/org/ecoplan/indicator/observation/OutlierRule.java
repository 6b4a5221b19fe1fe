package org.ecoplan.indicator.observation;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * 异常值: whether a new value stands out from the indicator's approved history, by the robust (modified) z-score
 * of Iglewicz and Hoaglin (1993): z = 0.6745 (x - median) / MAD, where MAD is the median absolute deviation from
 * the median, flagged when |z| exceeds {@code threshold} (3.5 in the source). Median and MAD are used, not mean
 * and standard deviation, because one earlier outlier would otherwise widen the yardstick and hide the next.
 * <p>
 * Where more than half of the history shares one value, MAD is 0; the mean absolute deviation then stands in,
 * scaled by 1.2533 (√(π/2)) so that it estimates the same spread for normal data. Where every value is the same,
 * any other value is flagged. With fewer than {@code minimumHistory} values nothing is flagged: the median of
 * two or three numbers says little.
 *
 * @param minimumHistory the fewest approved values (of other periods) the rule judges against
 * @param threshold the |z| above which a value is an outlier
 */
public record OutlierRule(int minimumHistory, double threshold) {

    private static final double MAD_SCALE = 0.6745;

    private static final double MEAN_AD_SCALE = 1.253314;

    public OutlierRule {
        if (minimumHistory < 3 || threshold <= 0) {
            throw new IllegalArgumentException("The outlier rule needs at least 3 values and a positive threshold");
        }
    }

    /** Why {@code value} is an outlier against {@code history}; empty when it is not, or history is too short. */
    public Optional<String> check(BigDecimal value, List<BigDecimal> history) {
        if (history.size() < minimumHistory) {
            return Optional.empty();
        }
        double x = value.doubleValue();
        double[] values = history.stream().mapToDouble(BigDecimal::doubleValue).toArray();
        double median = median(values);
        double[] deviations = Arrays.stream(values).map(v -> Math.abs(v - median)).toArray();
        double mad = median(deviations);
        double meanDeviation = Arrays.stream(deviations).average().orElse(0);
        double z;
        if (mad > 0) {
            z = MAD_SCALE * (x - median) / mad;
        }
        else if (meanDeviation > 0) {
            z = (x - median) / (MEAN_AD_SCALE * meanDeviation);
        }
        else {
            return x == median ? Optional.empty()
                    : Optional.of("differs from all %d approved values, which are %s".formatted(values.length,
                            plain(median)));
        }
        if (Math.abs(z) <= threshold) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT,
                "robust z-score %.1f against the median %s of %d approved values (flagged beyond ±%s)", z,
                plain(median), values.length, plain(threshold)));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String plain(double number) {
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }
}
