package org.ecoplan.indicator.water;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * 年度评价 of a monitoring site under 环办〔2011〕22号: the arithmetic mean of each parameter over the year's samples
 * (一、（二）3), then the single-factor class of those means with the method's indicators (二、（一）1).
 * <p>
 * Means are compared with the limits unrounded: GB/T 8170-2008 4.3.2 prescribes 全数值比较法 (comparing the full
 * value) where a standard does not say otherwise, and neither GB 3838-2002 nor the method does. Means are
 * rounded for display only.
 */
public final class AnnualEvaluation {

    /** Exact for every mean that can equal a limit, which is what the class depends on. */
    private static final MathContext MEAN_PRECISION = MathContext.DECIMAL128;

    private static final int DISPLAYED_EXTRA_DECIMALS = 2;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final WaterClass evaluationMethod;

    public AnnualEvaluation(WaterClass evaluationMethod) {
        this.evaluationMethod = evaluationMethod;
    }

    /**
     * The site's year from its samples' values, each sample holding the parameters it measured.
     *
     * @return null when there are no samples: the site is not assessed that year
     */
    public AnnualClass evaluate(Waterbody waterbody, List<Map<String, BigDecimal>> samples) {
        if (samples.isEmpty()) {
            return null;
        }
        Map<String, BigDecimal> means = means(samples);
        Map<String, BigDecimal> displayed = new LinkedHashMap<>();
        for (String parameter : evaluationMethod.parameters()) {
            if (means.containsKey(parameter)) {
                displayed.put(parameter, displayed(means.get(parameter), finestScale(samples, parameter)));
            }
        }
        return new AnnualClass(samples.size(), displayed, evaluationMethod.classify(waterbody, means));
    }

    /** Each parameter's mean over the samples that measured it. */
    static Map<String, BigDecimal> means(List<Map<String, BigDecimal>> samples) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map<String, BigDecimal> sample : samples) {
            sample.forEach((parameter, value) -> {
                sums.merge(parameter, value, BigDecimal::add);
                counts.merge(parameter, 1, Integer::sum);
            });
        }
        Map<String, BigDecimal> means = new LinkedHashMap<>();
        sums.forEach((parameter, sum) -> means.put(parameter,
                sum.divide(BigDecimal.valueOf(counts.get(parameter)), MEAN_PRECISION)));
        return means;
    }

    /**
     * 劣Ⅴ类水体比例 in percent, to one decimal like the plan's Table 2: the sites whose annual class is worse than
     * Class V over the sites assessed.
     *
     * @return null when no site was assessed
     */
    public static BigDecimal worseThanVShare(Collection<WaterQualityClass> annualClasses) {
        if (annualClasses.isEmpty()) {
            return null;
        }
        long worse = annualClasses.stream().filter(c -> c == WaterQualityClass.WORSE_THAN_V).count();
        return BigDecimal.valueOf(worse).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(annualClasses.size()), 1, RoundingMode.HALF_UP);
    }

    /**
     * Two decimals finer than the finest sample, as monitoring reports give means. A mean above a limit exceeds
     * it by at least one unit of the finest decimal divided by the number of samples, so it shows above the limit
     * too unless the year has more than 200 samples.
     */
    private static BigDecimal displayed(BigDecimal mean, int finestScale) {
        BigDecimal rounded = mean.setScale(finestScale + DISPLAYED_EXTRA_DECIMALS, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    private static int finestScale(List<Map<String, BigDecimal>> samples, String parameter) {
        return samples.stream()
                .map(sample -> sample.get(parameter))
                .filter(Objects::nonNull)
                .mapToInt(value -> Math.max(value.stripTrailingZeros().scale(), 0))
                .max()
                .orElse(0);
    }

    /**
     * One site's year.
     *
     * @param samples how many samples the means are taken over
     * @param means   each parameter's annual mean in the table's order, rounded for display
     */
    public record AnnualClass(int samples, Map<String, BigDecimal> means, Classification classification) {

        public AnnualClass {
            means = Collections.unmodifiableMap(new LinkedHashMap<>(means));
        }
    }
}
