package org.ecoplan.common.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

class TestJwtsTest {

    private static final ResolvableType VALIDATOR = ResolvableType.forClassWithGenerics(OAuth2TokenValidator.class,
            Jwt.class);

    private final ReactiveJwtDecoder decoder = decoder(new MockEnvironment());

    @Test
    void tokenCarriesKeycloakClaims() {
        String token = TestJwts.token("enterprise-a", "enterprise").enterpriseId("E-430602-0001").encode();

        StepVerifier.create(decoder.decode(token)).assertNext(jwt -> {
            assertThat(jwt.getIssuer()).hasToString(TestJwts.ISSUER);
            assertThat(jwt.getAudience()).containsExactly(TestJwts.AUDIENCE);
            assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("enterprise-a");
            assertThat(jwt.getClaimAsString("enterprise_id")).isEqualTo("E-430602-0001");
            assertThat(jwt.getClaimAsMap("realm_access")).isEqualTo(Map.of("roles", List.of("enterprise")));
            assertThat(jwt.hasClaim("department")).isFalse();
            assertThat(jwt.getSubject()).isNotBlank();
            assertThat(jwt.getExpiresAt()).isAfter(Instant.now());
        }).verifyComplete();
    }

    @Test
    void subjectIsStablePerUsername() {
        Jwt first = decoder.decode(TestJwts.token("viewer").encode()).block();
        Jwt second = decoder.decode(TestJwts.token("viewer").encode()).block();
        Jwt other = decoder.decode(TestJwts.token("reviewer").encode()).block();

        assertThat(first.getSubject()).isEqualTo(second.getSubject()).isNotEqualTo(other.getSubject());
    }

    @Test
    void foreignTokenFailsTheSignatureCheck() {
        StepVerifier.create(decoder.decode(TestJwts.foreignToken("eco-admin", "eco-admin").encode()))
            .expectErrorSatisfies(error -> assertThat(error).isExactlyInstanceOf(BadJwtException.class))
            .verify();
    }

    @Test
    void expiredTokenFailsValidation() {
        StepVerifier.create(decoder.decode(TestJwts.expiredToken("eco-admin", "eco-admin").encode()))
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired"))
            .verify();
    }

    @Test
    void decoderChecksTheConfiguredIssuer() {
        ReactiveJwtDecoder elsewhere = decoder(
                new MockEnvironment().withProperty(TestJwts.ISSUER_PROPERTY, "http://127.0.0.1:9999/realms/ecoplan"));

        StepVerifier.create(elsewhere.decode(TestJwts.token("viewer", "bureau-viewer").encode()))
            .expectError(JwtValidationException.class)
            .verify();
        StepVerifier
            .create(elsewhere.decode(TestJwts.token("viewer", "bureau-viewer")
                .issuer("http://127.0.0.1:9999/realms/ecoplan")
                .encode()))
            .expectNextCount(1)
            .verifyComplete();
    }

    @Test
    void claimCanBeAddedAndRemoved() {
        String token = TestJwts.token("water-editor", "bureau-editor")
            .department("water")
            .claim("department", null)
            .claim("azp", "ecoplan-gateway")
            .encode();

        StepVerifier.create(decoder.decode(token)).assertNext(jwt -> {
            assertThat(jwt.hasClaim("department")).isFalse();
            assertThat(jwt.getClaimAsString("azp")).isEqualTo("ecoplan-gateway");
        }).verifyComplete();
    }

    @Test
    void decoderAddsTheApplicationsValidators() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("audience", new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                audience -> audience != null && audience.contains(TestJwts.AUDIENCE)));
        ReactiveJwtDecoder checking = new TestJwts().testJwtDecoder(new MockEnvironment(),
                beans.getBeanProvider(VALIDATOR));

        StepVerifier.create(checking.decode(TestJwts.token("viewer", "bureau-viewer").encode()))
            .expectNextCount(1)
            .verifyComplete();
        StepVerifier.create(checking.decode(TestJwts.token("viewer", "bureau-viewer").audience("account").encode()))
            .expectError(JwtValidationException.class)
            .verify();
        StepVerifier.create(checking.decode(TestJwts.token("viewer", "bureau-viewer").audience().encode()))
            .expectError(JwtValidationException.class)
            .verify();
    }

    private static ReactiveJwtDecoder decoder(MockEnvironment environment) {
        return new TestJwts().testJwtDecoder(environment, new StaticListableBeanFactory().getBeanProvider(VALIDATOR));
    }
}
