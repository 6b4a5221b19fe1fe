package org.ecoplan.indicator.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.List;

import org.ecoplan.indicator.catalog.Direction;
import org.ecoplan.indicator.catalog.TargetType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * REFERENCE §7 by hand. Unless a row says otherwise the baseline is the plan's 2020 value, the target is for 2025,
 * and the only approved value is the latest one, assessed as of its own year. Rates: CAGR = (y/b)^(1/n) − 1;
 * linear = (y − b)/n; R = direction × observed / |needed| (× −1 for negative values); ratios rounded to 6 decimals.
 */
class ProgressRuleTest {

    private final ProgressRule rule = new ProgressRule(ProgressThresholds.openSdg());

    @ParameterizedTest(name = "{0} {1} {2} -> {3}: {5}@{4} is {6} by {7}")
    @CsvSource(nullValues = "null", delimiterString = "|", textBlock = """
            # PM2.5 36 -> 34 (lower is better). Needed (34/36)^(1/5) - 1 = -0.011367.
            # 2023 = 35: observed (35/36)^(1/3) - 1 = -0.009346; R = -1 x -0.009346 / 0.011367 = 0.822264
            NUMERIC | LOWER_IS_BETTER  | 36    | 34      | 2023 | 35     | NEEDS_ACCELERATION | CAGR_RATIO    | 0.822264
            # 2021 = 34.5: observed 34.5/36 - 1 = -0.041667; R = 3.665714, ahead of pace but not there yet
            NUMERIC | LOWER_IS_BETTER  | 36    | 34      | 2021 | 34.5   | ON_TRACK           | CAGR_RATIO    | 3.665714
            # unchanged: observed 0, R = 0, the lowest point of LIMITED
            NUMERIC | LOWER_IS_BETTER  | 36    | 34      | 2023 | 36     | LIMITED            | CAGR_RATIO    | 0
            # 2023 = 37: observed (37/36)^(1/3) - 1 = 0.009175; R = -0.807175
            NUMERIC | LOWER_IS_BETTER  | 36    | 34      | 2023 | 37     | DETERIORATING      | CAGR_RATIO    | -0.807175
            # at the target (inclusive) and beyond it
            NUMERIC | LOWER_IS_BETTER  | 36    | 34      | 2023 | 34     | ACHIEVED           | TARGET_MET    | null
            NUMERIC | LOWER_IS_BETTER  | 36    | 34      | 2022 | 33     | ACHIEVED           | TARGET_MET    | null
            # only the baseline year's own value, not met: no pace yet
            NUMERIC | LOWER_IS_BETTER  | 36    | 34      | 2020 | 35     | NOT_AVAILABLE      | NO_DATA_AFTER_BASELINE | null
            # Exact thresholds, lower is better: target 100 x 0.8^5 = 32.768 needs exactly -20 %/a.
            # 2021 = 81: -19 %/a, R = 0.19/0.2 = 0.95; 81.01: R = 0.1899/0.2 = 0.9495
            NUMERIC | LOWER_IS_BETTER  | 100   | 32.768  | 2021 | 81     | ON_TRACK           | CAGR_RATIO    | 0.95
            NUMERIC | LOWER_IS_BETTER  | 100   | 32.768  | 2021 | 81.01  | NEEDS_ACCELERATION | CAGR_RATIO    | 0.9495
            # 88: R = 0.12/0.2 = 0.6; 88.01: R = 0.1199/0.2 = 0.5995
            NUMERIC | LOWER_IS_BETTER  | 100   | 32.768  | 2021 | 88     | NEEDS_ACCELERATION | CAGR_RATIO    | 0.6
            NUMERIC | LOWER_IS_BETTER  | 100   | 32.768  | 2021 | 88.01  | LIMITED            | CAGR_RATIO    | 0.5995
            # 100: R = 0; 100.01: observed +0.0001, R = -0.0005
            NUMERIC | LOWER_IS_BETTER  | 100   | 32.768  | 2021 | 100    | LIMITED            | CAGR_RATIO    | 0
            NUMERIC | LOWER_IS_BETTER  | 100   | 32.768  | 2021 | 100.01 | DETERIORATING      | CAGR_RATIO    | -0.0005
            # Exact thresholds, higher is better: target 100 x 1.2^5 = 248.832 needs exactly +20 %/a
            NUMERIC | HIGHER_IS_BETTER | 100   | 248.832 | 2021 | 119    | ON_TRACK           | CAGR_RATIO    | 0.95
            NUMERIC | HIGHER_IS_BETTER | 100   | 248.832 | 2021 | 118.99 | NEEDS_ACCELERATION | CAGR_RATIO    | 0.9495
            NUMERIC | HIGHER_IS_BETTER | 100   | 248.832 | 2021 | 112    | NEEDS_ACCELERATION | CAGR_RATIO    | 0.6
            NUMERIC | HIGHER_IS_BETTER | 100   | 248.832 | 2021 | 111.99 | LIMITED            | CAGR_RATIO    | 0.5995
            NUMERIC | HIGHER_IS_BETTER | 100   | 248.832 | 2021 | 100    | LIMITED            | CAGR_RATIO    | 0
            NUMERIC | HIGHER_IS_BETTER | 100   | 248.832 | 2021 | 99.99  | DETERIORATING      | CAGR_RATIO    | -0.0005
            NUMERIC | HIGHER_IS_BETTER | 100   | 248.832 | 2024 | 248.832| ACHIEVED           | TARGET_MET    | null
            # Good-air days 92.1 -> 90.9 (higher is better, target below baseline): 91.5 meets it;
            # 90: needed (90.9/92.1)^(1/5) - 1 = -0.002620, observed (90/92.1)^(1/3) - 1 = -0.007659, R = -2.923762
            NUMERIC | HIGHER_IS_BETTER | 92.1  | 90.9    | 2023 | 91.5   | ACHIEVED           | TARGET_MET    | null
            NUMERIC | HIGHER_IS_BETTER | 92.1  | 90.9    | 2023 | 90     | DETERIORATING      | CAGR_RATIO    | -2.923762
            # Zero baseline, positive target: linear. Needed (10 - 0)/5 = 2 per year.
            # 2022 = 3.8: 1.9/a, R = 0.95; 3.79: 0.9475; 2.4: 0.6; 2.38: 0.595; 0: 0; -0.1: -0.05/a, R = -0.025
            NUMERIC | HIGHER_IS_BETTER | 0     | 10      | 2022 | 3.8    | ON_TRACK           | LINEAR_RATIO  | 0.95
            NUMERIC | HIGHER_IS_BETTER | 0     | 10      | 2022 | 3.79   | NEEDS_ACCELERATION | LINEAR_RATIO  | 0.9475
            NUMERIC | HIGHER_IS_BETTER | 0     | 10      | 2022 | 2.4    | NEEDS_ACCELERATION | LINEAR_RATIO  | 0.6
            NUMERIC | HIGHER_IS_BETTER | 0     | 10      | 2022 | 2.38   | LIMITED            | LINEAR_RATIO  | 0.595
            NUMERIC | HIGHER_IS_BETTER | 0     | 10      | 2022 | 0      | LIMITED            | LINEAR_RATIO  | 0
            NUMERIC | HIGHER_IS_BETTER | 0     | 10      | 2022 | -0.1   | DETERIORATING      | LINEAR_RATIO  | -0.025
            # Zero target, lower is better: linear. Needed (0 - 10)/5 = -2 per year.
            # 2022 = 6.2: -1.9/a, R = -1 x -1.9 / 2 = 0.95; 6.22: 0.945; 7.6: 0.6; 7.62: 0.595; 10: 0; 10.5: -0.125
            NUMERIC | LOWER_IS_BETTER  | 10    | 0       | 2022 | 6.2    | ON_TRACK           | LINEAR_RATIO  | 0.95
            NUMERIC | LOWER_IS_BETTER  | 10    | 0       | 2022 | 6.22   | NEEDS_ACCELERATION | LINEAR_RATIO  | 0.945
            NUMERIC | LOWER_IS_BETTER  | 10    | 0       | 2022 | 7.6    | NEEDS_ACCELERATION | LINEAR_RATIO  | 0.6
            NUMERIC | LOWER_IS_BETTER  | 10    | 0       | 2022 | 7.62   | LIMITED            | LINEAR_RATIO  | 0.595
            NUMERIC | LOWER_IS_BETTER  | 10    | 0       | 2022 | 10     | LIMITED            | LINEAR_RATIO  | 0
            NUMERIC | LOWER_IS_BETTER  | 10    | 0       | 2022 | 10.5   | DETERIORATING      | LINEAR_RATIO  | -0.125
            NUMERIC | LOWER_IS_BETTER  | 10    | 0       | 2022 | 0      | ACHIEVED           | TARGET_MET    | null
            # 5 -> 0: 4 after one year is exactly the straight path (-1/a), R = 1; CAGR would read 0.2
            NUMERIC | LOWER_IS_BETTER  | 5     | 0       | 2021 | 4      | ON_TRACK           | LINEAR_RATIO  | 1
            # Zero baseline, zero target, lower is better: achieved while 0, deteriorating otherwise
            NUMERIC | LOWER_IS_BETTER  | 0     | 0       | 2023 | 0      | ACHIEVED           | TARGET_MET    | null
            NUMERIC | LOWER_IS_BETTER  | 0     | 0       | 2023 | 1.5    | DETERIORATING      | TARGET_EQUALS_BASELINE | null
            # Target equal to a non-zero baseline: holding it is meeting it
            NUMERIC | HIGHER_IS_BETTER | 50    | 50      | 2023 | 50     | ACHIEVED           | TARGET_MET    | null
            NUMERIC | HIGHER_IS_BETTER | 50    | 50      | 2023 | 49     | DETERIORATING      | TARGET_EQUALS_BASELINE | null
            # Negative values, higher is better, -10 -> -5: needed (0.5)^(1/5) - 1 = -0.129449 (the magnitude
            # shrinks), observed (0.8)^(1/3) - 1 = -0.071682; R = -1 (sign) x 1 x -0.071682 / 0.129449 = 0.553747
            NUMERIC | HIGHER_IS_BETTER | -10   | -5      | 2023 | -8     | LIMITED            | CAGR_RATIO    | 0.553747
            # -11: observed (1.1)^(1/3) - 1 = +0.032280 (the magnitude grows), R = -1 x 0.032280 / 0.129449 = -0.249365
            NUMERIC | HIGHER_IS_BETTER | -10   | -5      | 2023 | -11    | DETERIORATING      | CAGR_RATIO    | -0.249365
            # Across zero, -2 -> 2: linear, needed 4/5 = 0.8/a, observed 2/3 = 0.666667/a, R = 0.833333
            NUMERIC | HIGHER_IS_BETTER | -2    | 2       | 2023 | 0      | NEEDS_ACCELERATION | LINEAR_RATIO  | 0.833333
            # 0 %/100 %: 劣Ⅴ类 0 -> 0 (lower), 医疗废物 100 -> 100 (higher): met only at exactly the target
            BINARY  | LOWER_IS_BETTER  | 0     | 0       | 2023 | 0      | ACHIEVED           | TARGET_MET    | null
            BINARY  | LOWER_IS_BETTER  | 0     | 0       | 2023 | 5      | DETERIORATING      | TARGET_EQUALS_BASELINE | null
            BINARY  | HIGHER_IS_BETTER | 100   | 100     | 2023 | 100    | ACHIEVED           | TARGET_MET    | null
            BINARY  | HIGHER_IS_BETTER | 100   | 100     | 2023 | 99.5   | DETERIORATING      | TARGET_EQUALS_BASELINE | null
            # 0 % from 20 %: linear, needed -4/a; 10 in 2022 is -5/a, R = 1.25
            BINARY  | LOWER_IS_BETTER  | 20    | 0       | 2022 | 10     | ON_TRACK           | LINEAR_RATIO  | 1.25
            # 不降低: forest cover 42 %, red-line area 2.48 km²
            NOT_DECREASING | HIGHER_IS_BETTER | 42   | null | 2023 | 42     | ACHIEVED      | NOT_WORSE_THAN_BASELINE | null
            NOT_DECREASING | HIGHER_IS_BETTER | 42   | null | 2023 | 42.5   | ACHIEVED      | NOT_WORSE_THAN_BASELINE | null
            NOT_DECREASING | HIGHER_IS_BETTER | 42   | null | 2023 | 41.9   | DETERIORATING | NOT_WORSE_THAN_BASELINE | null
            NOT_DECREASING | HIGHER_IS_BETTER | 2.48 | null | 2024 | 2.47   | DETERIORATING | NOT_WORSE_THAN_BASELINE | null
            # 巩固提升: 黑臭水体消除比例 100 % (higher is better assumed); a lower-is-better one keeps at most its baseline
            CONSOLIDATE | HIGHER_IS_BETTER | 100  | null | 2023 | 100    | ACHIEVED      | NOT_WORSE_THAN_BASELINE | null
            CONSOLIDATE | HIGHER_IS_BETTER | 100  | null | 2023 | 99     | DETERIORATING | NOT_WORSE_THAN_BASELINE | null
            CONSOLIDATE | LOWER_IS_BETTER  | 5    | null | 2023 | 4      | ACHIEVED      | NOT_WORSE_THAN_BASELINE | null
            CONSOLIDATE | LOWER_IS_BETTER  | 5    | null | 2023 | 6      | DETERIORATING | NOT_WORSE_THAN_BASELINE | null
            # 市级下达: no status without the city's figure, whatever the data; with it, the numeric rules
            ASSIGNED_BY_CITY | null          | 100  | null | 2023 | 100    | AWAITING_TARGET | AWAITING_CITY_FIGURE | null
            ASSIGNED_BY_CITY | HIGHER_IS_BETTER | 100 | 98 | 2023 | 99     | ACHIEVED      | TARGET_MET    | null
            ASSIGNED_BY_CITY | HIGHER_IS_BETTER | 100 | 100 | 2023 | 97    | DETERIORATING | TARGET_EQUALS_BASELINE | null
            """)
    void judgesTheLatestValueAgainstTheTarget(TargetType type, Direction direction, BigDecimal baseline,
            BigDecimal target, int year, BigDecimal latest, ProgressStatus status, AppliedRule applied,
            BigDecimal ratio) {
        Progress progress = rule.assess(goal(type, target, direction), AnnualValue.planTable(2020, baseline),
                List.of(approved(year, latest)), year);

        assertThat(progress.status()).isEqualTo(status);
        assertThat(progress.rule()).isEqualTo(applied);
        if (ratio == null) {
            assertThat(progress.ratio()).isNull();
        }
        else {
            assertThat(progress.ratio()).isEqualByComparingTo(ratio);
        }
        assertThat(progress.latest().value()).isEqualByComparingTo(latest);
        assertThat(progress.year()).isEqualTo(year);
    }

