package org.ecoplan.common.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.web.server.ObservationWebFilterChainDecorator;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.test.util.ReflectionTestUtils;

/** Whoever switches Spring Security's observations back on gets its observing filter chain, not the plain one. */
@SpringBootTest(classes = TestApplication.class, properties = "management.observations.enable.spring.security=true")
class SecurityObservationsOnTest {

    @Autowired
    WebFilterChainProxy securityFilters;

    @Test
    void theSecurityFiltersAreObserved() {
        assertThat(ReflectionTestUtils.getField(securityFilters, "filterChainDecorator"))
            .isInstanceOf(ObservationWebFilterChainDecorator.class);
    }
}
