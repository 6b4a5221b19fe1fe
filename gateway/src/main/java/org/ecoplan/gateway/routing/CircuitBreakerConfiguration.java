package org.ecoplan.gateway.routing;

import java.time.Clock;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The routes' circuit breakers and the timeouts they count as failures. The breakers read the application's clock,
 * so tests move them from open to half-open without waiting.
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerConfiguration {

    /**
     * The response timeout as Reactor Netty's, a timer of the connection's own event loop. Spring Cloud Gateway's
     * {@code httpclient.response-timeout} arms two timers per call on Reactor's parallel scheduler instead, whose
     * thread wakes for each: at 500 req/s on one core it woke three times per request, twice for this timeout, and
     * each time pre-empted an event loop (bench/results/2026-11-30.md).
     */
    @Bean
    HttpClientCustomizer responseTimeout(HttpClientProperties httpClient, ResilienceProperties resilience) {
        if (httpClient.getResponseTimeout() != null) {
            // Set as well, it would arm the parallel timers again and still not lengthen the timeout.
            throw new IllegalStateException("spring.cloud.gateway.server.webflux.httpclient.response-timeout is not "
                    + "used by EcoPlan's gateway: set ecoplan.resilience.response-timeout instead");
        }
        return client -> client.responseTimeout(resilience.responseTimeout());
    }

    /**
     * Connect plus response timeout, so it never pre-empts the HTTP client, whose timeouts fire first with a
     * precise cause: it is the backstop that also bounds a read's retries.
     */
    @Bean
    RouteTimeLimit routeTimeLimit(HttpClientProperties httpClient, ResilienceProperties resilience) {
        Integer connectTimeoutMillis = httpClient.getConnectTimeout();
        return new RouteTimeLimit(resilience.responseTimeout()
            .plusMillis(connectTimeoutMillis == null ? 0 : connectTimeoutMillis.longValue()));
    }

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> routeBreakers(ResilienceProperties resilience,
            Clock clock) {
        ResilienceProperties.CircuitBreaker breaker = resilience.circuitBreaker();
        CircuitBreakerConfig breakerConfig = CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(breaker.slidingWindow())
            .minimumNumberOfCalls(breaker.minimumCalls())
            .failureRateThreshold(breaker.failureRatePercent())
            .waitDurationInOpenState(breaker.openFor())
            .permittedNumberOfCallsInHalfOpenState(breaker.halfOpenProbes())
            .clock(clock)
            .build();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
            .circuitBreakerConfig(breakerConfig)
            .build());
    }
}
