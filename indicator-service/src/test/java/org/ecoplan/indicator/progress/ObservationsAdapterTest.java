package org.ecoplan.indicator.progress;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.ecoplan.indicator.observation.Observation;
import org.ecoplan.indicator.observation.ObservationStatus;
import org.ecoplan.indicator.observation.ObservedValue;
import org.ecoplan.indicator.observation.Observations;
import org.ecoplan.indicator.observation.Period;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ObservationsAdapterTest {

    private final Observations observations = mock(Observations.class);

    private final ObservationsAdapter adapter = new ObservationsAdapter(observations);

    @Test
    void countsWholeYearsOnlyAndKeepsWhereEachValueCameFrom() {
        when(observations.approvedSeries("AIR-PM25")).thenReturn(Flux.just(
                new ObservedValue(Period.ofYear(2022), new BigDecimal("36"), "obs-2022", false),
                new ObservedValue(new Period(2023, 5), new BigDecimal("41"), "obs-2023-05", false),
                new ObservedValue(Period.ofYear(2023), new BigDecimal("35"), "obs-2023", true)));

        StepVerifier.create(adapter.approvedAnnualValues("AIR-PM25"))
            .expectNext(AnnualValue.approved(2022, new BigDecimal("36"), "obs-2022", false))
            .expectNext(AnnualValue.approved(2023, new BigDecimal("35"), "obs-2023", true))
            .verifyComplete();
    }

    @Test
    void readsSeveralIndicatorsWholeYearsInOneCall() {
        when(observations.approvedSeries(List.of("AIR-PM25", "WATER-GOOD"))).thenReturn(Mono.just(Map.of("AIR-PM25",
                List.of(new ObservedValue(new Period(2023, 5), new BigDecimal("41"), "obs-2023-05", false),
                        new ObservedValue(Period.ofYear(2023), new BigDecimal("35"), "obs-2023", true)))));

        StepVerifier.create(adapter.approvedAnnualValues(List.of("AIR-PM25", "WATER-GOOD")))
            .expectNext(Map.of("AIR-PM25", List.of(AnnualValue.approved(2023, new BigDecimal("35"), "obs-2023", true))))
            .verifyComplete();
    }

    @Test
    void passesOnEveryFlaggedObservationWithItsReasonAndApprovalState() {
        // mocked rather than built: the finding reads six of the document's many fields
        Observation observation = mock(Observation.class);
        when(observation.id()).thenReturn("obs-2023-05");
        when(observation.indicatorCode()).thenReturn("AIR-PM25");
        when(observation.period()).thenReturn(new Period(2023, 5));
        when(observation.value()).thenReturn(new BigDecimal("58"));
        when(observation.status()).thenReturn(ObservationStatus.SUBMITTED);
        when(observation.outlierReason()).thenReturn("far above the indicator's history");
        when(observations.outliers()).thenReturn(Flux.just(observation));

        StepVerifier.create(adapter.outliers())
            .expectNext(new FlaggedObservation("obs-2023-05", "AIR-PM25", "2023-05", new BigDecimal("58"), "SUBMITTED",
                    "far above the indicator's history"))
            .verifyComplete();
    }
}