    @Test
    void pm25ShowsEveryInputOfItsRatio() {
        AnnualValue base = AnnualValue.planTable(2020, new BigDecimal("36"));
        AnnualValue latest = AnnualValue.approved(2023, new BigDecimal("35"), "obs-2023", true);

        Progress progress = rule.assess(goal(TargetType.NUMERIC, new BigDecimal("34"), Direction.LOWER_IS_BETTER),
                base, List.of(latest), 2023);

        assertThat(progress.base()).isEqualTo(base);
        assertThat(progress.latest()).isEqualTo(latest);
        assertThat(progress.latest().source()).isEqualTo(AnnualValue.Source.DERIVED_OBSERVATION);
        assertThat(progress.neededRate()).isEqualByComparingTo("-0.011367");
        assertThat(progress.observedRate()).isEqualByComparingTo("-0.009346");
        assertThat(progress.ratio()).isEqualByComparingTo("0.822264");
        // 35 x (35/36)^(2/3) = 34.3488: one decimal more than the integer inputs; still above 34
        assertThat(progress.forecast().value()).isEqualByComparingTo("34.3");
        assertThat(progress.forecast().method()).isEqualTo(Forecast.Method.CAGR_EXTRAPOLATION);
        assertThat(progress.forecast().points()).containsExactly(base, latest);
        assertThat(progress.forecast().meetsTarget()).isFalse();
    }

