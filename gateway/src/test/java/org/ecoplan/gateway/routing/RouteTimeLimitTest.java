package org.ecoplan.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.channel.DefaultEventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

class RouteTimeLimitTest {

    private static final Duration LIMIT = Duration.ofMillis(200);

    private static final GatewayFilterChain SILENT_SERVICE = exchange -> Mono.never();

    private final RouteTimeLimit timeLimit = new RouteTimeLimit(LIMIT);

    private final TimerReportingEventLoop eventLoop = new TimerReportingEventLoop();

    private final AtomicReference<String> timedOutOn = new AtomicReference<>();

    @AfterEach
    void stopEventLoop() {
        eventLoop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
    }

    @Test
    void callEndingInTimePassesAndLeavesNoTimerBehind() throws Exception {
        StepVerifier.create(timeLimit.limit(Mono.delay(Duration.ofMillis(20)).then(), eventLoop)).verifyComplete();

        assertThat(eventLoop.submit(eventLoop::holdsTimers).get(5, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void callOutlastingTheLimitFailsWithATimeoutFromTheEventLoop() throws Exception {
        long start = System.nanoTime();

        StepVerifier.create(timeLimit.limit(Mono.never(), eventLoop).doOnError(failure -> recordThread()))
            .expectError(TimeoutException.class)
            .verify(Duration.ofSeconds(5));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(LIMIT);
        assertThat(timedOutOn).hasValue(eventLoop.submit(() -> Thread.currentThread().getName()).get());
    }

    @Test
    void requestReceivedByReactorNettyIsTimedByItsConnectionsEventLoop() throws Exception {
        DisposableServer server = HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle(new ReactorHttpHandlerAdapter(WebHttpHandlerBuilder
                .webHandler(exchange -> timeLimit.filter(exchange, SILENT_SERVICE).onErrorResume(failure -> {
                    recordThread();
                    exchange.getResponse().setStatusCode(HttpStatus.GATEWAY_TIMEOUT);
                    return Mono.empty();
                }))
                .build()))
            .bindNow();
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/projects"))
                    .build(), HttpResponse.BodyHandlers.discarding());

            assertThat(response.statusCode()).isEqualTo(504);
            assertThat(timedOutOn.get()).startsWith("reactor-http-");
        }
        finally {
            server.disposeNow();
        }
    }

    @Test
    void requestWithoutAConnectionIsTimedOnTheParallelScheduler() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/projects"));

        StepVerifier.create(timeLimit.filter(exchange, SILENT_SERVICE).doOnError(failure -> recordThread()))
            .expectError(TimeoutException.class)
            .verify(Duration.ofSeconds(5));

        assertThat(timedOutOn.get()).startsWith("parallel-");
    }

    private void recordThread() {
        timedOutOn.set(Thread.currentThread().getName());
    }

    /** Netty tells only an event loop's subclasses whether it holds timers. */
    private static final class TimerReportingEventLoop extends DefaultEventLoop {

        boolean holdsTimers() {
            return nextScheduledTaskNano() != -1;
        }
    }
}
