package org.ecoplan.indicator.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.ecoplan.indicator.catalog.Direction;
import org.ecoplan.indicator.catalog.TargetType;

/**
 * REFERENCE §7: an indicator's status against its 2025 target, after Open SDG's published progress measure, with
 * a rule for each target type of the plan's Table 2. Values in, {@link Progress} out; no I/O.
 *
 * <h2>What is counted</h2>
 * Approved annual values up to the year assessed; where the plan gives a baseline, only those from the baseline
 * year on, because earlier ones predate the plan. The <em>base</em> is the plan's 2020 value; where the table prints
 * none ("—"), the first approved value before the target year, provided a later one exists (Open SDG likewise falls
 * back to the next year with data). The <em>latest</em> is the most recent value counted.
 *
 * <h2>Numeric targets: 数值目标, 0 %/100 %, and 市级下达 once the city's figure is entered</h2>
 * The first rule that applies decides:
 * <ol>
 * <li>No value counted: {@code NOT_AVAILABLE}.
 * <li>The latest value meets the target, i.e. is not worse than it in the target's direction (0 %/100 %: equals
 * it): {@code ACHIEVED}. No baseline is needed: a value at the target is met however it got there.
 * <li>No base, or the latest value is from the base year: {@code NOT_AVAILABLE}, as there is no pace to judge.
 * <li>Target equal to the baseline: {@code DETERIORATING}. The needed rate is 0, so R is undefined; a target that
 * asks only to keep the baseline is unmet only when the latest value is worse than the baseline, which is moving
 * away. This covers the zero baseline with a zero target (劣Ⅴ类水体比例 0 → 0): achieved while the latest is 0,
 * deteriorating otherwise.
 * <li>Base, latest and target all non-zero and of one sign: Open SDG's ratio of compound annual growth rates,
 * CAGR = (y / b)^(1 / (t − t_b)) − 1, CAGR_T = (T / b)^(1 / (t_T − t_b)) − 1, R = s × d × CAGR / |CAGR_T| with d = +1
 * for higher-is-better and −1 for lower-is-better, and s = −1 when the values are negative (their ratio then grows as
 * the value falls; Open SDG's {@code sign}).
 * <li>Otherwise (a zero base, target or latest value, or values on both sides of zero): the linear ratio
 * R = d × ((y − b) / (t − t_b)) / |(T − b) / (t_T − t_b)|, the share of the straight path from base to target the
 * plan implies. A compound rate from zero is infinite and one toward zero is −100 %/a whatever the pace (from 5 to
 * 4 in one year toward 0 in five would read 20 % of the needed pace while it is ahead of it), so the change per
 * year is the pace that still means something. It is judged against the same thresholds. Substituting 0.001 for
 * the zero, as Open SDG's code does, would make the answer depend on an arbitrary constant.
 * </ol>
 * R is rounded to six decimals and then banded by {@link ProgressThresholds} (ON_TRACK from 0.95, NEEDS_ACCELERATION
 * from 0.6, LIMITED from 0, DETERIORATING below; lower bounds inclusive). The rounding only removes floating-point
 * noise (about 1e-16) from the compound rates, so that a ratio of exactly 0.95 is judged as 0.95; the report shows
 * the rounded R that was judged. A target worse than its baseline (优良天数比例 92.1 → 90.9) needs a negative rate;
 * unmet, the latest value lies beyond the base in the wrong direction, so R &lt; 0 and it deteriorates.
 * {@link PlanQualityChecks} reports such targets. After the target year the same rules apply.
 *
 * <h2>不降低 and 巩固提升</h2>
 * These ask to keep a state, not to cover a distance, so there is no pace: {@code ACHIEVED} while the latest value
 * is not worse than the base in the {@link Goal#direction()}, {@code DETERIORATING} otherwise, {@code NOT_AVAILABLE}
 * without a value or a base.
 *
 * <h2>市级下达</h2>
 * {@code AWAITING_TARGET} until the city's figure and its direction are entered, whatever data there is: the missing
 * target is the first thing the bureau has to chase.
 */
public final class ProgressRule {

    /** Decimals of the rates and of R, see the class comment. */
    static final int SCALE = 6;

    private final ProgressThresholds thresholds;

