package org.ecoplan.common.testing;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.ecoplan.common.security.PlatformRoles;
import org.junit.jupiter.api.DynamicTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The callers every endpoint turns away before its own rules apply, as JUnit dynamic tests: without a token, with a
 * token signed by a key the service does not trust, with an expired token, with a token meant for another audience
 * (each 401), and with a valid token that
 * holds no platform role (403); every answer is problem+json. The endpoint-specific cases (wrong role, other
 * department or enterprise) stay with each endpoint's tests.
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> onlyPlatformUsersGetIn() {
 *     return AuthenticationFailures.of(client, Call.get("/api/v1/indicators"),
 *             Call.post("/api/v1/indicators", MediaType.APPLICATION_JSON, "{}"));
 * }
 * }</pre>
 */
public final class AuthenticationFailures {

    private AuthenticationFailures() {
    }

    /**
     * An endpoint as a request to it. A body matters only where the method takes one: the request must reach the
     * security filter as a real client's would.
     */
    public record Call(HttpMethod method, String uri, MediaType contentType, Object body) {

        public static Call get(String uri) {
            return new Call(HttpMethod.GET, uri, null, null);
        }

        public static Call delete(String uri) {
            return new Call(HttpMethod.DELETE, uri, null, null);
        }

        /** A POST without a body, an action like {@code .../approve}. */
        public static Call post(String uri) {
            return new Call(HttpMethod.POST, uri, null, null);
        }

        public static Call post(String uri, MediaType contentType, Object body) {
            return new Call(HttpMethod.POST, uri, contentType, body);
        }

        public static Call put(String uri, MediaType contentType, Object body) {
            return new Call(HttpMethod.PUT, uri, contentType, body);
        }

        /** Sends the call with {@code headers} added, a bearer token say. */
        public WebTestClient.ResponseSpec exchange(WebTestClient client, Consumer<HttpHeaders> headers) {
            WebTestClient.RequestBodySpec request = client.method(method).uri(uri).headers(headers);
            if (body != null) {
                request.contentType(contentType).bodyValue(body);
            }
            return request.exchange();
        }

        @Override
        public String toString() {
            return method + " " + uri;
        }
    }

    /** Five tests a call: each caller that must be turned away, and how. */
    public static Stream<DynamicTest> of(WebTestClient client, Call... calls) {
        return of(client, List.of(calls));
    }

    /** Five tests a call: each caller that must be turned away, and how. */
    public static Stream<DynamicTest> of(WebTestClient client, List<Call> calls) {
        return calls.stream().flatMap(call -> Stream.of(Refused.values())
            .map(refused -> DynamicTest.dynamicTest(call + " " + refused.who + ": " + refused.status,
                    () -> refused.expect(client, call))));
    }

    private enum Refused {
        WITHOUT_TOKEN("without a token", 401, null),
        FOREIGN_KEY("with a token signed by a foreign key", 401,
                () -> TestJwts.foreignToken("intruder", PlatformRoles.ECO_ADMIN)),
        EXPIRED("with an expired token", 401, () -> TestJwts.expiredToken("viewer", PlatformRoles.BUREAU_VIEWER)),
        OTHER_AUDIENCE("with a token meant for another application", 401,
                () -> TestJwts.token("viewer", PlatformRoles.BUREAU_VIEWER).audience("account")),
        NO_PLATFORM_ROLE("with a token without a platform role", 403,
                () -> TestJwts.token("stranger", "offline_access"));

        private final String who;

        private final int status;

        private final Supplier<TestJwts.Token> token;

        Refused(String who, int status, Supplier<TestJwts.Token> token) {
            this.who = who;
            this.status = status;
            this.token = token;
        }

        void expect(WebTestClient client, Call call) {
            call.exchange(client, token == null ? headers -> { } : token.get().bearer())
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }
}
