package org.ecoplan.project.quality;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.project.catalog.ExpectedReductions;
import org.ecoplan.project.catalog.ExpectedReductions.Reduction;
import org.ecoplan.project.catalog.Investment;
import org.ecoplan.project.catalog.Pollutant;
import org.ecoplan.project.catalog.Project;
import org.ecoplan.project.progress.ProgressReport;
import org.ecoplan.project.progress.ReportingPeriod;
import org.ecoplan.project.quality.QualityFinding.Check;
import org.ecoplan.project.quality.QualityFinding.Figure;

/**
 * The data-quality checks over the projects and their progress reports. Plain Java: the records are handed in.
 * Reports are ordered by their {@link ReportingPeriod} ({@code 2024-03} and {@code 2024-Q1} both end on March 31,
 * the month first); a report whose period is no period cannot be placed and is left out.
 */
final class QualityChecks {

    private final InvestmentOutliers outliers;

    QualityChecks(InvestmentOutliers outliers) {
        this.outliers = outliers;
    }

    /** Every finding, by project code, each project's in the order of {@link Check}. */
    List<QualityFinding> findings(List<Project> projects, List<ProgressReport> reports) {
        Map<String, List<Dated>> reportsByProject = reports.stream()
            .flatMap(report -> ReportingPeriod.tryParse(report.period()).map(period -> new Dated(report, period))
                .stream())
            .sorted(Comparator.comparing(Dated::period))
            .collect(Collectors.groupingBy(dated -> dated.report().projectCode()));
        List<QualityFinding> findings = new ArrayList<>(outliers.findings(projects));
        for (Project project : projects) {
            List<ProgressReport> ordered = reportsByProject.getOrDefault(project.code(), List.of())
                .stream()
                .map(Dated::report)
                .toList();
            completionBeforeStart(project, findings);
            if (!ordered.isEmpty()) {
                ProgressReport latest = ordered.get(ordered.size() - 1);
                achievedAboveExpected(project, latest, findings);
                disbursedDecreased(project, ordered, findings);
                disbursedAboveTotal(project, latest, findings);
            }
        }
        findings.sort(Comparator.comparing(QualityFinding::projectCode).thenComparing(QualityFinding::code));
        return findings;
    }

    private static void completionBeforeStart(Project project, List<QualityFinding> findings) {
        if (project.completionYear() < project.startYear()) {
            findings.add(new QualityFinding(Check.COMPLETION_BEFORE_START, project.code(),
                    new LocalizedName("竣工年份" + project.completionYear() + "早于开工年份" + project.startYear() + "。",
                            "Completion year " + project.completionYear() + " is before start year "
                                    + project.startYear() + "."),
                    List.of(Figure.of("startYear", BigDecimal.valueOf(project.startYear()), null),
                            Figure.of("completionYear", BigDecimal.valueOf(project.completionYear()), null))));
        }
    }

    /** A pollutant the project expects none of counts as expected zero: claiming it wants confirming too. */
    private static void achievedAboveExpected(Project project, ProgressReport latest, List<QualityFinding> findings) {
        Map<Pollutant, BigDecimal> expected = expected(project);
        sums(latest.achievedReductionsToDate()).forEach((pollutant, achieved) -> {
            BigDecimal promised = expected.getOrDefault(pollutant, BigDecimal.ZERO);
            if (achieved.compareTo(promised) > 0) {
                String amount = achieved.toPlainString();
                String expectedAmount = promised.toPlainString();
                findings.add(new QualityFinding(Check.ACHIEVED_ABOVE_EXPECTED, project.code(),
                        new LocalizedName(latest.period() + "报告的" + pollutant.label() + "已实现削减量" + amount
                                + "吨/年，超过预计削减量" + expectedAmount + "吨/年。",
                                "The " + latest.period() + " report claims " + amount + " t/a of " + pollutant.name()
                                        + " removed, above the " + expectedAmount + " t/a expected."),
                        List.of(Figure.ofPollutant("expectedReduction", pollutant, promised,
                                ExpectedReductions.TONNES_PER_YEAR),
                                new Figure("achievedReduction", pollutant, latest.period(), achieved,
                                        ExpectedReductions.TONNES_PER_YEAR))));
            }
        });
    }

    private static void disbursedDecreased(Project project, List<ProgressReport> ordered,
            List<QualityFinding> findings) {
        for (int i = 1; i < ordered.size(); i++) {
            ProgressReport before = ordered.get(i - 1);
            ProgressReport after = ordered.get(i);
            BigDecimal earlier = before.disbursedToDate().amount();
            BigDecimal later = after.disbursedToDate().amount();
            if (later.compareTo(earlier) < 0) {
                findings.add(new QualityFinding(Check.DISBURSED_DECREASED, project.code(),
                        new LocalizedName(after.period() + "报告的累计完成投资" + later.toPlainString() + "万元少于"
                                + before.period() + "报告的" + earlier.toPlainString() + "万元。",
                                "Disbursed to date falls from " + earlier.toPlainString() + " 万元 ("
                                        + before.period() + ") to " + later.toPlainString() + " 万元 ("
                                        + after.period() + ")."),
                        List.of(Figure.ofPeriod("disbursedToDate", before.period(), earlier, Investment.WAN_YUAN),
                                Figure.ofPeriod("disbursedToDate", after.period(), later, Investment.WAN_YUAN))));
            }
        }
    }

    private static void disbursedAboveTotal(Project project, ProgressReport latest, List<QualityFinding> findings) {
        BigDecimal disbursed = latest.disbursedToDate().amount();
        BigDecimal total = project.totalInvestment().amount();
        if (disbursed.compareTo(total) > 0) {
            findings.add(new QualityFinding(Check.DISBURSED_ABOVE_TOTAL, project.code(),
                    new LocalizedName(latest.period() + "报告的累计完成投资" + disbursed.toPlainString() + "万元超过总投资"
                            + total.toPlainString() + "万元；超支应作为投资变更登记。",
                            "Disbursed to date " + disbursed.toPlainString() + " 万元 (" + latest.period()
                                    + ") exceeds the total investment of " + total.toPlainString()
                                    + " 万元; an overrun should be recorded as a modification."),
                    List.of(Figure.of("totalInvestment", total, Investment.WAN_YUAN),
                            Figure.ofPeriod("disbursedToDate", latest.period(), disbursed, Investment.WAN_YUAN))));
        }
    }

    /** The project's expected reductions per pollutant in t/a. */
    static Map<Pollutant, BigDecimal> expected(Project project) {
        return sums(project.expectedReductions() == null ? List.of() : project.expectedReductions().items());
    }

    /** The amounts per pollutant, those of a pollutant named twice added up. */
    private static Map<Pollutant, BigDecimal> sums(List<Reduction> reductions) {
        Map<Pollutant, BigDecimal> sums = new EnumMap<>(Pollutant.class);
        reductions.forEach(reduction -> sums.merge(reduction.pollutant(), reduction.amount(), BigDecimal::add));
        return sums;
    }

    private record Dated(ProgressReport report, ReportingPeriod period) {
    }
}
