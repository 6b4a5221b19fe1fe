package org.ecoplan.gateway.routing;

import java.time.Clock;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The routes' circuit breakers. Resilience4j's time limiter defaults to 1 s and would cut off any slower call
 * with a 504, far below the gateway's own timeouts. Here it is derived from them: connect plus response timeout,
 * so it never pre-empts the HTTP client, whose timeouts fire first with a precise cause, and stays a backstop.
 * The breakers read the application's clock, so tests move them from open to half-open without waiting.
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
    HttpClientCustomizer responseTimeout(ResilienceProperties resilience) {
        return httpClient -> httpClient.responseTimeout(resilience.responseTimeout());
    }

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> routeBreakers(
            HttpClientProperties httpClient, ResilienceProperties resilience, Clock clock) {
        if (httpClient.getResponseTimeout() != null) {
            // Set as well, it would arm the parallel timers again and still not lengthen the timeout.
            throw new IllegalStateException("spring.cloud.gateway.server.webflux.httpclient.response-timeout is not "
                    + "used by EcoPlan's gateway: set ecoplan.resilience.response-timeout instead");
        }
        Integer connectTimeoutMillis = httpClient.getConnectTimeout();
        Duration timeLimit = resilience.responseTimeout()
            .plusMillis(connectTimeoutMillis == null ? 0 : connectTimeoutMillis.longValue());
        TimeLimiterConfig timeLimiter = TimeLimiterConfig.custom().timeoutDuration(timeLimit).build();
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
            .timeLimiterConfig(timeLimiter)
            .build());
    }
}
