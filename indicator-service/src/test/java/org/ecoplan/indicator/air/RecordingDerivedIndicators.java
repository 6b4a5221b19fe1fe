package org.ecoplan.indicator.air;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import reactor.core.publisher.Mono;

/** Keeps what air quality derives for the plan, in place of the observation records. */
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
            return Mono.fromRunnable(() -> observations.add(observation));
        }

        List<DerivedObservation> observations() {
            return observations;
        }

        void clear() {
            observations.clear();
        }
    }
}
