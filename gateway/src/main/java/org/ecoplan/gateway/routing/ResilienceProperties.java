package org.ecoplan.gateway.routing;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway protects the services and itself: a response timeout, one circuit breaker per service, retries
 * of idempotent reads, and a per-client request limit. Defaults suit the bureau's traffic; every value is a
 * property.
 *
 * @param responseTimeout the longest a service may leave the gateway waiting for (the next part of) its answer
 *                        before the caller gets 504
 * @param circuitBreaker each service's breaker
 * @param retry retries of GETs inside the breaker
 * @param rateLimit requests one client may send
 */
@Validated
@ConfigurationProperties("ecoplan.resilience")
public record ResilienceProperties(@NotNull @DefaultValue("10s") Duration responseTimeout,
        @Valid @NotNull @DefaultValue CircuitBreaker circuitBreaker,
        @Valid @NotNull @DefaultValue Retry retry, @Valid @NotNull @DefaultValue RateLimit rateLimit) {

    /**
     * @param slidingWindow the last calls the failure rate is computed over
     * @param minimumCalls calls the breaker waits for before it judges at all, so one early failure opens nothing
     * @param failureRatePercent failure rate at which it opens
     * @param openFor how long an open breaker answers 503 without calling the service
     * @param halfOpenProbes calls let through after {@code openFor} to decide between closing and reopening
     */
    public record CircuitBreaker(@Min(1) @DefaultValue("20") int slidingWindow,
            @Min(1) @DefaultValue("10") int minimumCalls,
            @Min(1) @Max(100) @DefaultValue("50") int failureRatePercent,
            @NotNull @DefaultValue("10s") Duration openFor,
            @Min(1) @DefaultValue("3") int halfOpenProbes) {
    }

    /**
     * @param retries further attempts after the first; 0 turns retries off
     * @param firstBackoff pause before the first retry, doubled before each further one
     * @param maxBackoff the longest pause
     */
    public record Retry(@Min(0) @DefaultValue("2") int retries, @NotNull @DefaultValue("50ms") Duration firstBackoff,
            @NotNull @DefaultValue("500ms") Duration maxBackoff) {
    }

    /**
     * @param requestsPerPeriod requests one client (token subject, else address) may send per period
     * @param period the fixed window the requests are counted in
     * @param maxClients clients tracked at once; windows already over are forgotten beyond that
     */
    public record RateLimit(@Min(1) @DefaultValue("100") int requestsPerPeriod,
            @NotNull @DefaultValue("1s") Duration period, @Min(1) @DefaultValue("10000") int maxClients) {
    }
}
