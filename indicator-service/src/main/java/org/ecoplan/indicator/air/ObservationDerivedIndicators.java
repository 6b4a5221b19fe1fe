package org.ecoplan.indicator.air;

import org.ecoplan.indicator.observation.Derivation;
import org.ecoplan.indicator.observation.Observations;
import org.ecoplan.indicator.observation.Period;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Records derived values as approved derived observations, idempotent per indicator, year and station-year. */
@Component
class ObservationDerivedIndicators implements DerivedIndicators {

    private final Observations observations;

    ObservationDerivedIndicators(Observations observations) {
        this.observations = observations;
    }

    @Override
    public Mono<Void> record(DerivedObservation observation) {
        return observations
            .recordDerived(observation.indicatorCode(), Period.ofYear(observation.year()), observation.value(),
                    observation.source(), observation.method(),
                    new Derivation(observation.kind(), observation.reference(), observation.link()))
            .then();
    }

    @Override
    public Mono<Boolean> withdraw(String indicatorCode, int year, String reference) {
        return observations.withdrawDerived(indicatorCode, Period.ofYear(year), reference);
    }
}