    @Test
    void linearRatesAreInTheIndicatorsUnitPerYear() {
        Progress progress = rule.assess(goal(TargetType.NUMERIC, new BigDecimal("10"), Direction.HIGHER_IS_BETTER),
                AnnualValue.planTable(2020, BigDecimal.ZERO), List.of(approved(2022, new BigDecimal("3.8"))), 2022);

        assertThat(progress.neededRate()).isEqualByComparingTo("2");
        assertThat(progress.observedRate()).isEqualByComparingTo("1.9");
        assertThat(progress.neededRate().toPlainString()).isEqualTo("2");
    }

    @Test
    void withoutApprovedDataNothingIsAvailable() {
        Progress progress = rule.assess(goal(TargetType.NUMERIC, new BigDecimal("34"), Direction.LOWER_IS_BETTER),
                AnnualValue.planTable(2020, new BigDecimal("36")), List.of(), 2024);

        assertThat(progress.status()).isEqualTo(ProgressStatus.NOT_AVAILABLE);
        assertThat(progress.rule()).isEqualTo(AppliedRule.NO_APPROVED_DATA);
        assertThat(progress.latest()).isNull();
        assertThat(progress.forecast()).isNull();
    }

    @Test
    void valuesAfterTheAssessedYearAndBeforeTheBaselineAreNotCounted() {
        Goal pm25 = goal(TargetType.NUMERIC, new BigDecimal("34"), Direction.LOWER_IS_BETTER);
        AnnualValue base = AnnualValue.planTable(2020, new BigDecimal("36"));
        List<AnnualValue> approved = List.of(approved(2019, new BigDecimal("30")),
                approved(2021, new BigDecimal("35.5")), approved(2023, new BigDecimal("33")));

        Progress asOf2021 = rule.assess(pm25, base, approved, 2021);
        assertThat(asOf2021.latest().year()).isEqualTo(2021);
        assertThat(asOf2021.status()).isEqualTo(ProgressStatus.ON_TRACK);

        Progress asOf2020 = rule.assess(pm25, base, approved, 2020);
        assertThat(asOf2020.status()).isEqualTo(ProgressStatus.NOT_AVAILABLE);
        assertThat(asOf2020.rule()).isEqualTo(AppliedRule.NO_APPROVED_DATA);
    }

