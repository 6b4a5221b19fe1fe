package org.ecoplan.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Guards the Reactor Netty version every service and the gateway serve HTTP with (see the root pom).
 * <p>
 * Reactor Netty 1.3.6 buffers a keep-alive request that arrives before the previous exchange has terminated;
 * when that buffered request is answered synchronously, the server stops reading the connection, and the next
 * request waits unread until the client gives up. In the services that was a list request (answered from a
 * MongoDB driver thread), then a 404 decided without I/O, then a request that hung for WebTestClient's 30 s.
 * Sending the first two requests in one write makes the race deterministic: on 1.3.6 the third request is
 * never answered.
 */
class ReactorNettyKeepAliveTest {

    /** Far above a loopback round trip even on a loaded machine, far below any test-suite timeout. */
    private static final int READ_TIMEOUT_MS = 5_000;

    private static DisposableServer server;

    @BeforeAll
    static void startServer() {
        server = HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle((request, response) -> response.sendString(request.uri().equals("/async")
                    // Completes on a timer thread, as a MongoDB-backed handler completes on a driver thread.
                    ? Mono.delay(Duration.ofMillis(10)).thenReturn("async")
                    : Mono.just("sync")))
            .bindNow();
    }

    @AfterAll
    static void stopServer() {
        server.disposeNow();
    }

    @Test
    void requestAfterASynchronousAnswerToABufferedRequestIsRead() throws IOException {
        for (int round = 0; round < 10; round++) {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(READ_TIMEOUT_MS);
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();

                out.write((get("/async") + get("/sync")).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(List.of(readBody(in), readBody(in))).containsExactly("async", "sync");

                out.write(get("/next").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String next;
                try {
                    next = readBody(in);
                }
                catch (SocketTimeoutException ex) {
                    throw new AssertionError("Round " + round + ": the server stopped reading the keep-alive "
                            + "connection; is Reactor Netty older than 1.3.8?", ex);
                }
                assertThat(next).isEqualTo("sync");
            }
        }
    }

    @Test
    void keepAliveRequestsInTurnAreAllAnswered() throws IOException {
        // The services' own pattern without pipelining: each request is sent once the previous answer is read.
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                out.write(get(i % 2 == 0 ? "/async" : "/sync").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                bodies.add(readBody(in));
            }
            assertThat(bodies).hasSize(30).containsOnly("async", "sync");
        }
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    }

    /** Reads one response with a Content-Length and returns its body. */
    private static String readBody(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("Connection closed after " + head.toString(StandardCharsets.US_ASCII));
            }
            head.write(b);
        }
        int length = -1;
        for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        assertThat(length).as("Content-Length of %s", head).isNotNegative();
        return new String(in.readNBytes(length), StandardCharsets.US_ASCII);
    }
}
