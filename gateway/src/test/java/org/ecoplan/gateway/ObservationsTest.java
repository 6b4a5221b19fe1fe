package org.ecoplan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.GatewayMetricsFilter;
import org.springframework.cloud.gateway.filter.headers.GRPCRequestHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.GRPCResponseHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.observation.ObservedRequestHttpHeadersFilter;
import org.springframework.context.ApplicationContext;

/**
 * What the gateway does per request that nothing reads: with no meter registry that exports and no tracing in the
 * build (common's defaults, the gateway's application.yml), none of it.
 */
class ObservationsTest extends GatewayTestSupport {

    @Autowired
    ObservationRegistry registry;

    @Autowired
    ApplicationContext context;

    @Test
    void neitherSecurityFiltersNorRequestsAreObserved() {
        assertThat(observed("spring.security.filterchains")).isFalse();
        assertThat(observed("spring.security.authorizations")).isFalse();
        assertThat(observed("http.server.requests")).isFalse();
        assertThat(registry.isNoop()).as("observations of other kinds go on").isFalse();
    }

    @Test
    void routesAreNotTimedAndHeadersAreNotSearchedForGrpc() {
        assertThat(context.getBeanNamesForType(GatewayMetricsFilter.class)).isEmpty();
        assertThat(context.getBeanNamesForType(ObservedRequestHttpHeadersFilter.class)).isEmpty();
        assertThat(context.getBeanNamesForType(GRPCRequestHeadersFilter.class)).isEmpty();
        assertThat(context.getBeanNamesForType(GRPCResponseHeadersFilter.class)).isEmpty();
    }

    private boolean observed(String name) {
        Observation observation = Observation.start(name, registry);
        observation.stop();
        return !observation.isNoop();
    }
}
