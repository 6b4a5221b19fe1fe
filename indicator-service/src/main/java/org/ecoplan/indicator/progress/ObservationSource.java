package org.ecoplan.indicator.progress;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What progress and the data-quality findings read of the observations. An interface of this package so that
 * progress is tested without the observation feature; {@link ObservationsAdapter} answers it in production.
 */
public interface ObservationSource {

    /**
     * Approved values of whole years, one per year, ordered by year. Monthly values are left out: every target of
     * the plan is an annual figure, and a month's value is not comparable with it.
     */
    Flux<AnnualValue> approvedAnnualValues(String indicatorCode);

    /** The approved annual values of several indicators from one read, by code; one without values is absent. */
    Mono<Map<String, List<AnnualValue>>> approvedAnnualValues(Collection<String> indicatorCodes);

    /** Observations flagged as statistical outliers against their indicator's history, approved or not. */
    Flux<FlaggedObservation> outliers();
}
