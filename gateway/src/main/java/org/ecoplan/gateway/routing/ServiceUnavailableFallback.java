package org.ecoplan.gateway.routing;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.netty.handler.timeout.ReadTimeoutException;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker forwards a failed call: a refused connection, a timeout, or a 5xx the service
 * answered, whose status is kept (its body is not: the breaker has already counted and discarded it). Without it a refused connection answers 500 and the
 * client cannot tell a broken gateway from a service that is down or restarting. Mapped for every HTTP method
 * because the forward keeps the original request's method. Only reachable by that forward: the security chains
 * deny the path to clients.
 */
@RestController
class ServiceUnavailableFallback {

    static final String PATH = "/fallback/";

    private final String retryAfter;

    ServiceUnavailableFallback(ResilienceProperties resilience) {
        this.retryAfter = String.valueOf(resilience.circuitBreaker().openFor().toSeconds());
    }

    /**
     * A 503 says when to try again: after the time an opened breaker stays open, by when a restarting service is
     * usually back. A service's own {@code Retry-After} does not survive the breaker, which discards its answer.
     */
    @RequestMapping(PATH + "{service}")
    ResponseEntity<ProblemDetail> fallback(@PathVariable String service, ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        ProblemDetail problem;
        if (timedOut(failure)) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT,
                    service + " did not answer in time. Please try again later.");
        }
        else if (failure instanceof HttpStatusCodeException answered
                && !answered.getStatusCode().isSameCodeAs(HttpStatus.SERVICE_UNAVAILABLE)) {
            problem = ProblemDetail.forStatusAndDetail(answered.getStatusCode(),
                    service + " failed to handle the request. Please try again later.");
        }
        else {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    service + " is unavailable at the moment. Please try again later.");
        }
        problem.setInstance(originalPath(exchange));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.getStatus());
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            answer.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return answer.body(problem);
    }

    /**
     * The route's time limit fails with the JDK's TimeoutException, the HTTP client's response timeout with Netty's.
     */
    private static boolean timedOut(Throwable failure) {
        return failure instanceof TimeoutException || failure instanceof ReadTimeoutException;
    }

    /** The path the client asked for, recorded by {@link OriginalRequestUrlFilter}: the forward replaced it. */
    private static URI originalPath(ServerWebExchange exchange) {
        Set<URI> originals = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
        URI original = (originals == null || originals.isEmpty()) ? exchange.getRequest().getURI()
                : originals.iterator().next();
        return URI.create(original.getRawPath());
    }
}
