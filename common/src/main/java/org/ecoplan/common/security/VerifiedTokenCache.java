package org.ecoplan.common.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Bearer tokens the decoder has accepted, kept by their signature so that an integrator's next request with the
 * same token skips parsing, the RS256 check and the claim validators: under load those were most of what the
 * gateway spent on a request that carried a token. The gateway's decoder and the services'
 * ({@link KeySetDecoderAutoConfiguration}) each sit behind one, sized by {@link VerifiedTokenProperties}.
 *
 * <p>What a kept token may do is no more than what decoding it again would allow:
 * <ul>
 * <li>it is served only while the clock is before its {@code exp} (stricter than the decoder's 60 s skew) and
 * before {@code maxAge} since it was checked, so a key Keycloak withdrew stops counting after at most
 * {@code maxAge}, as the key set's own max-age does for new tokens;</li>
 * <li>a hit must be the very same token, not only the same signature;</li>
 * <li>refused tokens are never kept, so a bad token costs a full check every time, as before.</li>
 * </ul>
 * Revocation is unchanged: neither the gateway nor a service ever asked Keycloak whether an access token was
 * revoked (no introspection), so a token of a session ended at Keycloak is accepted until its {@code exp} with or
 * without the cache, which is why the realm keeps access tokens short. At most {@code maxTokens} are kept; when
 * full, the expired ones are dropped, and all of them if that is not enough (one full check each again).
 */
public final class VerifiedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder decoder;

    private final Clock clock;

    private final Duration maxAge;

    private final int maxTokens;

    private final Map<String, Verified> tokens = new ConcurrentHashMap<>();

    private record Verified(Jwt jwt, Instant until) {
    }

    /** {@code decoder} behind a cache as {@code properties} size it, or {@code decoder} alone if they keep none. */
    static ReactiveJwtDecoder around(ReactiveJwtDecoder decoder, VerifiedTokenProperties properties,
            Clock clock) {
        if (properties.maxTokens() == 0) {
            return decoder;
        }
        return new VerifiedTokenCache(decoder, clock, properties.maxAge(), properties.maxTokens());
    }

    VerifiedTokenCache(ReactiveJwtDecoder decoder, Clock clock, Duration maxAge, int maxTokens) {
        this.decoder = decoder;
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxTokens = maxTokens;
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        String signature = token.substring(token.lastIndexOf('.') + 1);
        Verified kept = tokens.get(signature);
        // Another token with a kept token's signature is checked in full and leaves the kept one alone.
        if (kept != null && kept.jwt().getTokenValue().equals(token)) {
            if (clock.instant().isBefore(kept.until())) {
                return Mono.just(kept.jwt());
            }
            tokens.remove(signature, kept);
        }
        return decoder.decode(token).doOnNext(jwt -> keep(signature, jwt));
    }

    private void keep(String signature, Jwt jwt) {
        // A token without an expiry is valid for ever by itself; such a token is checked in full every time.
        if (jwt.getExpiresAt() == null || signature.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Instant until = jwt.getExpiresAt().isBefore(now.plus(maxAge)) ? jwt.getExpiresAt() : now.plus(maxAge);
        if (tokens.size() >= maxTokens) {
            tokens.values().removeIf(verified -> !now.isBefore(verified.until()));
            if (tokens.size() >= maxTokens) {
                tokens.clear();
            }
        }
        tokens.put(signature, new Verified(jwt, until));
    }

    int size() {
        return tokens.size();
    }
}