    @Test
    void withoutAPlanBaselineTheFirstApprovedValueIsTheBase() {
        // a 市级下达 NOx figure of 1.0 (万吨, lower is better) with no 2020 value in the table: the base is 2020's
        // approved 1.2; needed (1.0/1.2)^(1/5) - 1 = -0.035807, observed (1.1/1.2)^(1/3) - 1 = -0.028587,
        // R = 0.798359
        AnnualValue first = approved(2020, new BigDecimal("1.2"));
        Progress progress = rule.assess(goal(TargetType.ASSIGNED_BY_CITY, BigDecimal.ONE, Direction.LOWER_IS_BETTER),
                null, List.of(approved(2023, new BigDecimal("1.1")), first), 2023);

        assertThat(progress.base()).isEqualTo(first);
        assertThat(progress.status()).isEqualTo(ProgressStatus.NEEDS_ACCELERATION);
        assertThat(progress.ratio()).isEqualByComparingTo("0.798359");
        // 1.1 x (1.1/1.2)^(2/3) = 1.03801 at two decimals
        assertThat(progress.forecast().value()).isEqualByComparingTo("1.04");
    }

    @Test
    void withoutABaselineOneValueBelowTheTargetIsNotAvailableAndOneAtItIsAchieved() {
        // 乡镇饮用水水源地达标率: the table prints "—" for 2020, target 96.6 %
        Goal drinkingWater = goal(TargetType.NUMERIC, new BigDecimal("96.6"), Direction.HIGHER_IS_BETTER);

        Progress below = rule.assess(drinkingWater, null, List.of(approved(2023, new BigDecimal("95"))), 2023);
        assertThat(below.status()).isEqualTo(ProgressStatus.NOT_AVAILABLE);
        assertThat(below.rule()).isEqualTo(AppliedRule.NO_BASELINE);

        Progress at = rule.assess(drinkingWater, null, List.of(approved(2023, new BigDecimal("97"))), 2023);
        assertThat(at.status()).isEqualTo(ProgressStatus.ACHIEVED);
    }

