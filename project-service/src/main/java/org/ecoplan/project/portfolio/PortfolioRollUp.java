package org.ecoplan.project.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.ecoplan.project.catalog.ExpectedReductions;
import org.ecoplan.project.catalog.ExpectedReductions.Reduction;
import org.ecoplan.project.catalog.Investment;
import org.ecoplan.project.catalog.Pollutant;
import org.ecoplan.project.catalog.Project;
import org.ecoplan.project.catalog.ProjectStatus;
import org.ecoplan.project.portfolio.Portfolio.InvestmentFigures;
import org.ecoplan.project.portfolio.Portfolio.InvestmentGroup;
import org.ecoplan.project.portfolio.Portfolio.InvestmentYear;
import org.ecoplan.project.portfolio.Portfolio.Investments;
import org.ecoplan.project.portfolio.Portfolio.PollutantReductions;
import org.ecoplan.project.portfolio.Portfolio.Quantity;
import org.ecoplan.project.portfolio.Portfolio.ScheduleCount;
import org.ecoplan.project.portfolio.Portfolio.StatusCount;
import org.ecoplan.project.progress.ScheduleStatus;

/** Rolls the projects' figures up into the portfolio of one day. Plain Java: everything it needs is handed in. */
final class PortfolioRollUp {

    private PortfolioRollUp() {
    }

    /**
     * The days whose standings the roll-up reads: the end of every year from the one before the first start up to
     * the year before {@code asOf}'s (what was disbursed by then), and {@code asOf} itself.
     */
    static List<LocalDate> cutOffs(List<Project> projects, LocalDate asOf) {
        List<LocalDate> days = new ArrayList<>();
        for (int year = firstYear(projects, asOf) - 1; year < asOf.getYear(); year++) {
            days.add(LocalDate.of(year, 12, 31));
        }
        days.add(asOf);
        return days;
    }

    static Portfolio of(Integer year, LocalDate asOf, List<ProjectFigures> figures,
            Map<Pollutant, IndicatorAnswer> indicators) {
        List<Project> projects = figures.stream().map(ProjectFigures::project).toList();
        Map<String, ProjectStatus> statuses = projects.stream()
            .collect(Collectors.toMap(Project::code, project -> project.statusOn(asOf)));
        List<ProjectFigures> active = figures.stream()
            .filter(figure -> statuses.get(figure.project().code()) != ProjectStatus.CANCELLED)
            .toList();
        List<ScheduleStatus> schedules = figures.stream().map(figure -> figure.on(asOf).scheduleStatus()).toList();
        return new Portfolio(year, asOf, figures.size(), investments(asOf, figures, active),
                Arrays.stream(ProjectStatus.values())
                    .map(status -> new StatusCount(status, status.label(),
                            (int) statuses.values().stream().filter(status::equals).count()))
                    .toList(),
                Arrays.stream(ScheduleStatus.values())
                    .map(status -> new ScheduleCount(status, status.label(),
                            (int) schedules.stream().filter(status::equals).count()))
                    .toList(),
                (int) schedules.stream().filter(Objects::isNull).count(),
                reductions(asOf, figures, active, indicators));
    }

    private static Investments investments(LocalDate asOf, List<ProjectFigures> figures,
            List<ProjectFigures> active) {
        Map<String, SortedMap<Integer, BigDecimal>> plans = active.stream()
            .map(ProjectFigures::project)
            .collect(Collectors.toMap(Project::code, project -> InvestmentSchedule.plannedPerYear(
                    project.startYear(), project.completionYear(), project.totalInvestment().amount())));
        Function<List<ProjectFigures>, InvestmentFigures> rollUp = group -> figures(asOf, group, plans);
        List<Project> projects = figures.stream().map(ProjectFigures::project).toList();
        int last = Math.max(asOf.getYear(), projects.stream()
            .mapToInt(project -> Math.max(project.startYear(), project.completionYear()))
            .max()
            .orElse(asOf.getYear()));
        List<InvestmentYear> years = IntStream.rangeClosed(firstYear(projects, asOf), last)
            .mapToObj(year -> new InvestmentYear(year,
                    money(plans.values().stream().map(plan -> plan.getOrDefault(year, BigDecimal.ZERO))),
                    year > asOf.getYear() ? null : money(figures.stream()
                        .map(figure -> disbursed(figure, cutOff(year, asOf))
                            .subtract(disbursed(figure, cutOff(year - 1, asOf)))))))
            .toList();
        return new Investments(rollUp.apply(figures), groups(figures, Project::type, rollUp),
                groups(figures, Project::leadDepartment, rollUp), years);
    }

