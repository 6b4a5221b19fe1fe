package org.ecoplan.gateway.routing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerRequest;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

/**
 * A route's time limit: the longest a call to a service may take, retries included, before it fails with a
 * {@link java.util.concurrent.TimeoutException} that the circuit breaker counts and its fallback answers with 504.
 * It replaces Spring Cloud CircuitBreaker's time limiter (switched off in application.yml), which arms Reactor's
 * timeout operator on the parallel scheduler: that thread woke once per request and pre-empted an event loop on a
 * 2-core machine (bench/results/2026-11-30.md). Here the timer belongs to the event loop of the request's
 * connection, which keeps its timers in a queue it reads anyway.
 */
final class RouteTimeLimit implements GatewayFilter {

    private final Duration limit;

    RouteTimeLimit(Duration limit) {
        this.limit = limit;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return limit(chain.filter(exchange), eventLoopOf(exchange.getRequest()));
    }

    /** The call, failing once the limit has passed; timed by the parallel scheduler if the event loop is null. */
    Mono<Void> limit(Mono<Void> call, EventExecutor eventLoop) {
        return call.timeout(expiry(eventLoop));
    }

    /** Signals once the limit has passed; cancelled, as the timeout operator does when the call ends first. */
    private Mono<Boolean> expiry(EventExecutor eventLoop) {
        return Mono.create(sink -> {
            if (eventLoop == null) {
                sink.onCancel(Schedulers.parallel()
                    .schedule(() -> sink.success(Boolean.TRUE), limit.toNanos(), TimeUnit.NANOSECONDS));
            }
            else {
                ScheduledFuture<?> timer = eventLoop.schedule(() -> sink.success(Boolean.TRUE), limit.toNanos(),
                        TimeUnit.NANOSECONDS);
                sink.onCancel(() -> timer.cancel(false));
            }
        });
    }

    /**
     * Null unless Reactor Netty received the request: only then is there a connection, and so an event loop. Other
     * requests, such as tests' mock requests, have no native request to give.
     */
    private static EventExecutor eventLoopOf(ServerHttpRequest request) {
        Object nativeRequest;
        try {
            nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
        }
        catch (IllegalArgumentException | IllegalStateException noNativeRequest) {
            return null;
        }
        if (!(nativeRequest instanceof HttpServerRequest received)) {
            return null;
        }
        AtomicReference<EventExecutor> eventLoop = new AtomicReference<>();
        received.withConnection(connection -> eventLoop.set(connection.channel().eventLoop()));
        return eventLoop.get();
    }
}
