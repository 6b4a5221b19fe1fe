package org.ecoplan.common.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Observations nobody reads, off unless configured. Added last, so any setting of the properties wins.
 * <ul>
 * <li>Spring Security observes every filter of a security chain on every request, each with a Reactor checkpoint:
 * on one pinned core the warm gateway's throughput with a token rose from about 400 to about 700 requests/s without
 * them (wrk against one gateway, two and a half minutes after its start), and there is no tracing to read them.</li>
 * <li>Every request's {@code http.server.requests} observation times it into Boot's in-memory meter registry, 3.4 %
 * of the gateway's processor time under load in a profile, while no endpoint exposes that registry. It stays on in a
 * build that brings something to read it: a Prometheus or OTLP meter registry, or Micrometer Tracing.</li>
 * <li>So do the gateway's own, Spring Cloud Gateway's switches, which no other app reads: an observation of every
 * call to a service with its request and response headers (about 2.5 % of the gateway's processor time under
 * load) and a timer per route and outcome ({@code spring.cloud.gateway.requests}, 0.75 %).</li>
 * </ul>
 */
public class ObservationDefaults implements EnvironmentPostProcessor {

    static final String SECURITY_OBSERVATIONS = "management.observations.enable.spring.security";

    static final String SERVER_REQUEST_OBSERVATIONS = "management.observations.enable.http.server.requests";

    static final String GATEWAY_ROUTE_OBSERVATIONS = "spring.cloud.gateway.server.webflux.observability.enabled";

    static final String GATEWAY_ROUTE_METRICS = "spring.cloud.gateway.server.webflux.metrics.enabled";

    /** Off unless the build brings one of the {@link #READERS}. */
    static final List<String> UNREAD = List.of(SERVER_REQUEST_OBSERVATIONS, GATEWAY_ROUTE_OBSERVATIONS,
            GATEWAY_ROUTE_METRICS);

    static final List<String> READERS = List.of("io.micrometer.prometheusmetrics.PrometheusMeterRegistry",
            "io.micrometer.prometheus.PrometheusMeterRegistry", "io.micrometer.registry.otlp.OtlpMeterRegistry",
            "io.micrometer.tracing.Tracer");

    private final Predicate<String> onClassPath;

    public ObservationDefaults() {
        this(className -> ClassUtils.isPresent(className, ObservationDefaults.class.getClassLoader()));
    }

    ObservationDefaults(Predicate<String> onClassPath) {
        this.onClassPath = onClassPath;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put(SECURITY_OBSERVATIONS, "false");
        if (READERS.stream().noneMatch(onClassPath)) {
            UNREAD.forEach(property -> defaults.put(property, "false"));
        }
        environment.getPropertySources().addLast(new MapPropertySource("ecoplan-observation-defaults", defaults));
    }
}