    private static InvestmentFigures figures(LocalDate asOf, List<ProjectFigures> group,
            Map<String, SortedMap<Integer, BigDecimal>> plans) {
        List<SortedMap<Integer, BigDecimal>> groupPlans = group.stream()
            .map(figure -> plans.get(figure.project().code()))
            .filter(Objects::nonNull)
            .toList();
        Investment planned = money(groupPlans.stream().flatMap(plan -> plan.values().stream()));
        Investment disbursed = money(group.stream().map(figure -> disbursed(figure, asOf)));
        return new InvestmentFigures(group.size(), planned,
                money(groupPlans.stream()
                    .flatMap(plan -> plan.headMap(asOf.getYear() + 1).values().stream())),
                disbursed, Amounts.percent(disbursed.amount(), planned.amount()));
    }

    private static List<InvestmentGroup> groups(List<ProjectFigures> figures, Function<Project, String> key,
            Function<List<ProjectFigures>, InvestmentFigures> rollUp) {
        Map<String, List<ProjectFigures>> groups = figures.stream()
            .collect(Collectors.groupingBy(figure -> key.apply(figure.project()), LinkedHashMap::new,
                    Collectors.toList()));
        return groups.entrySet()
            .stream()
            .map(group -> new InvestmentGroup(group.getKey(), rollUp.apply(group.getValue())))
            .toList();
    }

    private static List<PollutantReductions> reductions(LocalDate asOf, List<ProjectFigures> figures,
            List<ProjectFigures> active, Map<Pollutant, IndicatorAnswer> indicators) {
        Map<Pollutant, BigDecimal> expected = sums(active.stream()
            .flatMap(figure -> expectedItems(figure.project()).stream())
            .toList());
        Map<Pollutant, BigDecimal> achieved = sums(figures.stream()
            .flatMap(figure -> figure.on(asOf).achievedReductions().stream())
            .toList());
        return Arrays.stream(Pollutant.values()).map(pollutant -> {
            BigDecimal expectedAmount = expected.getOrDefault(pollutant, BigDecimal.ZERO);
            BigDecimal achievedAmount = achieved.getOrDefault(pollutant, BigDecimal.ZERO);
            String code = PlanTotals.INDICATORS.get(pollutant);
            return new PollutantReductions(pollutant, pollutant.label(), perYear(expectedAmount),
                    perYear(achievedAmount), Amounts.percent(achievedAmount, expectedAmount),
                    (int) active.stream().filter(figure -> expects(figure.project(), pollutant)).count(),
                    code == null ? null
                            : PlanTotals.indicator(code, indicators.get(pollutant), expectedAmount, achievedAmount));
        }).toList();
    }

    private static Map<Pollutant, BigDecimal> sums(List<Reduction> reductions) {
        Map<Pollutant, BigDecimal> sums = new EnumMap<>(Pollutant.class);
        reductions.forEach(reduction -> sums.merge(reduction.pollutant(), reduction.amount(), BigDecimal::add));
        return sums;
    }

    private static boolean expects(Project project, Pollutant pollutant) {
        return expectedItems(project).stream().anyMatch(item -> item.pollutant() == pollutant);
    }

    private static List<Reduction> expectedItems(Project project) {
        return project.expectedReductions() == null ? List.of() : project.expectedReductions().items();
    }

    private static int firstYear(List<Project> projects, LocalDate asOf) {
        return projects.stream()
            .mapToInt(project -> Math.min(project.startYear(), project.completionYear()))
            .min()
            .orElse(asOf.getYear());
    }

    /** The day up to which a year's disbursements count: its last day, or {@code asOf} within {@code asOf}'s year. */
    private static LocalDate cutOff(int year, LocalDate asOf) {
        return year >= asOf.getYear() ? asOf : LocalDate.of(year, 12, 31);
    }

    private static BigDecimal disbursed(ProjectFigures figure, LocalDate date) {
        return figure.on(date).disbursed().amount();
    }

    private static Investment money(Stream<BigDecimal> amounts) {
        return new Investment(Amounts.tidy(amounts.reduce(BigDecimal.ZERO, BigDecimal::add)), Investment.WAN_YUAN);
    }

    private static Quantity perYear(BigDecimal amount) {
        return new Quantity(Amounts.tidy(amount), ExpectedReductions.TONNES_PER_YEAR);
    }
}
