package org.ecoplan.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ecoplan.common.testing.AuthorizationMatrix.Identity;
import org.springframework.http.HttpHeaders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One real Keycloak token for each identity of the authorization matrix, asked for once and again only shortly
 * before it expires: a thousand requests cost ten token requests, and a run longer than the realm's token lifespan
 * still sends valid tokens.
 */
final class RealTokens {

    /** Time a request may still need after its token was handed out. */
    private static final Duration MARGIN = Duration.ofSeconds(60);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Keycloak keycloak;
    private final Map<Identity, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant expiresAt) {
    }

    RealTokens(Keycloak keycloak) {
        this.keycloak = keycloak;
    }

    /** Sets the identity's bearer token, or nothing for {@link Identity#ANONYMOUS}. */
    Consumer<HttpHeaders> credentials(Identity identity) {
        if (identity == Identity.ANONYMOUS) {
            return headers -> headers.remove(HttpHeaders.AUTHORIZATION);
        }
        String token = tokens.compute(identity, (key, held) -> held != null
                && held.expiresAt().isAfter(Instant.now().plus(MARGIN)) ? held : fetch(key)).value();
        return headers -> headers.setBearerAuth(token);
    }

    /** The demo accounts and clients of the local realm that stand for the matrix's columns. */
    private Token fetch(Identity identity) {
        String token = switch (identity) {
            case ECO_ADMIN -> keycloak.userToken("eco-admin");
            case BUREAU_EDITOR_OWN -> keycloak.userToken("env-editor");
            case BUREAU_EDITOR_OTHER -> keycloak.userToken("water-editor");
            case BUREAU_VIEWER -> keycloak.userToken("viewer");
            case PLAN_REVIEWER -> keycloak.userToken("reviewer");
            case ENTERPRISE_OWN -> keycloak.userToken("enterprise-a");
            case ENTERPRISE_OTHER -> keycloak.userToken("enterprise-b");
            case INTEGRATOR_READ -> keycloak.integratorToken();
            case INTEGRATOR_WRITE -> keycloak.clientToken("ecoplan-integrator-write", "ecoplan-demo-write-secret");
            case ANONYMOUS -> throw new IllegalArgumentException("anonymous has no token");
        };
        return new Token(token, expiry(token));
    }

    private static Instant expiry(String token) {
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
            return Instant.ofEpochSecond(JSON.readTree(payload).get("exp").asLong());
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable token payload", e);
        }
    }
}
