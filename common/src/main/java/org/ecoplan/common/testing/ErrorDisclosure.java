package org.ecoplan.common.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.ecoplan.common.security.PlatformRoles;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What an error body or a log must never carry (OWASP API8, ASVS V16): stack frames, Java class names, database
 * driver messages and internal host names in what a client sees; credentials in what the logs keep.
 */
public final class ErrorDisclosure {

    /** Fragments of stack traces, exception class names, Jackson, Spring, MongoDB driver and server messages. */
    private static final List<String> INTERNALS = List.of("Exception", "\tat ", "at org.", "at java.", "java.lang",
            "tools.jackson", "com.fasterxml", "org.springframework", "org.ecoplan", "com.mongodb", "MongoWrite",
            "E11000", "errmsg", "localhost:27", "127.0.0.1", "\"trace\"");

    private static final String PASSWORD = "hunter2";

    /** A JSON body with a password, cut off so that reading it fails: the password must then appear nowhere. */
    public static final String BODY_WITH_PASSWORD = "{\"password\": \"" + PASSWORD + "\", \"name\": ";

    private ErrorDisclosure() {
    }

    /**
     * Makes each of {@code requests} with each kind of bearer token: the valid one given, and from its issuer one
     * signed by a foreign key, an expired one, and garbage. Fails when an answer holds the token or the password of
     * {@link #BODY_WITH_PASSWORD}, when an error answer shows an internal detail, or when the {@code logs} then
     * hold any of the tokens, the password or the {@code secrets}. A request is given the headers of its token.
     */
    public static void assertCredentialsNeverDisclosed(Supplier<String> logs, TestJwts.Token valid,
            List<Function<Consumer<HttpHeaders>, WebTestClient.ResponseSpec>> requests, String... secrets) {
        List<String> tokens = List.of(valid.encode(),
                TestJwts.foreignToken("intruder", PlatformRoles.ECO_ADMIN).issuer(valid.issuer()).encode(),
                TestJwts.expiredToken("late", PlatformRoles.ECO_ADMIN).issuer(valid.issuer()).encode(),
                "not.a.jwt-" + "s3cr3t");
        for (String token : tokens) {
            for (Function<Consumer<HttpHeaders>, WebTestClient.ResponseSpec> request : requests) {
                EntityExchangeResult<String> result = request.apply(headers -> headers.setBearerAuth(token))
                    .expectBody(String.class).returnResult();
                String body = result.getResponseBody();
                if (body != null) {
                    assertFalse(body.contains(token), () -> "The token in the answer " + body);
                    assertFalse(body.contains(PASSWORD), () -> "The password in the answer " + body);
                    if (result.getStatus().isError()) {
                        assertNothingInternal(body);
                    }
                }
            }
        }
        List<String> credentials = new ArrayList<>(tokens);
        credentials.add(PASSWORD);
        credentials.addAll(List.of(secrets));
        assertNoCredentials(logs.get(), credentials.toArray(String[]::new));
    }

    /** Fails when {@code body} shows any internal detail. */
    public static void assertNothingInternal(String body) {
        assertFalse(body.toLowerCase(Locale.ROOT).contains("stacktrace"), () -> "A stack trace in " + body);
        for (String internal : INTERNALS) {
            assertFalse(body.contains(internal), () -> "'" + internal + "' in the error body " + body);
        }
    }

    /**
     * Fails unless every one of {@code failures} is a 4xx whose body shows no internal detail; a bare status (the
     * firewall's 400 for an encoded NUL) discloses nothing either.
     */
    public static void assertClientErrorsDiscloseNothing(List<WebTestClient.ResponseSpec> failures) {
        for (WebTestClient.ResponseSpec failure : failures) {
            EntityExchangeResult<String> result = failure.expectBody(String.class).returnResult();
            assertTrue(result.getStatus().is4xxClientError(), result::toString);
            if (result.getResponseBody() != null) {
                assertNothingInternal(result.getResponseBody());
            }
        }
    }

    /** Fails when {@code output} (captured logs) holds any of the credentials, or any bearer header. */
    public static void assertNoCredentials(String output, String... credentials) {
        for (String credential : credentials) {
            // A token's signature alone would let nobody in, but its payload and header must not be logged either.
            assertFalse(output.contains(credential), "A credential in the logs");
        }
        assertFalse(output.toLowerCase(Locale.ROOT).contains("bearer ey"), "A bearer token in the logs");
        assertFalse(output.contains("Authorization:"), "An Authorization header in the logs");
    }
}
