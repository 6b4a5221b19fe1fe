package org.ecoplan.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import org.ecoplan.common.testing.TestClock;
import org.ecoplan.common.testing.TestJwts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The cache in front of a real RS256 decoder that trusts common's test key and judges expiry by the same test
 * clock, without skew; {@code checks} counts the tokens the decoder had to check in full.
 */
class VerifiedTokenCacheTest {

    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final TestClock clock = new TestClock();

    private final AtomicInteger checks = new AtomicInteger();

    private VerifiedTokenCache cache(int maxTokens) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(TestJwts.trustedPublicKey()).build();
        JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
        expiry.setClock(clock);
        decoder.setJwtValidator(expiry);
        ReactiveJwtDecoder counted = token -> {
            checks.incrementAndGet();
            return decoder.decode(token);
        };
        return new VerifiedTokenCache(counted, clock, MAX_AGE, maxTokens);
    }

    private String tokenValidFor(Duration lifetime) {
        return TestJwts.token("integrator", PlatformRoles.INTEGRATOR_READ).expiresAt(clock.instant().plus(lifetime))
            .encode();
    }

    private Jwt decode(VerifiedTokenCache cache, String token) {
        return cache.decode(token).block();
    }

    @Test
    void aTokenAcceptedOnceIsNotCheckedAgain() {
        VerifiedTokenCache cache = cache(10);
        String token = tokenValidFor(Duration.ofMinutes(2));

        Jwt first = decode(cache, token);
        Jwt second = decode(cache, token);

        assertThat(second).isSameAs(first);
        assertThat(second.getSubject()).isEqualTo(first.getSubject());
        assertThat(checks).hasValue(1);
    }

    /**
     * From the moment given (seconds after the token was accepted), a token valid for {@code lifetime} seconds is
     * checked in full again: at its expiry, which the decoder then refuses, or at the cache's 5-minute limit.
     */
    @ParameterizedTest(name = "valid for {0} s, asked again after {1} s: checked again {2}, accepted {3}")
    @CsvSource({
        "120,   60,  false, true",
        "120,  119,  false, true",
        "120,  121,  true,  false",
        "120,  600,  true,  false",
        "3600, 299,  false, true",
        "3600, 300,  true,  true",
        "3600, 1800, true,  true",
    })
    void keptNoLongerThanTheTokenNorTheMaximumAge(long lifetime, long after, boolean checkedAgain, boolean accepted) {
        VerifiedTokenCache cache = cache(10);
        String token = tokenValidFor(Duration.ofSeconds(lifetime));
        decode(cache, token);

        clock.advance(Duration.ofSeconds(after));

        if (accepted) {
            assertThat(decode(cache, token).getClaimAsString("preferred_username")).isEqualTo("integrator");
        }
        else {
            assertThatThrownBy(() -> decode(cache, token)).isInstanceOf(JwtException.class)
                .hasMessageContaining("expired");
        }
        assertThat(checks).hasValue(checkedAgain ? 2 : 1);
    }

    @Test
    void anotherTokenWithAKeptSignatureIsCheckedInFullAndRefused() {
        VerifiedTokenCache cache = cache(10);
        String token = tokenValidFor(Duration.ofMinutes(2));
        decode(cache, token);
        String[] parts = token.split("\\.");
        String otherClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"intruder\",\"exp\":" + clock.instant().plusSeconds(60).getEpochSecond() + "}").getBytes());
        String forged = parts[0] + "." + otherClaims + "." + parts[2];

        assertThatThrownBy(() -> decode(cache, forged)).isInstanceOf(JwtException.class);
        assertThat(decode(cache, token).getClaimAsString("preferred_username")).isEqualTo("integrator");
        assertThat(checks).hasValue(2);
    }

    @Test
    void refusedTokensAreNeverKept() {
        VerifiedTokenCache cache = cache(10);
        String foreign = TestJwts.foreignToken("integrator", PlatformRoles.INTEGRATOR_READ)
            .expiresAt(clock.instant().plus(Duration.ofMinutes(2)))
            .encode();
        String expired = tokenValidFor(Duration.ofSeconds(-1));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> decode(cache, foreign)).isInstanceOf(JwtException.class);
            assertThatThrownBy(() -> decode(cache, expired)).isInstanceOf(JwtException.class);
        }

        assertThat(checks).hasValue(6);
        assertThat(cache.size()).isZero();
    }

    @Test
    void neverKeepsMoreThanMaxTokens() {
        VerifiedTokenCache cache = cache(3);
        for (int i = 0; i < 10; i++) {
            decode(cache, TestJwts.token("user-" + i, PlatformRoles.BUREAU_VIEWER)
                .expiresAt(clock.instant().plus(Duration.ofMinutes(2)))
                .encode());
            assertThat(cache.size()).isBetween(1, 3);
        }
    }

    @Test
    void whenFullTheExpiredGoFirst() {
        VerifiedTokenCache cache = cache(2);
        String shortLived = tokenValidFor(Duration.ofSeconds(10));
        String longLived = TestJwts.token("long", PlatformRoles.BUREAU_VIEWER)
            .expiresAt(clock.instant().plus(Duration.ofMinutes(2)))
            .encode();
        decode(cache, shortLived);
        decode(cache, longLived);
        clock.advance(Duration.ofSeconds(20));

        decode(cache, TestJwts.token("new", PlatformRoles.BUREAU_VIEWER)
            .expiresAt(clock.instant().plus(Duration.ofMinutes(2)))
            .encode());
        decode(cache, longLived);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(checks).hasValue(3);
    }
}
