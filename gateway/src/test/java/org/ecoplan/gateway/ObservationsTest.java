package org.ecoplan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/** What the gateway observes per request: the request, not each filter of the security chain (common's defaults). */
class ObservationsTest extends GatewayTestSupport {

    @Autowired
    ObservationRegistry registry;

    @Test
    void securityFiltersAreNotObservedButRequestsAre() {
        assertThat(observed("spring.security.filterchains")).isFalse();
        assertThat(observed("spring.security.authorizations")).isFalse();
        assertThat(observed("http.server.requests")).isTrue();
    }

    private boolean observed(String name) {
        Observation observation = Observation.start(name, registry);
        observation.stop();
        return !observation.isNoop();
    }
}
