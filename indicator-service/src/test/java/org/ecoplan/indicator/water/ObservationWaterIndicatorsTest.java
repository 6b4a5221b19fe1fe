package org.ecoplan.indicator.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.util.List;

import org.ecoplan.indicator.observation.Derivation;
import org.ecoplan.indicator.observation.Observation;
import org.ecoplan.indicator.observation.Observations;
import org.ecoplan.indicator.observation.Period;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ObservationWaterIndicatorsTest {

    private final Observations observations = mock(Observations.class);

    private final ObservationWaterIndicators indicators = new ObservationWaterIndicators(observations);

    @Test
    void recordsTheShareAsADerivedObservationOfTheYearLinkedToTheAnnualResults() {
        when(observations.recordDerived(anyString(), any(), any(), anyString(), anyString(), any()))
                .thenReturn(Mono.just(mock(Observation.class)));
        AnnualReport report = new AnnualReport(2024, 9, 6, 1, new BigDecimal("16.7"), AnnualWaterQuality.METHOD,
                List.of());

        StepVerifier.create(indicators.recordWorseThanVShare(report)).verifyComplete();

        ArgumentCaptor<String> source = ArgumentCaptor.forClass(String.class);
        ArgumentCaptor<String> method = ArgumentCaptor.forClass(String.class);
        verify(observations).recordDerived(eq("WATER-WORSE-THAN-V"), eq(Period.ofYear(2024)),
                eq(new BigDecimal("16.7")), source.capture(), method.capture(),
                eq(new Derivation("WATER_ANNUAL", "地表水/2024", "/api/v1/water-quality/annual?year=2024")));
        assertThat(source.getValue()).contains("9 个", "2024 年", "参评 6 个", "劣Ⅴ类 1 个");
        assertThat(method.getValue()).startsWith("劣Ⅴ类断面数 ÷ 参评断面数 × 100%").contains("环办〔2011〕22号");
    }

    @Test
    void withdrawsTheYearsShareRecordedUnderTheSameReference() {
        when(observations.withdrawDerived(anyString(), any(), anyString())).thenReturn(Mono.just(true));

        StepVerifier.create(indicators.withdrawWorseThanVShare(2024)).verifyComplete();

        verify(observations).withdrawDerived("WATER-WORSE-THAN-V", Period.ofYear(2024), "地表水/2024");
    }

    @Test
    void aFailedRecordingReachesTheCaller() {
        when(observations.recordDerived(anyString(), any(), any(), anyString(), anyString(), any()))
                .thenReturn(Mono.error(new IllegalStateException("observations unavailable")));

        StepVerifier.create(indicators.recordWorseThanVShare(new AnnualReport(2024, 1, 1, 0, BigDecimal.ZERO.setScale(1),
                AnnualWaterQuality.METHOD, List.of()))).verifyError(IllegalStateException.class);
    }
}
