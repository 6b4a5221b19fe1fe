package org.ecoplan.common.testing;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Keycloak-shaped access tokens for tests, signed by an RSA key made once per JVM. {@code @Import} this class
 * into a {@code @SpringBootTest} and the application trusts exactly that key (signature, expiry, issuer and
 * audience are checked as in production); no Keycloak is needed.
 * <pre>{@code
 * client.get().uri("/api/v1/projects")
 *     .headers(TestJwts.token("env-editor", PlatformRoles.BUREAU_EDITOR).department("env").bearer())
 * }</pre>
 */
@Configuration(proxyBeanMethods = false)
public class TestJwts {

    /** The issuer of the local realm, which the services' default configuration expects. */
    public static final String ISSUER = "http://localhost:8180/realms/ecoplan";

    /** The audience the realm's {@code ecoplan-api} client scope puts in every platform client's tokens. */
    public static final String AUDIENCE = "ecoplan-gateway";

    static final String ISSUER_PROPERTY = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    private static final Duration LIFETIME = Duration.ofMinutes(5);

    /**
     * Validates as Boot's decoder does: the issuer the application is configured with (the property the services
     * set for Keycloak, falling back to {@link #ISSUER}), and every further validator the application defines (the
     * audience, see {@code EcoResourceServerAutoConfiguration}).
     */
    @Bean
    ReactiveJwtDecoder testJwtDecoder(Environment environment,
            ObjectProvider<OAuth2TokenValidator<Jwt>> additionalValidators) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtIssuerValidator(environment.getProperty(ISSUER_PROPERTY, ISSUER)));
        additionalValidators.orderedStream().forEach(validators::add);
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(trustedPublicKey()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(validators));
        return decoder;
    }

    /** A valid token for {@code username} holding the realm {@code roles}. */
    public static Token token(String username, String... roles) {
        return new Token(Keys.TRUSTED, username, List.of(roles));
    }

    /** Like {@link #token} but signed by a key the application does not trust. */
    public static Token foreignToken(String username, String... roles) {
        return new Token(Keys.FOREIGN, username, List.of(roles));
    }

    /** Like {@link #token} but expired well beyond the decoder's 60 s clock-skew allowance. */
    public static Token expiredToken(String username, String... roles) {
        return new Token(Keys.TRUSTED, username, List.of(roles)).expiresAt(Instant.now().minus(Duration.ofHours(1)));
    }

    /** The public half of the trusted key, for tests that build a decoder of their own. */
    public static RSAPublicKey trustedPublicKey() {
        try {
            return Keys.TRUSTED.toRSAPublicKey();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A token being built; {@link #encode()} or {@link #bearer()} finish it. */
    public static final class Token {

        private final RSAKey key;

        private final String username;

        private final List<String> roles;

        private final Map<String, Object> extraClaims = new LinkedHashMap<>();

        private List<String> audience = List.of(AUDIENCE);

        private String subject;

        private String issuer = ISSUER;

        private Instant issuedAt = Instant.now();

        private Instant expiresAt = issuedAt.plus(LIFETIME);

        private Token(RSAKey key, String username, List<String> roles) {
            this.key = key;
            this.username = username;
            this.roles = roles;
            // Stable per username, like a Keycloak user id, so repeated tokens name the same subject.
            this.subject = UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
        }

        /** The {@code department} claim of bureau staff: {@code env}, {@code dev}, {@code land}, {@code water}. */
        public Token department(String department) {
            return claim("department", department);
        }

        /** The {@code enterprise_id} claim of enterprise accounts. */
        public Token enterpriseId(String enterpriseId) {
            return claim("enterprise_id", enterpriseId);
        }

        public Token subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Token issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** The {@code iss} claim it will carry. */
        public String issuer() {
            return issuer;
        }

        /** The {@code aud} claim, {@link #AUDIENCE} unless set; none for no audience at all. */
        public Token audience(String... audience) {
            this.audience = List.of(audience);
            return this;
        }

        public Token expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            this.issuedAt = expiresAt.minus(LIFETIME);
            return this;
        }

        /** Any other claim; a null value removes one set before. */
        public Token claim(String name, Object value) {
            if (value == null) {
                extraClaims.remove(name);
            }
            else {
                extraClaims.put(name, value);
            }
            return this;
        }

        /** The signed compact JWT, for an {@code Authorization: Bearer} header. */
        public String encode() {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer)
                .subject(subject)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .audience(audience.isEmpty() ? null : audience)
                .claim("typ", "Bearer")
                .claim("azp", "ecoplan-cli")
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", roles));
            extraClaims.forEach(claims::claim);
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
            SignedJWT jwt = new SignedJWT(header, claims.build());
            try {
                jwt.sign(new RSASSASigner(key));
            }
            catch (JOSEException ex) {
                throw new IllegalStateException("Cannot sign the test token", ex);
            }
            return jwt.serialize();
        }

        /** Sets the bearer header: {@code webTestClient.get().headers(token.bearer())}. */
        public Consumer<HttpHeaders> bearer() {
            String encoded = encode();
            return headers -> headers.setBearerAuth(encoded);
        }
    }

    /** Generated on first use only, because a 2048-bit RSA key takes a noticeable moment. */
    private static final class Keys {

        static final RSAKey TRUSTED = generate("ecoplan-test");

        static final RSAKey FOREIGN = generate("foreign");

        private static RSAKey generate(String keyId) {
            try {
                return new RSAKeyGenerator(2048).keyID(keyId).generate();
            }
            catch (JOSEException ex) {
                throw new IllegalStateException("Cannot generate the test key " + keyId, ex);
            }
        }
    }
}
