package org.ecoplan.indicator.progress;

import java.time.Clock;
import java.util.List;
import java.util.OptionalInt;

import org.ecoplan.common.time.BureauDay;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.indicator.catalog.Indicator;
import org.ecoplan.indicator.catalog.IndicatorCatalog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Progress of the plan's indicators from their approved values, for the progress endpoints and for the catalogue's
 * status (list filter and detail).
 * <p>
 * Without a {@code year} progress is assessed as of the latest year with an approved annual value (for one
 * indicator: its own; for the plan: any indicator's), and as of the current year in the district when there is
 * none. A given year must lie between the baseline year, before which there is nothing to measure from, and the
 * current year, after which no value can exist: otherwise 422.
 */
@Service
public class ProgressService {

    /** The plan's years are the district's calendar years. */
    private final IndicatorCatalog catalog;

    private final ObservationSource observations;

    private final Clock clock;

    private final ProgressRule rule = new ProgressRule(ProgressThresholds.openSdg());

    /** Takes the application's {@link Clock} where one is defined (tests fix the year with one). */
    ProgressService(IndicatorCatalog catalog, ObservationSource observations, ObjectProvider<Clock> clock) {
        this.catalog = catalog;
        this.observations = observations;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** One indicator's progress; 404 for an unknown code. */
    public Mono<IndicatorProgress> progress(String code, Integer year) {
        return catalog.byCode(code)
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("There is no indicator with code " + code)))
            .flatMap(indicator -> progress(indicator, year));
    }

    /** One indicator's progress, for callers that hold the indicator already (the catalogue's detail). */
    public Mono<IndicatorProgress> progress(Indicator indicator, Integer year) {
        TrackedIndicator tracked = TrackedIndicator.of(indicator);
        return Mono.fromRunnable(() -> checkYear(year, tracked.baseline().year()))
            .then(series(tracked))
            .map(series -> series.assess(rule, year != null ? year : series.latestYear().orElseGet(this::currentYear)));
    }

    /**
     * Several indicators' progress, each as of its own latest year like {@link #progress(Indicator, Integer)}, from
     * one read of their approved values (the catalogue's list shows a page of statuses this way).
     */
    public Mono<List<IndicatorProgress>> latest(List<Indicator> indicators) {
        List<TrackedIndicator> tracked = indicators.stream().map(TrackedIndicator::of).toList();
        return observations.approvedAnnualValues(tracked.stream().map(TrackedIndicator::code).toList())
            .map(byCode -> tracked.stream()
                .map(indicator -> new Series(indicator, byCode.getOrDefault(indicator.code(), List.of())))
                .map(series -> series.assess(rule, series.latestYear().orElseGet(this::currentYear)))
                .toList());
    }

    /** Every indicator's progress as of one year (the catalogue's status filter reads it too). */
    public Mono<PlanProgress> plan(Integer year) {
        return catalog.all()
            .map(TrackedIndicator::of)
            .collectList()
            .doOnNext(indicators -> checkYear(year, indicators.stream()
                .mapToInt(indicator -> indicator.baseline().year())
                .min()
                .orElseGet(this::currentYear)))
            .flatMapMany(Flux::fromIterable)
            .flatMapSequential(this::series)
            .collectList()
            .map(all -> {
                int asOf = year != null ? year : all.stream()
                    .map(Series::latestYear)
                    .flatMapToInt(OptionalInt::stream)
                    .max()
                    .orElseGet(this::currentYear);
                return new PlanProgress(asOf, all.stream().map(series -> series.assess(rule, asOf)).toList());
            });
    }

    public Mono<ProgressSummary> summary(Integer year) {
        return plan(year).map(ProgressSummary::of);
    }

    private Mono<Series> series(TrackedIndicator indicator) {
        return observations.approvedAnnualValues(indicator.code())
            .collectList()
            .map(values -> new Series(indicator, values));
    }

    private void checkYear(Integer year, int baselineYear) {
        int current = currentYear();
        if (year != null && (year < baselineYear || year > current)) {
            String range = "must be from the baseline year %d to the current year %d".formatted(baselineYear, current);
            throw ApiProblem.unprocessable("Parameter 'year' " + range + ".",
                    List.of(new ApiProblem.FieldError("year", range)));
        }
    }

    private int currentYear() {
        return BureauDay.today(clock).getYear();
    }

    private record Series(TrackedIndicator indicator, List<AnnualValue> values) {

        OptionalInt latestYear() {
            return values.stream().mapToInt(AnnualValue::year).max();
        }

        IndicatorProgress assess(ProgressRule rule, int year) {
            return IndicatorProgress.of(indicator,
                    rule.assess(indicator.target(), indicator.planBaseline(), values, year));
        }
    }
}
