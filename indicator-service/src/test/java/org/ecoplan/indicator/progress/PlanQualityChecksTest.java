package org.ecoplan.indicator.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;

import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.indicator.catalog.Attribute;
import org.ecoplan.indicator.catalog.Baseline;
import org.ecoplan.indicator.catalog.Direction;
import org.ecoplan.indicator.catalog.TargetType;
import org.ecoplan.indicator.progress.QualityFinding.Kind;
import org.ecoplan.indicator.progress.QualityFinding.Severity;
import org.ecoplan.indicator.progress.QualityFinding.TargetEvidence;
import org.ecoplan.indicator.progress.QualityFinding.TextEvidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanQualityChecksTest {

    private static final String NOTE = "受疫情影响……部分2025目标值低于现状值，取岳阳市中心城区目标值。";

    private final PlanQualityChecks noClaims = new PlanQualityChecks(List.of());

    @Test
    void aHigherIsBetterTargetBelowItsBaselineIsExplainedByTheTableNote() {
        TrackedIndicator goodDays = numeric("AIR-GOOD-DAYS", "92.1", "90.9", Direction.HIGHER_IS_BETTER, "%", NOTE);

        List<QualityFinding> findings = noClaims.check(List.of(goodDays));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.TARGET_WORSE_THAN_BASELINE);
            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.indicatorCode()).isEqualTo("AIR-GOOD-DAYS");
            assertThat(finding.message().zh()).isEqualTo("2025年目标值（90.9%）低于2020年现状值（92.1%），而该指标越高越好。表注已说明原因。");
            assertThat(finding.message().en()).isEqualTo("The 2025 target (90.9%) is below the 2020 value (92.1%) "
                    + "although higher is better. The table's note explains why.");
            TargetEvidence evidence = (TargetEvidence) finding.evidence();
            assertThat(evidence.baseline().value()).isEqualByComparingTo("92.1");
            assertThat(evidence.target().value()).isEqualByComparingTo("90.9");
            assertThat(evidence.footnote()).isEqualTo(NOTE);
        });
    }

    @Test
    void anUnexplainedTargetOnTheWrongSideIsAWarningInEitherDirection() {
        List<QualityFinding> findings = noClaims.check(List.of(
                numeric("AIR-GOOD-DAYS", "92.1", "90.9", Direction.HIGHER_IS_BETTER, "%", null),
                numeric("AIR-PM25", "36", "37", Direction.LOWER_IS_BETTER, "μg/m³", null)));

        assertThat(findings).extracting(QualityFinding::severity).containsExactly(Severity.WARNING, Severity.WARNING);
        assertThat(findings.get(1).message().en()).isEqualTo(
                "The 2025 target (37μg/m³) is above the 2020 value (36μg/m³) although lower is better.");
        assertThat(findings.get(1).message().zh()).isEqualTo("2025年目标值（37μg/m³）高于2020年现状值（36μg/m³），而该指标越低越好。");
    }

    @ParameterizedTest(name = "{0} -> {1} {2}: no finding")
    @CsvSource(nullValues = "null", textBlock = """
            36,   34,   LOWER_IS_BETTER
            36,   36,   LOWER_IS_BETTER
            92.1, 95,   HIGHER_IS_BETTER
            92.1, 92.1, HIGHER_IS_BETTER
            null, 96.6, HIGHER_IS_BETTER
            """)
    void targetsNoWorseThanTheirBaselineOrWithoutOneAreFine(BigDecimal baseline, BigDecimal target,
            Direction direction) {
        TrackedIndicator indicator = indicator("X", new Baseline(2020, baseline, "as printed"),
                new Goal(2025, TargetType.NUMERIC, target, direction, "as printed"), "%", null);

        assertThat(noClaims.check(List.of(indicator))).isEmpty();
    }

    @Test
    void aCityFigureWorseThanTheBaselineIsFlaggedOnceEntered() {
        TrackedIndicator farmland = indicator("RISK-FARMLAND-SAFE-USE", new Baseline(2020, new BigDecimal("100"), "100"),
                new Goal(2025, TargetType.ASSIGNED_BY_CITY, new BigDecimal("93"), Direction.HIGHER_IS_BETTER, "93"),
                "%", null);
        TrackedIndicator awaiting = indicator("RISK-LAND-RISK-CONTROL",
                new Baseline(2020, new BigDecimal("100"), "100"),
                new Goal(2025, TargetType.ASSIGNED_BY_CITY, null, null, "市级下达指"), "%", null);

        assertThat(noClaims.check(List.of(farmland, awaiting))).extracting(QualityFinding::indicatorCode)
            .containsExactly("RISK-FARMLAND-SAFE-USE");
    }

    @Test
    void targetsThatKeepTheBaselineHaveNoFigureToCompare() {
        TrackedIndicator forest = indicator("ECO-FOREST-COVER", new Baseline(2020, new BigDecimal("42"), "42"),
                new Goal(2025, TargetType.NOT_DECREASING, null, Direction.HIGHER_IS_BETTER, "不降低"), "%", null);

        assertThat(noClaims.check(List.of(forest))).isEmpty();
    }

    @Test
    void theTextPromising100PercentWhereTable2Says96Point6IsAMismatchCitingItsLine() {
        List<PlanTextClaim> claims = PlanTextClaim.read(PlanTextClaim.PLAN_2021_2025);
        TrackedIndicator drinkingWater = indicator("DRINKING-WATER-TOWNSHIP", new Baseline(2020, null, "—"),
                new Goal(2025, TargetType.NUMERIC, new BigDecimal("96.6"), Direction.HIGHER_IS_BETTER, "96.6"), "%",
                null);
        TrackedIndicator pm25 = numeric("AIR-PM25", "36", "34", Direction.LOWER_IS_BETTER, "μg/m³", null);

        List<QualityFinding> findings = new PlanQualityChecks(claims).check(List.of(pm25, drinkingWater));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.TEXT_TABLE_MISMATCH);
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.indicatorCode()).isEqualTo("DRINKING-WATER-TOWNSHIP");
            assertThat(finding.message().en()).isEqualTo("The plan's text (三、规划目标（一）总体目标, line 87) promises "
                    + "100% where Table 2 sets 96.6% for 2025.");
            assertThat(finding.message().zh()).isEqualTo("规划文本（三、规划目标（一）总体目标，第87行）承诺100%，而表2的2025年目标为96.6%。");
            TextEvidence evidence = (TextEvidence) finding.evidence();
            assertThat(evidence.text().document()).isEqualTo("eco-plan-2021-2025.zh.txt");
            assertThat(evidence.text().line()).isEqualTo(87);
            assertThat(evidence.text().quote()).isEqualTo("乡镇级集中式饮用水水源达到或优于Ⅲ类比例达100%");
            assertThat(evidence.tableTarget()).isEqualByComparingTo("96.6");
        });
    }

    @Test
    void aClaimOnATargetWithoutAFigureIsAMismatchWithThePrintedCell() {
        PlanTextClaim claim = new PlanTextClaim("EMISSION-NOX", "plan.txt", 10, "三", "削减10%", BigDecimal.TEN);
        TrackedIndicator nox = indicator("EMISSION-NOX", new Baseline(2020, null, "完成市级下达指标"),
                new Goal(2025, TargetType.ASSIGNED_BY_CITY, null, null, "市级下达指"), "万吨", null);

        assertThat(new PlanQualityChecks(List.of(claim)).check(List.of(nox))).singleElement()
            .satisfies(finding -> assertThat(finding.message().en())
                .isEqualTo("The plan's text (三, line 10) promises 10万吨 where Table 2 sets 市级下达指 for 2025."));
    }

    @Test
    void aClaimOnAnIndicatorNoLongerInTheCatalogueIsSkipped() {
        PlanTextClaim claim = new PlanTextClaim("GONE", "plan.txt", 10, "三", "100%", BigDecimal.TEN);

        assertThat(new PlanQualityChecks(List.of(claim)).check(List.of())).isEmpty();
    }

    @Test
    void theClaimsFileHoldsEveryNumericTargetOfTheTextsSectionThree() {
        assertThat(PlanTextClaim.read(PlanTextClaim.PLAN_2021_2025))
            .extracting(PlanTextClaim::indicatorCode, PlanTextClaim::line)
            .containsExactly(tuple("WATER-WORSE-THAN-V", 87),
                    tuple("DRINKING-WATER-TOWNSHIP", 87),
                    tuple("AIR-GOOD-DAYS", 87),
                    tuple("AIR-PM25", 87));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(textBlock = """
            SUBMITTED, WARNING
            APPROVED,  INFO
            RETURNED,  INFO
            """)
    void anOutlierIsAWarningUntilSomeoneHasDecidedOnIt(String status, Severity severity) {
        FlaggedObservation observation = new FlaggedObservation("obs-1", "AIR-PM25", "2023", new BigDecimal("58"),
                status, "more than 3 standard deviations above the 2020-2022 mean");

        QualityFinding finding = PlanQualityChecks.outlier(observation);

        assertThat(finding.kind()).isEqualTo(Kind.OUTLIER_OBSERVATION);
        assertThat(finding.severity()).isEqualTo(severity);
        assertThat(finding.indicatorCode()).isEqualTo("AIR-PM25");
        assertThat(finding.evidence()).isEqualTo(observation);
        assertThat(finding.message().en()).isEqualTo("The observation 58 for 2023 was flagged as a statistical "
                + "outlier: more than 3 standard deviations above the 2020-2022 mean");
    }

    private static TrackedIndicator numeric(String code, String baseline, String target, Direction direction,
            String unit, String footnote) {
        return indicator(code, new Baseline(2020, new BigDecimal(baseline), baseline),
                new Goal(2025, TargetType.NUMERIC, new BigDecimal(target), direction, target), unit, footnote);
    }

    private static TrackedIndicator indicator(String code, Baseline baseline, Goal target, String unit,
            String footnote) {
        return new TrackedIndicator(code, new LocalizedName(code, null), unit, Attribute.BINDING, baseline, target,
                footnote);
    }
}
