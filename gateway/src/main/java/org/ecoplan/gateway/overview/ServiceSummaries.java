package org.ecoplan.gateway.overview;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.ecoplan.gateway.routing.RouteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Asks every service for its summary at once, with the caller's token, and keeps what arrives in time. A part
 * that fails is marked with the reason instead of failing the whole: the overview is for people deciding what
 * to look at next, and two thirds of it are worth more than an error page. Each call goes through its service's
 * circuit breaker, so a service the routes already know to be down costs the overview nothing.
 */
@Component
class ServiceSummaries {

    private static final Logger log = LoggerFactory.getLogger(ServiceSummaries.class);

    private final WebClient client = WebClient.create();

    private final RouteProperties targets;

    private final ReactiveCircuitBreakerFactory<?, ?> breakers;

    private final Duration deadline;

    ServiceSummaries(RouteProperties targets, ReactiveCircuitBreakerFactory<?, ?> breakers,
            OverviewProperties budgets) {
        this.targets = targets;
        this.breakers = breakers;
        this.deadline = budgets.deadline();
    }

    /** Every part in {@link OverviewPart}'s order, each the service's summary or an {@link Unavailable}. */
    Mono<Map<String, Object>> collect(String bearerToken) {
        return Flux.fromArray(OverviewPart.values())
            .flatMapSequential(part -> summary(part, bearerToken).map(value -> Map.entry(part.key(), value)))
            .collectList()
            .map(ServiceSummaries::inOrder);
    }

    private Mono<Object> summary(OverviewPart part, String bearerToken) {
        String service = part.service().serviceId();
        Mono<JsonNode> call = client.get()
            .uri(part.service().uri(targets).resolve(part.path()))
            .headers(headers -> headers.setBearerAuth(bearerToken))
            .retrieve()
            .bodyToMono(JsonNode.class);
        // The deadline sits outside the breaker: a service slower than the overview's budget is not failing.
        // Passing the error on as the fallback keeps its type, which Spring would wrap in its own.
        return breakers.create(service)
            .run(call, Mono::error)
            .timeout(deadline)
            .<Object>map(summary -> summary)
            .onErrorResume(failure -> {
                log.warn("Overview without {}: {}", part.key(), failure.toString());
                return Mono.just(new Unavailable(reason(service, failure)));
            });
    }

    private String reason(String service, Throwable failure) {
        if (failure instanceof TimeoutException) {
            return service + " did not answer within " + deadline.toMillis() + " ms";
        }
        if (failure instanceof CallNotPermittedException) {
            return service + " is failing; calls to it are paused";
        }
        if (failure instanceof WebClientResponseException response) {
            return service + " answered " + response.getStatusCode().value();
        }
        if (failure instanceof WebClientRequestException) {
            return service + " is unreachable";
        }
        return service + " failed";
    }

    private static Map<String, Object> inOrder(List<Map.Entry<String, Object>> parts) {
        Map<String, Object> overview = new LinkedHashMap<>();
        parts.forEach(part -> overview.put(part.getKey(), part.getValue()));
        return overview;
    }

    /** What stands in for a part that did not arrive: {@code {"unavailable": true, "reason": "..."}}. */
    record Unavailable(boolean unavailable, String reason) {

        Unavailable(String reason) {
            this(true, reason);
        }
    }
}
