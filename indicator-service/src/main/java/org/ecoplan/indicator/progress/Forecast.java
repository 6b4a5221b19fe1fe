package org.ecoplan.indicator.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * The value an indicator is heading for in its target year, projected from the points progress counted, with the
 * method and the points so that the figure can be recomputed by hand.
 * <ul>
 * <li>Three points or more: {@link Method#LEAST_SQUARES_LINEAR_TREND}. Annual environmental values swing with the
 * weather (a wet year lowers PM2.5); a least-squares line through every year weighs one unusual year as one point
 * among several, where a line through two points would follow it entirely. Over the few years left to 2025 a
 * straight line and a compound curve part by far less than those swings.
 * <li>Two points (base and latest): {@link Method#CAGR_EXTRAPOLATION}, continuing the very compound rate the
 * status was judged on, so status and forecast cannot contradict each other; {@link Method#LINEAR_EXTRAPOLATION}
 * where a zero or a change of sign leaves no compound rate (see {@link Growth#compounds}).
 * <li>Fewer points, or the target year already observed: no forecast.
 * </ul>
 *
 * @param value rounded to one decimal more than the most precise point: a projection is no more precise than its
 *        data
 * @param points the values the projection used, oldest first
 * @param meetsTarget whether the projected value would meet the target; null without a figure to compare with
 */
public record Forecast(int year, BigDecimal value, Method method, List<AnnualValue> points, Boolean meetsTarget) {

    public Forecast {
        points = List.copyOf(points);
    }

    public enum Method {
        LEAST_SQUARES_LINEAR_TREND, CAGR_EXTRAPOLATION, LINEAR_EXTRAPOLATION
    }

    /** The projection to {@code year}; {@code points} oldest first, one per year. */
    static Optional<Forecast> project(List<AnnualValue> points, int year) {
        if (points.size() < 2 || points.get(points.size() - 1).year() >= year) {
            return Optional.empty();
        }
        int scale = 1 + points.stream()
            .mapToInt(point -> Math.max(point.value().stripTrailingZeros().scale(), 0))
            .max()
            .orElseThrow();
        AnnualValue first = points.get(0);
        AnnualValue latest = points.get(points.size() - 1);
        Method method = points.size() >= 3 ? Method.LEAST_SQUARES_LINEAR_TREND
                : Growth.compounds(first.value(), latest.value()) ? Method.CAGR_EXTRAPOLATION
                        : Method.LINEAR_EXTRAPOLATION;
        BigDecimal projected = switch (method) {
            case LEAST_SQUARES_LINEAR_TREND -> leastSquares(points, year);
            case CAGR_EXTRAPOLATION -> BigDecimal.valueOf(latest.value().doubleValue() * Math.pow(
                    1 + Growth.compoundAnnual(first.value(), latest.value(), latest.year() - first.year()),
                    year - latest.year()));
            case LINEAR_EXTRAPOLATION -> latest.value()
                .add(Growth.linearAnnual(first.value(), latest.value(), latest.year() - first.year())
                    .multiply(BigDecimal.valueOf(year - latest.year())));
        };
        return Optional.of(new Forecast(year, projected.setScale(scale, RoundingMode.HALF_UP), method, points, null));
    }

    /** ȳ + b (year − x̄) with b = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², in exact decimals. */
    private static BigDecimal leastSquares(List<AnnualValue> points, int year) {
        BigDecimal count = BigDecimal.valueOf(points.size());
        BigDecimal meanYear = points.stream()
            .map(point -> BigDecimal.valueOf(point.year()))
            .reduce(BigDecimal.ZERO, BigDecimal::add)
            .divide(count, Growth.MATH);
        BigDecimal meanValue = points.stream()
            .map(AnnualValue::value)
            .reduce(BigDecimal.ZERO, BigDecimal::add)
            .divide(count, Growth.MATH);
        BigDecimal covariance = BigDecimal.ZERO;
        BigDecimal variance = BigDecimal.ZERO;
        for (AnnualValue point : points) {
            BigDecimal dx = BigDecimal.valueOf(point.year()).subtract(meanYear);
            covariance = covariance.add(dx.multiply(point.value().subtract(meanValue)));
            variance = variance.add(dx.multiply(dx));
        }
        BigDecimal slope = covariance.divide(variance, Growth.MATH);
        return meanValue.add(slope.multiply(BigDecimal.valueOf(year).subtract(meanYear)));
    }

    Forecast judged(Boolean meets) {
        return new Forecast(year, value, method, points, meets);
    }
}