    public ProgressRule(ProgressThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * @param planBaseline the plan's baseline value, null where the table prints none
     * @param approved the indicator's approved annual values, one per year, in any order
     * @param year the year assessed: later values are not counted
     */
    public Progress assess(Goal target, AnnualValue planBaseline, List<AnnualValue> approved, int year) {
        if (planBaseline != null && planBaseline.year() >= target.year()) {
            throw new IllegalArgumentException("The baseline year must precede the target year");
        }
        List<AnnualValue> counted = approved.stream()
            .filter(value -> value.year() <= year)
            .filter(value -> planBaseline == null || value.year() >= planBaseline.year())
            .sorted(Comparator.comparingInt(AnnualValue::year))
            .toList();
        AnnualValue latest = counted.isEmpty() ? null : counted.get(counted.size() - 1);
        AnnualValue base = planBaseline != null ? planBaseline
                : counted.size() >= 2 && counted.get(0).year() < target.year() ? counted.get(0) : null;
        Verdict verdict = judge(target, base, latest);
        Forecast forecast = Forecast.project(trend(base, counted), target.year())
            .map(projection -> projection.judged(meets(target, base, projection.value())))
            .orElse(null);
        return new Progress(year, verdict.status(), verdict.rule(), target, base, latest, verdict.neededRate(),
                verdict.observedRate(), verdict.ratio(), forecast);
    }

    private Verdict judge(Goal target, AnnualValue base, AnnualValue latest) {
        if (target.awaitsCityFigure()) {
            return Verdict.of(ProgressStatus.AWAITING_TARGET, AppliedRule.AWAITING_CITY_FIGURE);
        }
        if (latest == null) {
            return Verdict.of(ProgressStatus.NOT_AVAILABLE, AppliedRule.NO_APPROVED_DATA);
        }
        if (target.holdsBaseline()) {
            if (base == null) {
                return Verdict.of(ProgressStatus.NOT_AVAILABLE, AppliedRule.NO_BASELINE);
            }
            return Verdict.of(meets(target, base, latest.value()) ? ProgressStatus.ACHIEVED
                    : ProgressStatus.DETERIORATING, AppliedRule.NOT_WORSE_THAN_BASELINE);
        }
        if (meets(target, base, latest.value())) {
            return Verdict.of(ProgressStatus.ACHIEVED, AppliedRule.TARGET_MET);
        }
        if (base == null) {
            return Verdict.of(ProgressStatus.NOT_AVAILABLE, AppliedRule.NO_BASELINE);
        }
        if (latest.year() == base.year()) {
            return Verdict.of(ProgressStatus.NOT_AVAILABLE, AppliedRule.NO_DATA_AFTER_BASELINE);
        }
        if (target.value().compareTo(base.value()) == 0) {
            return Verdict.of(ProgressStatus.DETERIORATING, AppliedRule.TARGET_EQUALS_BASELINE);
        }
        return paced(target, base, latest);
    }

    private Verdict paced(Goal target, AnnualValue base, AnnualValue latest) {
        int direction = target.direction() == Direction.HIGHER_IS_BETTER ? 1 : -1;
        int neededYears = target.year() - base.year();
        int observedYears = latest.year() - base.year();
        if (Growth.compounds(base.value(), latest.value(), target.value())) {
            double needed = Growth.compoundAnnual(base.value(), target.value(), neededYears);
            double observed = Growth.compoundAnnual(base.value(), latest.value(), observedYears);
            double ratio = base.value().signum() * direction * observed / Math.abs(needed);
            return banded(AppliedRule.CAGR_RATIO, BigDecimal.valueOf(needed), BigDecimal.valueOf(observed),
                    BigDecimal.valueOf(ratio));
        }
        BigDecimal needed = Growth.linearAnnual(base.value(), target.value(), neededYears);
        BigDecimal observed = Growth.linearAnnual(base.value(), latest.value(), observedYears);
        BigDecimal ratio = observed.multiply(BigDecimal.valueOf(direction)).divide(needed.abs(), Growth.MATH);
        return banded(AppliedRule.LINEAR_RATIO, needed, observed, ratio);
    }

    private Verdict banded(AppliedRule rule, BigDecimal needed, BigDecimal observed, BigDecimal ratio) {
        BigDecimal judged = rounded(ratio);
        return new Verdict(thresholds.statusFor(judged), rule, rounded(needed), rounded(observed), judged);
    }

    /**
     * Whether {@code value} meets the target; null where there is nothing to compare with (no city figure yet, or
     * no base for a target that keeps the base).
     */
    private static Boolean meets(Goal target, AnnualValue base, BigDecimal value) {
        if (target.awaitsCityFigure()) {
            return null;
        }
        if (target.holdsBaseline()) {
            return base == null ? null : notWorse(value, base.value(), target.direction());
        }
        if (target.type() == TargetType.BINARY) {
            return value.compareTo(target.value()) == 0;
        }
        return notWorse(value, target.value(), target.direction());
    }

    static boolean notWorse(BigDecimal value, BigDecimal reference, Direction direction) {
        int comparison = value.compareTo(reference);
        return direction == Direction.HIGHER_IS_BETTER ? comparison >= 0 : comparison <= 0;
    }

    /** The base, then every counted value after its year: the points a forecast runs through. */
    private static List<AnnualValue> trend(AnnualValue base, List<AnnualValue> counted) {
        if (base == null) {
            return counted;
        }
        List<AnnualValue> points = new ArrayList<>();
        points.add(base);
        counted.stream().filter(value -> value.year() > base.year()).forEach(points::add);
        return points;
    }

    /** Six decimals, without trailing zeros so that a rate of 2 reads 2, not 2.000000. */
    private static BigDecimal rounded(BigDecimal value) {
        BigDecimal stripped = value.setScale(SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private record Verdict(ProgressStatus status, AppliedRule rule, BigDecimal neededRate, BigDecimal observedRate,
            BigDecimal ratio) {

        static Verdict of(ProgressStatus status, AppliedRule rule) {
            return new Verdict(status, rule, null, null, null);
        }
    }
}
