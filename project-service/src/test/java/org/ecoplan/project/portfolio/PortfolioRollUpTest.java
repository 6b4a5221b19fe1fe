package org.ecoplan.project.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoplan.project.portfolio.PortfolioFixture.AIR;
import static org.ecoplan.project.portfolio.PortfolioFixture.PROJECTS;
import static org.ecoplan.project.portfolio.PortfolioFixture.REPORTS;
import static org.ecoplan.project.portfolio.PortfolioFixture.SOIL;
import static org.ecoplan.project.portfolio.PortfolioFixture.WATER;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.project.catalog.Investment;
import org.ecoplan.project.catalog.Pollutant;
import org.ecoplan.project.catalog.Project;
import org.ecoplan.project.portfolio.Portfolio.Availability;
import org.ecoplan.project.portfolio.Portfolio.InvestmentFigures;
import org.ecoplan.project.portfolio.Portfolio.InvestmentGroup;
import org.ecoplan.project.portfolio.Portfolio.PollutantReductions;
import org.ecoplan.project.progress.ProgressReport;
import org.ecoplan.project.progress.ProjectStanding;
import org.ecoplan.project.progress.ScheduleStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortfolioRollUpTest {

    private static final Map<Pollutant, IndicatorAnswer> INDICATORS = Map.of(
            Pollutant.COD, found("EMISSION-COD", new BigDecimal("0.005")),
            Pollutant.NH3_N, found("EMISSION-NH3N", null),
            Pollutant.VOCS, found("EMISSION-VOCS", new BigDecimal("0.01")),
            Pollutant.NOX, new IndicatorAnswer.Unavailable(new LocalizedName("指标服务答复 HTTP 503",
                    "indicator-service answered HTTP 503")));

    /**
     * Rows: the day, then per year planned/disbursed in 万元 (- for a year after the day), then the totals:
     * projects, planned, planned to date, disbursed, financial progress %.
     */
    @ParameterizedTest(name = "as of {0}")
    @CsvSource(delimiter = '|', textBlock = """
            2023-12-31 | 2021=3000/800 2022=4000/4200 2023=4000/2300 2024=4000/- 2025=4000/-                | 4 | 19000 | 11000 | 7300  | 38.4
            2024-08-01 | 2021=3000/800 2022=3000/4200 2023=3000/2300 2024=3000/2000 2025=3000/-             | 4 | 15000 | 12000 | 9300  | 62.0
            2024-12-31 | 2021=3000/800 2022=3000/4200 2023=3000/2300 2024=3000/3500 2025=3000/-             | 4 | 15000 | 12000 | 10800 | 72.0
            2026-02-01 | 2021=3000/800 2022=3000/4200 2023=3000/2300 2024=3000/3500 2025=3000/3000 2026=0/0 | 4 | 15000 | 15000 | 13800 | 92.0
            2019-12-31 | 2021=3000/- 2022=4000/- 2023=4000/- 2024=4000/- 2025=4000/-                       | 4 | 19000 | 0     | 0     | 0.0
            """)
    void plansEachYearEvenlyAndCountsWhatWasDisbursedInIt(LocalDate asOf, String years, int projects,
            BigDecimal planned, BigDecimal plannedToDate, BigDecimal disbursed, BigDecimal financialProgress) {
        Portfolio portfolio = rollUp(asOf);

        assertThat(portfolio.asOf()).isEqualTo(asOf);
        assertThat(portfolio.investment().byYear().stream()
            .map(year -> year.year() + "=" + plain(year.planned()) + "/" + plain(year.disbursed()))
            .collect(Collectors.joining(" "))).isEqualTo(years);
        InvestmentFigures total = portfolio.investment().total();
        assertThat(total.projects()).isEqualTo(projects);
        assertThat(total.planned().amount()).isEqualByComparingTo(planned);
        assertThat(total.plannedToDate().amount()).isEqualByComparingTo(plannedToDate);
        assertThat(total.disbursed().amount()).isEqualByComparingTo(disbursed);
        assertThat(total.disbursed().unit()).isEqualTo("万元");
        assertThat(total.financialProgress()).isEqualTo(financialProgress);
    }

    /** Rows: group, projects, planned, planned to date, disbursed, financial progress % (none: null). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            水生态环境提升     | 2 | 12000 | 10000 | 10000 | 83.3
            重点区域大气环境治理 | 1 | 3000  | 2000  | 500   | 16.7
            土壤管控与修复     | 1 | 0     | 0     | 300   | none
            water            | 1 | 10000 | 8000  | 8000  | 80.0
            env              | 2 | 5000  | 4000  | 2500  | 50.0
            land             | 1 | 0     | 0     | 300   | none
            """)
    void groupsByTypeAndLeadDepartmentWithoutThePlanOfCancelledProjects(String key, int projects,
            BigDecimal planned, BigDecimal plannedToDate, BigDecimal disbursed, BigDecimal financialProgress) {
        Portfolio portfolio = rollUp(LocalDate.of(2024, 12, 31));

        InvestmentFigures group = Stream
            .concat(portfolio.investment().byType().stream(), portfolio.investment().byDepartment().stream())
            .filter(candidate -> candidate.key().equals(key))
            .map(InvestmentGroup::figures)
            .findFirst()
            .orElseThrow();
        assertThat(group.projects()).isEqualTo(projects);
        assertThat(group.planned().amount()).isEqualByComparingTo(planned);
        assertThat(group.plannedToDate().amount()).isEqualByComparingTo(plannedToDate);
        assertThat(group.disbursed().amount()).isEqualByComparingTo(disbursed);
        assertThat(group.financialProgress()).isEqualTo(financialProgress);
    }

    @Test
    void groupsKeepTableOrder() {
        Portfolio portfolio = rollUp(LocalDate.of(2024, 12, 31));

        assertThat(portfolio.investment().byType()).extracting(InvestmentGroup::key).containsExactly(WATER, AIR, SOIL);
        assertThat(portfolio.investment().byDepartment()).extracting(InvestmentGroup::key)
            .containsExactly("water", "env", "land");
    }

    /** Rows: the day, then the projects per status in the order of ProjectStatus. */
    @ParameterizedTest(name = "as of {0}")
    @CsvSource(delimiter = '|', textBlock = """
            2020-12-31 | PLANNED=4 UNDER_CONSTRUCTION=0 COMPLETED=0 ACCEPTED=0 SUSPENDED=0 CANCELLED=0
            2021-12-31 | PLANNED=2 UNDER_CONSTRUCTION=2 COMPLETED=0 ACCEPTED=0 SUSPENDED=0 CANCELLED=0
            2023-12-31 | PLANNED=2 UNDER_CONSTRUCTION=1 COMPLETED=1 ACCEPTED=0 SUSPENDED=0 CANCELLED=0
            2024-05-01 | PLANNED=1 UNDER_CONSTRUCTION=1 COMPLETED=1 ACCEPTED=0 SUSPENDED=0 CANCELLED=1
            """)
    void countsEachProjectByTheStatusItHadOnTheDay(LocalDate asOf, String counts) {
        assertThat(rollUp(asOf).byStatus().stream()
            .map(count -> count.status() + "=" + count.projects())
            .collect(Collectors.joining(" "))).isEqualTo(counts);
    }

    @Test
    void countsScheduleStatusesAndTheProjectsWithoutOne() {
        Portfolio portfolio = rollUp(LocalDate.of(2026, 2, 1));

        assertThat(portfolio.byScheduleStatus().stream().map(count -> count.status() + "=" + count.projects()))
            .containsExactly("ON_SCHEDULE=1", "AT_RISK=0", "DELAYED=0", "OVERDUE=2");
        assertThat(portfolio.byScheduleStatus().get(3).label()).isEqualTo("逾期未完工");
        assertThat(portfolio.withoutSchedule()).isEqualTo(1);
    }

    /** Rows: the day, pollutant, expected t/a, achieved t/a, achieved share %, projects expecting it. */
    @ParameterizedTest(name = "{1} as of {0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            2024-08-01 | COD   | 60 | 32 | 53.3  | 2
            2024-12-31 | COD   | 60 | 42 | 70.0  | 2
            2024-12-31 | NH3_N | 15 | 9  | 60.0  | 1
            2024-12-31 | VOCS  | 30 | 0  | 0.0   | 1
            2024-12-31 | TN    | 0  | 0  | none  | 0
            2024-12-31 | NOX   | 0  | 0  | none  | 0
            2026-02-01 | COD   | 60 | 62 | 103.3 | 2
            2026-02-01 | VOCS  | 30 | 5  | 16.7  | 1
            """)
    void setsAchievedAgainstExpectedReductionsPerPollutant(LocalDate asOf, Pollutant pollutant, BigDecimal expected,
            BigDecimal achieved, BigDecimal share, int projects) {
        PollutantReductions reductions = reductionOf(rollUp(asOf), pollutant);

        assertThat(reductions.label()).isEqualTo(pollutant.label());
        assertThat(reductions.expected().amount()).isEqualByComparingTo(expected);
        assertThat(reductions.expected().unit()).isEqualTo("t/a");
        assertThat(reductions.achieved().amount()).isEqualByComparingTo(achieved);
        assertThat(reductions.achieved().unit()).isEqualTo("t/a");
        assertThat(reductions.achievedShare()).isEqualTo(share);
        assertThat(reductions.projects()).isEqualTo(projects);
    }

    @Test
    void everyPollutantAppearsOnceInTheOrderOfTheCatalogue() {
        assertThat(rollUp(LocalDate.of(2024, 12, 31)).reductions()).extracting(PollutantReductions::pollutant)
            .containsExactly(Pollutant.values());
    }

    @Test
    void setsTheReductionsAgainstThePlansPollutantTotals() {
        Portfolio portfolio = rollUp(LocalDate.of(2024, 12, 31));

        assertThat(reductionOf(portfolio, Pollutant.COD).planIndicator()).satisfies(cod -> {
            assertThat(cod.code()).isEqualTo("EMISSION-COD");
            assertThat(cod.status()).isEqualTo(Availability.AVAILABLE);
            assertThat(cod.target().tonnes().amount()).isEqualByComparingTo("50");
            assertThat(cod.expectedShare()).isEqualByComparingTo("120.0");
            assertThat(cod.achievedShare()).isEqualByComparingTo("84.0");
        });
        assertThat(reductionOf(portfolio, Pollutant.VOCS).planIndicator().expectedShare()).isEqualByComparingTo("30.0");
        assertThat(reductionOf(portfolio, Pollutant.NH3_N).planIndicator().target()).isNull();
        assertThat(reductionOf(portfolio, Pollutant.NOX).planIndicator().status()).isEqualTo(Availability.UNAVAILABLE);
        assertThat(reductionOf(portfolio, Pollutant.NOX).planIndicator().reason().en())
            .isEqualTo("indicator-service answered HTTP 503");
        assertThat(reductionOf(portfolio, Pollutant.TN).planIndicator()).isNull();
        assertThat(reductionOf(portfolio, Pollutant.TP).planIndicator()).isNull();
    }

    /** Rows: the day, then the cut-off days the roll-up asks the standings for. */
    @ParameterizedTest(name = "as of {0}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-08-01 | 2020-12-31 2021-12-31 2022-12-31 2023-12-31 2024-08-01
            2021-12-31 | 2020-12-31 2021-12-31
            2021-01-01 | 2020-12-31 2021-01-01
            2019-12-31 | 2019-12-31
            """)
    void readsStandingsAtEveryYearEndBeforeTheDayAndOnTheDay(LocalDate asOf, String days) {
        assertThat(PortfolioRollUp.cutOffs(PROJECTS, asOf).stream().map(LocalDate::toString)
            .collect(Collectors.joining(" "))).isEqualTo(days);
    }

    @Test
    void anEmptyCatalogueRollsUpToZeros() {
        LocalDate asOf = LocalDate.of(2024, 12, 31);

        Portfolio portfolio = PortfolioRollUp.of(2024, asOf, List.of(), INDICATORS);

        assertThat(portfolio.projects()).isZero();
        assertThat(portfolio.investment().total().planned().amount()).isEqualByComparingTo("0");
        assertThat(portfolio.investment().total().financialProgress()).isNull();
        assertThat(portfolio.investment().byYear()).singleElement()
            .satisfies(year -> assertThat(year.year()).isEqualTo(2024));
        assertThat(portfolio.byStatus()).allSatisfy(count -> assertThat(count.projects()).isZero());
    }

    private static Portfolio rollUp(LocalDate asOf) {
        List<ProjectFigures> figures = PROJECTS.stream()
            .map(project -> new ProjectFigures(project, PortfolioRollUp.cutOffs(PROJECTS, asOf).stream()
                .collect(Collectors.toMap(Function.identity(), day -> standing(project, day)))))
            .toList();
        return PortfolioRollUp.of(asOf.getYear(), asOf, figures, INDICATORS);
    }

    /** What the progress feature would report: the latest report by the day, overdue past the completion year. */
    private static ProjectStanding standing(Project project, LocalDate day) {
        ProgressReport latest = REPORTS.stream()
            .filter(report -> report.projectCode().equals(project.code()) && !report.periodEnd().isAfter(day))
            .max(Comparator.comparing(ProgressReport::periodEnd))
            .orElse(null);
        ScheduleStatus schedule = switch (project.status()) {
            case CANCELLED -> null;
            case COMPLETED -> ScheduleStatus.ON_SCHEDULE;
            default -> day.getYear() > project.completionYear() ? ScheduleStatus.OVERDUE : ScheduleStatus.ON_SCHEDULE;
        };
        return new ProjectStanding(project.code(), day, schedule, List.of(), 0, null, null,
                latest == null ? new Investment(BigDecimal.ZERO, Investment.WAN_YUAN) : latest.disbursedToDate(), null,
                latest == null ? List.of() : latest.achievedReductionsToDate(), latest == null ? null : latest.period());
    }

    private static PollutantReductions reductionOf(Portfolio portfolio, Pollutant pollutant) {
        return portfolio.reductions().stream().filter(row -> row.pollutant() == pollutant).findFirst().orElseThrow();
    }

    private static String plain(Investment investment) {
        return investment == null ? "-" : investment.amount().toPlainString();
    }

    private static IndicatorAnswer found(String code, BigDecimal value) {
        return new IndicatorAnswer.Found(new PlanIndicatorDetail(code, new LocalizedName(code, null), "万吨",
                new PlanIndicatorDetail.Target(2025, "ASSIGNED_BY_CITY", value,
                        value == null ? null : "HIGHER_IS_BETTER", "市级下达指")));
    }
}
