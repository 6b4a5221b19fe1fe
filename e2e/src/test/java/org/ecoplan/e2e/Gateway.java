package org.ecoplan.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ecoplan.common.idempotency.IdempotencyKeys;
import org.ecoplan.common.testing.AuthorizationMatrix;
import org.ecoplan.common.testing.AuthorizationMatrix.Identity;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The gateway of the test platform as its API clients call it, with the real tokens of the matrix's identities.
 * A client that is told to slow down (429) waits as long as {@code Retry-After} says and sends again.
 */
final class Gateway {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT = 300;
    private static final int ATTEMPTS_WHEN_LIMITED = 4;

    private final WebTestClient client;
    private final RealTokens tokens;

    Gateway(String url, RealTokens tokens) {
        this.client = WebTestClient.bindToServer()
                .baseUrl(url)
                // Two cores run five JVMs and Keycloak: an answer may take a while without being wrong.
                .responseTimeout(Duration.ofSeconds(60))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
        this.tokens = tokens;
    }

    WebTestClient client() {
        return client;
    }

    RealTokens tokens() {
        return tokens;
    }

    /** One answer, its body read as text. */
    record Answer(int status, HttpHeaders headers, byte[] body) {

        String text() {
            return body == null ? "" : new String(body, StandardCharsets.UTF_8);
        }

        String excerpt() {
            String text = text().replaceAll("\\s+", " ");
            return text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + excerpt(), e);
            }
        }

        String eTag() {
            return headers.getETag();
        }
    }

    /** Sends the request again while the gateway answers 429, after the wait it asks for. */
    static Answer untilNotLimited(Supplier<EntityExchangeResult<byte[]>> send) {
        for (int attempt = 1; ; attempt++) {
            EntityExchangeResult<byte[]> result = send.get();
            Answer answer = new Answer(result.getStatus().value(), result.getResponseHeaders(),
                    result.getResponseBody());
            if (answer.status() != 429 || attempt == ATTEMPTS_WHEN_LIMITED) {
                return answer;
            }
            String retryAfter = answer.headers().getFirst(HttpHeaders.RETRY_AFTER);
            sleep(Duration.ofSeconds(retryAfter == null ? 1 : Long.parseLong(retryAfter.trim())));
        }
    }

    /** A request a test needs to succeed, e.g. one that makes a fixture: any other status fails it, saying why. */
    Answer expect(int status, Identity who, HttpMethod method, String path, String ifMatch, Body body) {
        Answer answer = untilNotLimited(() -> {
            WebTestClient.RequestBodySpec request = client.method(method).uri(path).headers(tokens.credentials(who));
            if (!method.equals(HttpMethod.GET)) {
                request.header(IdempotencyKeys.HEADER, UUID.randomUUID().toString());
            }
            if (ifMatch != null) {
                request.header(HttpHeaders.IF_MATCH, ifMatch);
            }
            return body.onto(request).exchange().expectBody(byte[].class).returnResult();
        });
        if (answer.status() != status) {
            throw new IllegalStateException(method + " " + path + " as " + who.column() + " answered "
                    + answer.status() + ", not " + status + ": " + answer.excerpt());
        }
        return answer;
    }

    Answer get(Identity who, String path) {
        return expect(200, who, HttpMethod.GET, path, null, Body.NONE);
    }

    /** What a request carries. */
    @FunctionalInterface
    interface Body {

        Body NONE = request -> request;

        WebTestClient.RequestHeadersSpec<?> onto(WebTestClient.RequestBodySpec request);

        static Body json(String json) {
            return request -> request.contentType(MediaType.APPLICATION_JSON).bodyValue(json);
        }

        /** A body file's text, sent as the matrix sends that file (CSV or JSON). */
        static Body file(String name, String text) {
            return request -> request.contentType(AuthorizationMatrix.mediaType(name)).bodyValue(text);
        }

        static Body multipart(MultiValueMap<String, HttpEntity<?>> parts) {
            return request -> request.body(BodyInserters.fromMultipartData(parts));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
