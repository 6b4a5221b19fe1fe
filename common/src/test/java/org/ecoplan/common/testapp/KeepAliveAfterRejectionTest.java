package org.ecoplan.common.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A POST the security filter turns away (401) before its body is read must leave its keep-alive connection
 * readable for the next request, as a client that reuses connections sends it: here a note stored in MongoDB, whose
 * answer comes from a driver thread. On Reactor Netty 1.3.6 without common's {@code KeepAliveReadWorkaround} the
 * connection stops being read within a few rounds; the workaround, or Reactor Netty 1.3.8, keeps it readable.
 */
@WithTestApplication
class KeepAliveAfterRejectionTest {

    /** Far above a loopback round trip even on a loaded machine, far below any test-suite timeout. */
    private static final int READ_TIMEOUT_MS = 5_000;

    @LocalServerPort
    int port;

    @Test
    void aPostTurnedAwayUnreadLeavesItsConnectionReadable() throws IOException {
        String bearer = "Authorization: Bearer " + TestJwts.token("viewer", PlatformRoles.BUREAU_VIEWER).encode()
                + "\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int round = 0; round < 20; round++) {
                send(out, post("/api/v1/samples", "", "{\"name\": \"sample\", \"count\": 1}"));
                assertThat(statusLine(in, round)).isEqualTo("HTTP/1.1 401 Unauthorized");

                send(out, post(NoteController.NOTES, bearer, "{\"text\": \"round " + round + "\"}"));
                assertThat(statusLine(in, round)).isEqualTo("HTTP/1.1 201 Created");
            }
        }
    }

    private static String post(String path, String headers, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers
                + "Content-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\n\r\n" + body;
    }

    private static void send(OutputStream out, String request) throws IOException {
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads one response with a Content-Length and answers its status line. */
    private static String statusLine(InputStream in, int round) throws IOException {
        try {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new AssertionError("Round " + round + ": the server closed the connection after "
                            + head.toString(StandardCharsets.US_ASCII));
                }
                head.write(b);
            }
            String[] lines = head.toString(StandardCharsets.US_ASCII).split("\r\n");
            for (String line : lines) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    in.readNBytes(Integer.parseInt(line.substring("content-length:".length()).trim()));
                }
            }
            return lines[0];
        }
        catch (SocketTimeoutException stalled) {
            throw new AssertionError("Round " + round + ": the server stopped reading the keep-alive connection",
                    stalled);
        }
    }
}