    @Test
    void aFirstValueFromTheTargetYearOnCannotBeTheBase() {
        Goal drinkingWater = goal(TargetType.NUMERIC, new BigDecimal("96.6"), Direction.HIGHER_IS_BETTER);

        Progress progress = rule.assess(drinkingWater, null,
                List.of(approved(2025, new BigDecimal("90")), approved(2026, new BigDecimal("91"))), 2026);

        assertThat(progress.status()).isEqualTo(ProgressStatus.NOT_AVAILABLE);
        assertThat(progress.rule()).isEqualTo(AppliedRule.NO_BASELINE);
        assertThat(progress.base()).isNull();
    }

    @Test
    void aCityTargetWithoutItsFigureAwaitsItEvenWithoutData() {
        Progress progress = rule.assess(goal(TargetType.ASSIGNED_BY_CITY, null, null), null, List.of(), 2024);

        assertThat(progress.status()).isEqualTo(ProgressStatus.AWAITING_TARGET);
        assertThat(progress.forecast()).isNull();
    }

    @Test
    void aForecastOfAnIndicatorAwaitingItsTargetSaysNothingAboutMeetingIt() {
        Progress progress = rule.assess(goal(TargetType.ASSIGNED_BY_CITY, null, null),
                AnnualValue.planTable(2020, new BigDecimal("100")), List.of(approved(2022, new BigDecimal("98"))),
                2022);

        // 98 x (98/100)^(3/2) = 95.075
        assertThat(progress.forecast().value()).isEqualByComparingTo("95.1");
        assertThat(progress.forecast().meetsTarget()).isNull();
    }

