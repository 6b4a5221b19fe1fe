package org.ecoplan.indicator.progress;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.indicator.catalog.Direction;
import org.ecoplan.indicator.progress.QualityFinding.Kind;
import org.ecoplan.indicator.progress.QualityFinding.Severity;
import org.ecoplan.indicator.progress.QualityFinding.TargetEvidence;
import org.ecoplan.indicator.progress.QualityFinding.TextEvidence;

/**
 * Data-quality checks on the plan itself (REFERENCE §7, "seed-data checks worth flagging"): findings a progress
 * status alone would hide. Pure: the catalogue and the text's claims in, findings out, in table order.
 */
final class PlanQualityChecks {

    private final List<PlanTextClaim> claims;

    PlanQualityChecks(List<PlanTextClaim> claims) {
        this.claims = List.copyOf(claims);
    }

    List<QualityFinding> check(List<TrackedIndicator> catalogue) {
        List<QualityFinding> findings = new ArrayList<>();
        catalogue.stream().map(PlanQualityChecks::targetWorseThanBaseline).filter(Objects::nonNull)
            .forEach(findings::add);
        Map<String, TrackedIndicator> byCode = catalogue.stream()
            .collect(Collectors.toMap(TrackedIndicator::code, Function.identity()));
        claims.stream()
            .filter(claim -> byCode.containsKey(claim.indicatorCode()))
            .map(claim -> textTableMismatch(claim, byCode.get(claim.indicatorCode())))
            .filter(Objects::nonNull)
            .forEach(findings::add);
        return findings;
    }

    /**
     * A numeric target on the wrong side of its baseline. The plan may mean it (the good-air-day ratio, whose
     * 备注 says the 2025 figures were taken from the city's central district after an exceptional 2020), so the
     * finding is INFO when the table's note explains the row and WARNING when nothing does.
     */
    private static QualityFinding targetWorseThanBaseline(TrackedIndicator indicator) {
        AnnualValue baseline = indicator.planBaseline();
        Goal target = indicator.target();
        if (baseline == null || target.value() == null || target.direction() == null || target.holdsBaseline()
                || ProgressRule.notWorse(target.value(), baseline.value(), target.direction())) {
            return null;
        }
        boolean higherIsBetter = target.direction() == Direction.HIGHER_IS_BETTER;
        String targetText = amount(target.value(), indicator.unit());
        String baselineText = amount(baseline.value(), indicator.unit());
        String explained = indicator.footnote() == null ? "" : "表注已说明原因。";
        LocalizedName message = new LocalizedName(
                "%d年目标值（%s）%s%d年现状值（%s），而该指标%s。%s".formatted(target.year(), targetText,
                        higherIsBetter ? "低于" : "高于", baseline.year(), baselineText, target.direction().label(),
                        explained),
                "The %d target (%s) is %s the %d value (%s) although %s is better.%s".formatted(target.year(),
                        targetText, higherIsBetter ? "below" : "above", baseline.year(), baselineText,
                        higherIsBetter ? "higher" : "lower",
                        indicator.footnote() == null ? "" : " The table's note explains why."));
        return new QualityFinding(Kind.TARGET_WORSE_THAN_BASELINE,
                indicator.footnote() == null ? Severity.WARNING : Severity.INFO, indicator.code(), message,
                new TargetEvidence(baseline, target, indicator.footnote()));
    }

    private static QualityFinding textTableMismatch(PlanTextClaim claim, TrackedIndicator indicator) {
        BigDecimal table = indicator.target().value();
        if (table != null && table.compareTo(claim.claimedTarget()) == 0) {
            return null;
        }
        String tableText = table == null ? indicator.target().text() : amount(table, indicator.unit());
        String claimed = amount(claim.claimedTarget(), indicator.unit());
        LocalizedName message = new LocalizedName(
                "规划文本（%s，第%d行）承诺%s，而表2的%d年目标为%s。".formatted(claim.section(), claim.line(), claimed,
                        indicator.target().year(), tableText),
                "The plan's text (%s, line %d) promises %s where Table 2 sets %s for %d.".formatted(claim.section(),
                        claim.line(), claimed, tableText, indicator.target().year()));
        return new QualityFinding(Kind.TEXT_TABLE_MISMATCH, Severity.WARNING, indicator.code(), message,
                new TextEvidence(claim, table));
    }

    /**
     * An outlier waiting for its approver is a WARNING: it may still be a typing error. Once approved or returned a
     * person has decided on it, and it stays listed as INFO because an approved outlier moves the trend.
     */
    static QualityFinding outlier(FlaggedObservation observation) {
        boolean undecided = "SUBMITTED".equals(observation.status());
        String value = observation.value().toPlainString();
        LocalizedName message = new LocalizedName(
                "%s的观测值%s被标记为统计异常值：%s".formatted(observation.period(), value, observation.reason()),
                "The observation %s for %s was flagged as a statistical outlier: %s".formatted(value,
                        observation.period(), observation.reason()));
        return new QualityFinding(Kind.OUTLIER_OBSERVATION, undecided ? Severity.WARNING : Severity.INFO,
                observation.indicatorCode(), message, observation);
    }

    /** 90.9% or 34μg/m³: the way the plan writes a figure with its unit. */
    private static String amount(BigDecimal value, String unit) {
        return value.stripTrailingZeros().toPlainString() + unit;
    }
}
