package org.ecoplan.gateway.routing;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;

import org.ecoplan.common.web.ProblemDetailWriter;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * 429 with {@code Retry-After} for a client over its limit on {@code /api/**}, answered before any service is
 * called. It runs after the security filters, so a client is its token's subject and the limit follows the
 * integrator, not the address it happens to call from; only requests without a token (public paths) count by
 * address.
 */
@Component
class RateLimitWebFilter implements WebFilter, Ordered {

    private static final String LIMITED_PATHS = "/api/";

    private final ClientRequestWindows windows;

    private final ProblemDetailWriter problems;

    RateLimitWebFilter(ResilienceProperties resilience, Clock clock, ServerCodecConfigurer codecs) {
        this.windows = new ClientRequestWindows(resilience.rateLimit(), clock);
        this.problems = new ProblemDetailWriter(codecs);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith(LIMITED_PATHS)) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
            .map(Principal::getName)
            .defaultIfEmpty(address(exchange))
            .flatMap(client -> windows.admit(client)
                .map(wait -> tooManyRequests(exchange, wait))
                .orElseGet(() -> chain.filter(exchange)));
    }

    private Mono<Void> tooManyRequests(ServerWebExchange exchange, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problems.write(exchange, ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from this client. Please retry after " + seconds + " s."));
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null ? "unknown" : remote.getHostString();
    }

    /** After Spring Security's filter chain (order -100), which resolves the principal. */
    @Override
    public int getOrder() {
        return 0;
    }
}
