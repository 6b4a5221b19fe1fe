package org.ecoplan.indicator.air;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import reactor.core.publisher.Mono;

/** Keeps what air quality derives for the plan, in place of the observation records: one value per indicator and station-year. */
@TestConfiguration(proxyBeanMethods = false)
class RecordingDerivedIndicators {

    @Bean
    @Primary
    Recorded recordedDerivedObservations() {
        return new Recorded();
    }

    static final class Recorded implements DerivedIndicators {

        private final List<DerivedObservation> observations = new CopyOnWriteArrayList<>();

        @Override
        public Mono<Void> record(DerivedObservation observation) {
            return Mono.fromRunnable(() -> {
                observations.removeIf(earlier -> sameValue(earlier, observation.indicatorCode(), observation.year(),
                        observation.reference()));
                observations.add(observation);
            });
        }

        @Override
        public Mono<Boolean> withdraw(String indicatorCode, int year, String reference) {
            return Mono.fromSupplier(
                    () -> observations.removeIf(earlier -> sameValue(earlier, indicatorCode, year, reference)));
        }

        private static boolean sameValue(DerivedObservation earlier, String indicatorCode, int year, String reference) {
            return earlier.indicatorCode().equals(indicatorCode) && earlier.year() == year
                    && earlier.reference().equals(reference);
        }

        List<DerivedObservation> observations() {
            return observations;
        }

        void clear() {
            observations.clear();
        }
    }
}
