package org.ecoplan.project.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoplan.project.ProjectFixtures.reductions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.ecoplan.project.ProjectFixtures;
import org.ecoplan.project.catalog.Investment;
import org.ecoplan.project.catalog.Pollutant;
import org.ecoplan.project.catalog.Project;
import org.ecoplan.project.catalog.ProjectStatus;
import org.ecoplan.project.quality.QualityFinding.Check;
import org.ecoplan.project.quality.QualityFinding.Figure;
import org.ecoplan.project.quality.QualityFinding.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvestmentOutliersTest {

    /** Table 4's investments and expected reductions as the seed holds them. */
    static final String TABLE_4 = """
            P2021-01=230000:COD=5,TN=1.5,TP=0.36,NH3_N=1.3 P2021-02=10000:COD=50,TN=15,TP=5,NH3_N=15
            P2021-03=30000:COD=100,TN=30,TP=10,NH3_N=30 P2021-04=4000:VOCS=32.4 P2021-05=400: P2021-06=150000:
            P2021-07=10000: P2021-08=5000:""";

    private final InvestmentOutliers outliers = new InvestmentOutliers(BigDecimal.TEN, 3);

    /**
     * Rows: projects as code=investment:pollutant=t/a,..., then the flagged projects as code/pollutant=ratio to
     * the median, sorted (none: nothing flagged).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            P2021-01=230000:COD=5,TN=1.5,TP=0.36,NH3_N=1.3 P2021-02=10000:COD=50,TN=15,TP=5,NH3_N=15 P2021-03=30000:COD=100,TN=30,TP=10,NH3_N=30 P2021-04=4000:VOCS=32.4 P2021-05=400: | P2021-01/COD=153 P2021-01/TN=153 P2021-01/TP=213 P2021-01/NH3_N=177
            A=1000:COD=10 B=2000:COD=10 C=1500:COD=10                         | none
            A=1000:COD=10 B=2000:COD=10 C=20000:COD=10                        | none
            A=1000:COD=10 B=2000:COD=10 C=20001:COD=10                        | C/COD=10
            A=1000:COD=10 B=1000:COD=10 C=99:COD=10                           | C/COD=0.099
            A=1000:COD=10 B=1000:COD=10 C=100:COD=10                          | none
            A=1000:COD=10 B=100000:COD=10                                     | none
            A=1000:COD=10 B=1000:COD=10 C=90000:COD=10 D=1000:COD=10          | C/COD=90
            A=1000:COD=10 B=1000:COD=10 C=90000: D=1000:COD=10                | none
            A=1000:COD=10 B=1000:COD=10 C=0:COD=10                            | none
            A=1000:COD=10 B=1200:COD=10 C=50000:COD=5,COD=5                   | C/COD=41.7
            A=1000:COD=10,VOCS=1 B=1000:COD=10,VOCS=1 C=50000:COD=1000,VOCS=1 | C/VOCS=50
            """)
    void flagsInvestmentPerTonneFarFromTheMedianOfTheProjectsReducingTheSame(String projects, String flagged) {
        List<QualityFinding> findings = outliers.findings(parse(projects));

        assertThat(findings.stream()
            .flatMap(finding -> finding.figures().stream()
                .filter(figure -> figure.name().equals("ratioToPeerMedian"))
                .map(figure -> finding.projectCode() + "/" + figure.pollutant() + "=" + figure.value().toPlainString()))
            .collect(Collectors.joining(" "))).isEqualTo(flagged == null ? "" : flagged);
        assertThat(findings).allSatisfy(finding -> {
            assertThat(finding.code()).isEqualTo(Check.INVESTMENT_OUTLIER);
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        });
    }

    @Test
    void flagsTheSeedsReservoirWithTheNumbersBehindIt() {
        List<QualityFinding> findings = outliers.findings(parse(TABLE_4));

        assertThat(findings).singleElement().satisfies(reservoir -> {
            assertThat(reservoir.projectCode()).isEqualTo("P2021-01");
            assertThat(reservoir.message().zh()).isEqualTo("每吨/年总磷削减量投资638888.89万元，是削减同一污染物的3个项目中位数3000万元的"
                    + "213倍（另有3种污染物同样偏离）；请核实总投资230000万元与建设规模。");
            assertThat(reservoir.message().en()).isEqualTo("Investment per t/a of expected TP reduction is 638888.89 万元, "
                    + "213 times the median of 3000 万元 of the 3 projects reducing it (and 3 more pollutants likewise); "
                    + "confirm the total investment of 230000 万元 and the scale.");
            assertThat(reservoir.figures()).startsWith(new Figure("totalInvestment", null, null,
                    new BigDecimal("230000"), "万元"));
            assertThat(reservoir.figures()).contains(
                    new Figure("expectedReduction", Pollutant.COD, null, new BigDecimal("5"), "t/a"),
                    new Figure("investmentPerReduction", Pollutant.COD, null, new BigDecimal("46000"), "万元/(t/a)"),
                    new Figure("peerMedian", Pollutant.COD, null, new BigDecimal("300"), "万元/(t/a)"),
                    new Figure("ratioToPeerMedian", Pollutant.COD, null, new BigDecimal("153"), null),
                    new Figure("peers", Pollutant.COD, null, new BigDecimal("3"), null));
        });
    }

    @Test
    void aStricterRatioFlagsMoreAndMorePeersAreNeededWhenAsked() {
        assertThat(new InvestmentOutliers(new BigDecimal("1.4"), 3).findings(parse(TABLE_4)))
            .extracting(QualityFinding::projectCode)
            .containsExactly("P2021-01", "P2021-02");
        assertThat(new InvestmentOutliers(BigDecimal.TEN, 4).findings(parse(TABLE_4))).isEmpty();
    }

    /** {@code code=investment:pollutant=amount,...} separated by spaces or line breaks. */
    static List<Project> parse(String projects) {
        List<Project> parsed = new ArrayList<>();
        for (String project : projects.strip().split("\\s+")) {
            String[] codeAndRest = project.split("=", 2);
            String[] investmentAndReductions = codeAndRest[1].split(":", -1);
            parsed.add(ProjectFixtures.project().code(codeAndRest[0]).years(2021, 2025)
                .investment(investmentAndReductions[0]).status(ProjectStatus.PLANNED)
                .expecting(reductions(investmentAndReductions[1])).build());
        }
        return parsed;
    }
}
