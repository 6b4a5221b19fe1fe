package org.ecoplan.indicator.catalog;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * 进展状态: where an indicator stands toward its target now, e.g. {@code ON_TRACK}. The progress feature
 * implements it (REFERENCE §7); the catalogue shows it on an indicator, filters the list by it and exports it.
 * Without an implementation indicators have no status.
 */
public interface IndicatorStatus {

    /** The indicator's current status code; empty when it has none. */
    Mono<String> current(Indicator indicator);

    /**
     * The current status codes of several indicators by code, computed together so that a page of the list costs
     * one read rather than one per indicator; an indicator without a status is absent from the map.
     */
    Mono<Map<String, String>> current(List<Indicator> indicators);
}
