package org.ecoplan.common.web;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Spring Security observes every filter of a security chain on every request, each with a Reactor checkpoint: on one
 * pinned core the warm gateway's throughput with a token rose from about 400 to about 700 requests/s without them
 * (wrk against one gateway, two and a half minutes after its start), and nothing reads them (no tracing; metrics
 * are not exposed). The request's own {@code http.server.requests} observation stays. Added last, so any setting
 * of the property wins.
 */
public class ObservationDefaults implements EnvironmentPostProcessor {

    static final String SECURITY_OBSERVATIONS = "management.observations.enable.spring.security";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources()
            .addLast(new MapPropertySource("ecoplan-observation-defaults", Map.of(SECURITY_OBSERVATIONS, "false")));
    }
}
