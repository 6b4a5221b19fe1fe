package org.ecoplan.project.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoplan.project.ProjectFixtures.reduction;
import static org.ecoplan.project.ProjectFixtures.reductions;
import static org.ecoplan.project.ProjectFixtures.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.ecoplan.project.ProjectFixtures;
import org.ecoplan.project.catalog.Pollutant;
import org.ecoplan.project.catalog.Project;
import org.ecoplan.project.progress.ProgressReport;
import org.ecoplan.project.quality.QualityFinding.Check;
import org.ecoplan.project.quality.QualityFinding.Figure;
import org.ecoplan.project.quality.QualityFinding.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QualityChecksTest {

    private final QualityChecks checks = new QualityChecks(new InvestmentOutliers(BigDecimal.TEN, 3));

    /**
     * One project (2021-2025, 1000 万元, expecting COD 10 t/a) and its reports as
     * {@code period:disbursed:pollutant=achieved,...} in any order; then the findings as check@period (none: none).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            2024-03:100: 2024-06:300:COD=2                     | none
            2024-06:300: 2024-03:100:                          | none
            2024-03:300: 2024-06:100:                          | DISBURSED_DECREASED@2024-06
            2024-Q1:100: 2024-03:300: 2024-Q2:400:             | DISBURSED_DECREASED@2024-Q1
            2024-Q1:300: 2024-03:100: 2024-Q2:400:             | none
            2024-03:100: 2024-06:90: 2024-09:80: 2024-12:900:  | DISBURSED_DECREASED@2024-06 DISBURSED_DECREASED@2024-09
            2024-03:1000: 2024-06:1000:COD=10                  | none
            2024-03:1200: 2024-06:1000:                        | DISBURSED_DECREASED@2024-06
            2024-06:1001:                                      | DISBURSED_ABOVE_TOTAL@2024-06
            2024-06:500:COD=10.5                               | ACHIEVED_ABOVE_EXPECTED@2024-06
            2024-03:500:COD=30 2024-06:600:COD=8               | none
            2024-06:500:TP=0.1                                 | ACHIEVED_ABOVE_EXPECTED@2024-06
            2024-06:500:COD=6,COD=6                            | ACHIEVED_ABOVE_EXPECTED@2024-06
            2024-13:5000:COD=99 2024-06:500:                   | none
            """)
    void flagsReportsThatGoBackwardsOrClaimMoreThanPlanned(String reports, String expected) {
        List<QualityFinding> findings = checks.findings(List.of(project("P-1", 2021, 2025)), parse("P-1", reports));

        assertThat(findings.stream()
            .map(finding -> finding.code() + "@" + finding.figures().get(finding.figures().size() - 1).period())
            .collect(Collectors.joining(" "))).isEqualTo(expected == null ? "" : expected);
    }

    /** Rows: start year, completion year, whether it is flagged. */
    @ParameterizedTest(name = "{0}-{1}")
    @CsvSource(delimiter = '|', textBlock = """
            2021 | 2025 | false
            2025 | 2025 | false
            2025 | 2024 | true
            """)
    void flagsCompletionBeforeStart(int start, int completion, boolean flagged) {
        List<QualityFinding> findings = checks.findings(List.of(project("P-1", start, completion)), List.of());

        assertThat(findings).hasSize(flagged ? 1 : 0);
        findings.forEach(finding -> {
            assertThat(finding.code()).isEqualTo(Check.COMPLETION_BEFORE_START);
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.message().zh()).isEqualTo("竣工年份2024早于开工年份2025。");
            assertThat(finding.figures()).containsExactly(new Figure("startYear", null, null, new BigDecimal("2025"), null),
                    new Figure("completionYear", null, null, new BigDecimal("2024"), null));
        });
    }

    @Test
    void aFallingReportShowsBothFigures() {
        QualityFinding finding = checks.findings(List.of(project("P-1", 2021, 2025)),
                parse("P-1", "2024-03:500: 2024-06:300:")).get(0);

        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.message().zh()).isEqualTo("2024-06报告的累计完成投资300万元少于2024-03报告的500万元。");
        assertThat(finding.message().en()).isEqualTo("Disbursed to date falls from 500 万元 (2024-03) to 300 万元 (2024-06).");
        assertThat(finding.figures()).containsExactly(
                new Figure("disbursedToDate", null, "2024-03", new BigDecimal("500"), "万元"),
                new Figure("disbursedToDate", null, "2024-06", new BigDecimal("300"), "万元"));
    }

    @Test
    void achievedAboveExpectedNamesThePollutantAndTheLatestReport() {
        QualityFinding finding = checks.findings(List.of(project("P-1", 2021, 2025)),
                parse("P-1", "2024-03:100:COD=4 2024-Q2:200:COD=12.5")).get(0);

        assertThat(finding.code()).isEqualTo(Check.ACHIEVED_ABOVE_EXPECTED);
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.message().zh()).isEqualTo("2024-Q2报告的化学需氧量已实现削减量12.5吨/年，超过预计削减量10吨/年。");
        assertThat(finding.figures()).containsExactly(
                new Figure("expectedReduction", Pollutant.COD, null, new BigDecimal("10"), "t/a"),
                new Figure("achievedReduction", Pollutant.COD, "2024-Q2", new BigDecimal("12.5"), "t/a"));
    }

    @Test
    void disbursedAboveTotalShowsTheTotal() {
        QualityFinding finding = checks.findings(List.of(project("P-1", 2021, 2025)), parse("P-1", "2025-12:1500:"))
            .get(0);

        assertThat(finding.code()).isEqualTo(Check.DISBURSED_ABOVE_TOTAL);
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.figures()).containsExactly(new Figure("totalInvestment", null, null, new BigDecimal("1000"),
                "万元"), new Figure("disbursedToDate", null, "2025-12", new BigDecimal("1500"), "万元"));
    }

    @Test
    void findingsComeByProjectThenCheckAndIgnoreReportsOfUnknownProjects() {
        List<Project> projects = new ArrayList<>(InvestmentOutliersTest.parse(InvestmentOutliersTest.TABLE_4));
        projects.add(project("P2021-00", 2025, 2023));
        List<ProgressReport> reports = new ArrayList<>(parse("P2021-01", "2022-03:500:COD=6 2022-06:400:"));
        reports.addAll(parse("P2099-99", "2022-03:500: 2022-06:400:"));

        assertThat(checks.findings(projects, reports))
            .extracting(finding -> finding.projectCode() + " " + finding.code())
            .containsExactly("P2021-00 COMPLETION_BEFORE_START", "P2021-01 INVESTMENT_OUTLIER",
                    "P2021-01 DISBURSED_DECREASED");
    }

    private static Project project(String code, int start, int completion) {
        return ProjectFixtures.project().code(code).years(start, completion).investment("1000")
            .expecting(reduction(Pollutant.COD, "10")).build();
    }

    /** {@code period:disbursed:pollutant=achieved,...} separated by spaces. */
    private static List<ProgressReport> parse(String project, String reports) {
        return Arrays.stream(reports.strip().split("\\s+")).map(report -> {
            String[] parts = report.split(":", -1);
            return report(project, parts[0], parts[1], reductions(parts[2]));
        }).toList();
    }
}
