package org.ecoplan.indicator.air;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;

import org.ecoplan.indicator.observation.Derivation;
import org.ecoplan.indicator.observation.Observations;
import org.ecoplan.indicator.observation.Period;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ObservationDerivedIndicatorsTest {

    private final Observations observations = mock(Observations.class);

    private final ObservationDerivedIndicators indicators = new ObservationDerivedIndicators(observations);

    @Test
    void recordsAYearlyDerivedObservationLinkedToTheAnnualResult() {
        when(observations.recordDerived(any(), any(), any(), any(), any(), any())).thenReturn(Mono.empty());

        StepVerifier.create(indicators.record(new DerivedObservation("AIR-PM25", 2024, new BigDecimal("34"),
                "Hourly monitoring data of station 城陵矶, 2024", "HJ 663-2013 annual mean", "AIR_ANNUAL", "城陵矶/2024",
                "/api/v1/air-quality/annual?station=城陵矶&year=2024")))
            .verifyComplete();

        verify(observations).recordDerived(eq("AIR-PM25"), eq(Period.ofYear(2024)), eq(new BigDecimal("34")),
                eq("Hourly monitoring data of station 城陵矶, 2024"), eq("HJ 663-2013 annual mean"),
                eq(new Derivation("AIR_ANNUAL", "城陵矶/2024", "/api/v1/air-quality/annual?station=城陵矶&year=2024")));
    }

    @Test
    void withdrawsTheValueDerivedFromTheStationYear() {
        when(observations.withdrawDerived(any(), any(), any())).thenReturn(Mono.just(true));

        StepVerifier.create(indicators.withdraw("AIR-GOOD-DAYS", 2024, "城陵矶/2024")).expectNext(true)
            .verifyComplete();

        verify(observations).withdrawDerived("AIR-GOOD-DAYS", Period.ofYear(2024), "城陵矶/2024");
    }

    @Test
    void aFailureToRecordReachesTheCaller() {
        when(observations.recordDerived(any(), any(), any(), any(), any(), any()))
            .thenReturn(Mono.error(new IllegalStateException("observations unavailable")));

        StepVerifier.create(indicators.record(new DerivedObservation("AIR-GOOD-DAYS", 2024, new BigDecimal("91.8"),
                "s", "m", "AIR_ANNUAL", "城陵矶/2024", "/l")))
            .verifyErrorMessage("observations unavailable");
    }
}
