package org.ecoplan.indicator.progress;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ecoplan.indicator.observation.Observation;
import org.ecoplan.indicator.observation.ObservedValue;
import org.ecoplan.indicator.observation.Observations;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Answers {@link ObservationSource} from the observation feature's service. */
@Component
class ObservationsAdapter implements ObservationSource {

    private final Observations observations;

    ObservationsAdapter(Observations observations) {
        this.observations = observations;
    }

    @Override
    public Flux<AnnualValue> approvedAnnualValues(String indicatorCode) {
        return observations.approvedSeries(indicatorCode)
            .filter(observed -> observed.period().month() == null)
            .map(ObservationsAdapter::annual);
    }

    @Override
    public Mono<Map<String, List<AnnualValue>>> approvedAnnualValues(Collection<String> indicatorCodes) {
        return observations.approvedSeries(indicatorCodes).map(byCode -> {
            Map<String, List<AnnualValue>> annual = new HashMap<>();
            byCode.forEach((code, series) -> annual.put(code, series.stream()
                .filter(observed -> observed.period().month() == null)
                .map(ObservationsAdapter::annual)
                .toList()));
            return annual;
        });
    }

    @Override
    public Flux<FlaggedObservation> outliers() {
        return observations.outliers().map(ObservationsAdapter::flagged);
    }

    private static AnnualValue annual(ObservedValue observed) {
        return AnnualValue.approved(observed.period().year(), observed.value(), observed.observationId(),
                observed.derived());
    }

    private static FlaggedObservation flagged(Observation observation) {
        return new FlaggedObservation(observation.id(), observation.indicatorCode(),
                observation.period().toString(), observation.value(), observation.status().name(),
                observation.outlierReason());
    }
}
