package org.ecoplan.gateway.routing;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker forwards a failed call. Without it a refused connection answers 500 and the
 * client cannot tell a broken gateway from a service that is down or restarting. Mapped for every HTTP method
 * because the forward keeps the original request's method. Only reachable by that forward: the security chains
 * deny the path to clients.
 */
@RestController
class ServiceUnavailableFallback {

    static final String PATH = "/fallback/";

    @RequestMapping(PATH + "{service}")
    ProblemDetail fallback(@PathVariable String service, ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        ProblemDetail problem = timedOut(failure)
                ? ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT,
                        service + " did not answer in time. Please try again later.")
                : ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                        service + " is unavailable at the moment. Please try again later.");
        problem.setInstance(originalPath(exchange));
        return problem;
    }

    /** The time limiter fails with the JDK's TimeoutException, the HTTP client's response timeout with a 504. */
    private static boolean timedOut(Throwable failure) {
        return failure instanceof TimeoutException
                || (failure instanceof ResponseStatusException status
                        && status.getStatusCode().isSameCodeAs(HttpStatus.GATEWAY_TIMEOUT));
    }

    /** The path the client asked for, recorded by {@link OriginalRequestUrlFilter}: the forward replaced it. */
    private static URI originalPath(ServerWebExchange exchange) {
        Set<URI> originals = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
        URI original = (originals == null || originals.isEmpty()) ? exchange.getRequest().getURI()
                : originals.iterator().next();
        return URI.create(original.getRawPath());
    }
}
