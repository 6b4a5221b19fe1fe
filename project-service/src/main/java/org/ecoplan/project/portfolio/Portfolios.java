package org.ecoplan.project.portfolio;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.time.BureauDay;
import org.ecoplan.project.catalog.Pollutant;
import org.ecoplan.project.catalog.Project;
import org.ecoplan.project.progress.ProjectStandings;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Gathers what the portfolio rolls up: the projects, their standings and the plan's pollutant totals. */
@Component
class Portfolios {

    private final ReactiveMongoTemplate template;

    private final ProjectStandings standings;

    private final IndicatorServiceClient indicators;

    private final Clock clock;

    Portfolios(ReactiveMongoTemplate template, ProjectStandings standings, IndicatorServiceClient indicators,
            Clock clock) {
        this.template = template;
        this.standings = standings;
        this.indicators = indicators;
        this.clock = clock;
    }

    /**
     * The portfolio at the end of {@code year}, or today for the current year or none.
     *
     * @throws ApiProblem 400 for a year after the current one, whose end is still ahead
     */
    Mono<Portfolio> portfolio(Integer year) {
        return Mono.defer(() -> {
            LocalDate asOf = asOf(year);
            return Mono.zip(figures(asOf), planIndicators())
                .map(found -> PortfolioRollUp.of(year, asOf, found.getT1(), found.getT2()));
        });
    }

    private LocalDate asOf(Integer year) {
        LocalDate today = BureauDay.today(clock);
        if (year == null || year == today.getYear()) {
            return today;
        }
        if (year > today.getYear()) {
            throw ApiProblem.badRequest("The portfolio covers years up to the current one",
                    List.of(new ApiProblem.FieldError("year", "must not be after " + today.getYear())));
        }
        return LocalDate.of(year, 12, 31);
    }

    private Mono<List<ProjectFigures>> figures(LocalDate asOf) {
        return template.find(new Query().with(Sort.by("code")), Project.class).collectList()
            .flatMap(projects -> standings.standings(projects, PortfolioRollUp.cutOffs(projects, asOf))
                .map(byCode -> projects.stream()
                    .map(project -> new ProjectFigures(project, byCode.get(project.code())))
                    .toList()));
    }

    private Mono<Map<Pollutant, IndicatorAnswer>> planIndicators() {
        return Flux.fromIterable(PlanTotals.INDICATORS.entrySet())
            .flatMap(indicator -> indicators.indicator(indicator.getValue())
                .map(answer -> Map.entry(indicator.getKey(), answer)))
            .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