    @Test
    void aMaintainedBaselineIsForecastAgainstTheBaseline() {
        // forest cover 42 (2020) -> 42.3 (2022) -> 42.6 (2023), least squares: x̄ = 2021.6667, ȳ = 42.3,
        // Sxy = (-1.6667)(-0.3) + (0.3333)(0) + (1.3333)(0.3) = 0.9, Sxx = 2.7778 + 0.1111 + 1.7778 = 4.6667,
        // slope 0.192857 -> 42.3 + 0.192857 x 3.3333 = 42.942857, at two decimals 42.94
        Progress progress = rule.assess(goal(TargetType.NOT_DECREASING, null, Direction.HIGHER_IS_BETTER),
                AnnualValue.planTable(2020, new BigDecimal("42")),
                List.of(approved(2022, new BigDecimal("42.3")), approved(2023, new BigDecimal("42.6"))), 2023);

        assertThat(progress.forecast().method()).isEqualTo(Forecast.Method.LEAST_SQUARES_LINEAR_TREND);
        assertThat(progress.forecast().value()).isEqualByComparingTo("42.94");
        assertThat(progress.forecast().meetsTarget()).isTrue();
    }

    @Test
    void aBaselineFromTheTargetYearOnIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> rule.assess(
                goal(TargetType.NUMERIC, new BigDecimal("34"), Direction.LOWER_IS_BETTER),
                AnnualValue.planTable(2025, new BigDecimal("36")), List.of(), 2025));
    }

    private static Goal goal(TargetType type, BigDecimal value, Direction direction) {
        return new Goal(2025, type, value, direction, "as printed");
    }

    private static AnnualValue approved(int year, BigDecimal value) {
        return AnnualValue.approved(year, value, "obs-" + year, false);
    }
}
