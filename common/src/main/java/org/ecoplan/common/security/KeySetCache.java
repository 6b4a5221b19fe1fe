package org.ecoplan.common.security;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Keycloak's signing keys (the realm's JWKS), fetched once the application is ready and kept. A token whose key id
 * is not in the kept set makes the cache fetch again, since Keycloak may have rotated its keys, but at most once per
 * {@code refetchInterval}: anybody can mint tokens with made-up key ids, and without the limit each one would
 * cost a request to Keycloak (Spring Security's own remote key source fetches again for every unknown key id).
 * Kept keys older than {@code maxAge} are fetched again at the next token, under the same limit, so a key
 * Keycloak withdrew stops being trusted. Thread-safe; the lock guards only field updates, never a fetch.
 */
public final class KeySetCache {

    private static final Logger log = LoggerFactory.getLogger(KeySetCache.class);

    private static final JWKSet NONE = new JWKSet();

    private final WebClient http;

    private final URI location;

    private final Clock clock;

    private final Duration refetchInterval;

    private final Duration maxAge;

    private final Duration fetchTimeout;

    private JWKSet keys = NONE;

    private Instant fetchedAt;

    private Instant lastAttempt;

    private Mono<JWKSet> inFlight;

    KeySetCache(WebClient http, URI location, Clock clock, Duration refetchInterval, Duration maxAge,
            Duration fetchTimeout) {
        this.http = http;
        this.location = location;
        this.clock = clock;
        this.refetchInterval = refetchInterval;
        this.maxAge = maxAge;
        this.fetchTimeout = fetchTimeout;
    }

    /**
     * The first fetch, completing when it is done; it never fails, as a Keycloak still booting is no reason not to
     * start: the first token asks again.
     */
    Mono<Void> prefetch() {
        return refetch(false).then();
    }

    /** The kept keys that may have signed the token, after one fetch if none does and the limit allows it. */
    public Flux<JWK> keysFor(SignedJWT token) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(token.getHeader()));
        return Mono.defer(() -> {
            JWKSet current = current();
            List<JWK> found = selector.select(current);
            if (!found.isEmpty() && !expired()) {
                return Mono.just(found);
            }
            return refetch(true).map(selector::select);
        }).flatMapIterable(found -> found);
    }

    private synchronized JWKSet current() {
        return keys;
    }

    private synchronized boolean expired() {
        return fetchedAt == null || !clock.instant().isBefore(fetchedAt.plus(maxAge));
    }

    /**
     * The one fetch under way, a new one if the limit allows it, or else the kept keys. {@code limited} is false
     * only for the first fetch, which no token asked for.
     */
    private synchronized Mono<JWKSet> refetch(boolean limited) {
        if (inFlight != null) {
            return inFlight;
        }
        Instant now = clock.instant();
        if (limited && lastAttempt != null && now.isBefore(lastAttempt.plus(refetchInterval))) {
            return Mono.just(keys);
        }
        if (limited) {
            lastAttempt = now;
        }
        inFlight = http.get()
            .uri(location)
            .retrieve()
            .bodyToMono(String.class)
            .timeout(fetchTimeout)
            .map(KeySetCache::parse)
            .doOnNext(this::keep)
            .onErrorResume(failure -> {
                log.warn("Could not fetch the signing keys from {}: {}", location, failure.toString());
                return Mono.just(current());
            })
            .doFinally(signal -> fetchDone())
            .cache();
        return inFlight;
    }

    // A start-up fetch counts towards the limit only once it has succeeded: after a failed one (Keycloak still
    // booting) the first token may ask again at once.
    private synchronized void keep(JWKSet fetched) {
        keys = fetched;
        fetchedAt = clock.instant();
        lastAttempt = fetchedAt;
    }

    private synchronized void fetchDone() {
        inFlight = null;
    }

    private static JWKSet parse(String body) {
        try {
            return JWKSet.parse(body);
        }
        catch (ParseException ex) {
            throw new IllegalStateException("not a JSON Web Key Set: " + ex.getMessage(), ex);
        }
    }
}
