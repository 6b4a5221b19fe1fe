package org.ecoplan.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * The filter in front of a real Reactor Netty server, counting what the server flushes to the socket per answer.
 * The chain stands in for Spring Cloud Gateway's writer: it passes the service's body on in the pieces it
 * arrived in, with the service's Content-Length if it sent one.
 */
class OneWriteResponsesTest {

    private static final String HALF = "{\"code\":\"PM25-GOOD-DAYS\",";

    private static final String OTHER_HALF = "\"unit\":\"%\"}";

    /** On the one connection the client opens, so all of them belong to the one answer. */
    private final AtomicInteger flushes = new AtomicInteger();

    private DisposableServer server;

    @AfterEach
    void stopServer() {
        server.disposeNow();
    }

    @ParameterizedTest(name = "{0} with Content-Length {1}: in one write {2}")
    @CsvSource({
            "GET,  within the limit,  true",
            "GET,  none (streamed),   false",
            "GET,  over the limit,    false",
            "HEAD, within the limit,  true" })
    void answerOfKnownModestLengthLeavesInOneWrite(String method, String length, boolean inOneWrite)
            throws Exception {
        String tail = OTHER_HALF + " ".repeat(length.equals("over the limit") ? OneWriteResponses.MAX_BYTES : 0);
        String padded = HALF + tail;
        boolean streamed = length.startsWith("none");
        start(exchange -> {
            ServerHttpResponse response = exchange.getResponse();
            if (!streamed) {
                response.getHeaders().setContentLength(padded.length());
            }
            return response.writeWith(Flux.just(HALF, tail).map(piece -> buffer(response, piece)));
        });

        HttpResponse<String> answer = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/indicators"))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValueAsLong("Content-Length"))
            .isEqualTo(streamed ? OptionalLong.empty() : OptionalLong.of(padded.length()));
        assertThat(answer.body()).isEqualTo(method.equals("HEAD") ? "" : padded);
        if (inOneWrite) {
            assertThat(flushes).as("flushes of the answer").hasValue(1);
        }
        else {
            assertThat(flushes.get()).as("flushes of the answer: its pieces as they come").isGreaterThan(1);
        }
    }

    private void start(GatewayFilterChain service) {
        OneWriteResponses filter = new OneWriteResponses();
        server = HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .doOnConnection(connection -> connection.addHandlerFirst(new ChannelOutboundHandlerAdapter() {
                @Override
                public void flush(ChannelHandlerContext context) {
                    flushes.incrementAndGet();
                    context.flush();
                }
            }))
            .handle(new ReactorHttpHandlerAdapter(WebHttpHandlerBuilder
                .webHandler(exchange -> filter.filter(exchange, service))
                .build()))
            .bindNow();
    }

    private static DataBuffer buffer(ServerHttpResponse response, String piece) {
        return response.bufferFactory().wrap(piece.getBytes(StandardCharsets.UTF_8));
    }
}
