package org.ecoplan.common.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.ecoplan.common.idempotency.IdempotencyKeys;
import org.ecoplan.common.testing.AuthorizationMatrix.Identity;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API as its clients call it, as one of the matrix's identities: a service's own, with the test tokens it
 * trusts ({@link #withTestTokens}), or the platform's gateway with real Keycloak tokens. A client that is told to
 * slow down (429) waits as long as {@code Retry-After} says and sends again.
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int EXCERPT = 300;
    private static final int ATTEMPTS_WHEN_LIMITED = 4;

    private final WebTestClient client;
    private final Function<Identity, Consumer<HttpHeaders>> credentials;

    /** @param credentials sets an identity's token on a request, or nothing for {@link Identity#ANONYMOUS} */
    public ApiClient(WebTestClient client, Function<Identity, Consumer<HttpHeaders>> credentials) {
        this.client = client;
        this.credentials = credentials;
    }

    /** A service's API called directly, with the tokens of {@link Identity#credentials()}. */
    public static ApiClient withTestTokens(WebTestClient client) {
        return new ApiClient(client, Identity::credentials);
    }

    public WebTestClient client() {
        return client;
    }

    public Consumer<HttpHeaders> credentials(Identity identity) {
        return credentials.apply(identity);
    }

    /** One answer, its body kept as bytes. */
    public record Answer(int status, HttpHeaders headers, byte[] body) {

        public String text() {
            return body == null ? "" : new String(body, StandardCharsets.UTF_8);
        }

        /** The body on one line, cut short: enough to say why a request failed. */
        public String excerpt() {
            String text = text().replaceAll("\\s+", " ");
            return text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            }
            catch (JacksonException ex) {
                throw new IllegalStateException("not JSON: " + excerpt(), ex);
            }
        }

        public String eTag() {
            return headers.getETag();
        }
    }

    /** Sends the request again while the answer is 429, after the wait it asks for. */
    public static Answer untilNotLimited(Supplier<EntityExchangeResult<byte[]>> send) {
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

    /**
     * A request a test needs to succeed, e.g. one that makes a fixture; a write carries a fresh Idempotency-Key and,
     * unless {@code ifMatch} is null, that If-Match. Any status but {@code status} fails it, saying why.
     */
    public Answer expect(int status, Identity who, HttpMethod method, String path, String ifMatch, Body body) {
        Answer answer = untilNotLimited(() -> {
            WebTestClient.RequestBodySpec request = client.method(method).uri(path).headers(credentials(who));
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

    public Answer get(Identity who, String path) {
        return expect(200, who, HttpMethod.GET, path, null, Body.NONE);
    }

    /** What a request carries. */
    @FunctionalInterface
    public interface Body {

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

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }
}
