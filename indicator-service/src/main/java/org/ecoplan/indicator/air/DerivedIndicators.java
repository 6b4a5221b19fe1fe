package org.ecoplan.indicator.air;

import reactor.core.publisher.Mono;

/**
 * Where derived values of the plan's indicators go: the observation records, as approved derived observations.
 * Behind an interface so that air quality neither depends on how observations are kept nor needs them in its tests.
 */
public interface DerivedIndicators {

    /** Records the value, replacing an earlier one derived from the same station-year. */
    Mono<Void> record(DerivedObservation observation);

    /**
     * Withdraws the indicator's value of the year derived from {@code reference} (the station-year), if there is
     * one: its data no longer support it.
     *
     * @return whether there was one
     */
    Mono<Boolean> withdraw(String indicatorCode, int year, String reference);
}
