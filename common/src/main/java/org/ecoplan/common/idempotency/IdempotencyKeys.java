package org.ecoplan.common.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.web.ApiProblem;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * {@code Idempotency-Key} for creating POSTs: a client that retries a request (same key, same token subject) gets
 * the first result back (status, body, {@code Location}, {@code ETag}, plus {@code Idempotent-Replayed: true})
 * and nothing is created twice.
 * <ul>
 * <li>Exactly one of several concurrent requests with one key runs: each first inserts a claim whose
 * {@code _id} derives from subject and key, and the unique {@code _id} index lets one insert through. The others
 * get the stored response if the first has finished, else 409 with {@code Retry-After}. Nothing relies on
 * transactions or atomic counters, so this holds on the embedded server as on MongoDB.</li>
 * <li>The same key with a different request (method, path or body) answers 422.</li>
 * <li>Only successes are kept. A request that fails releases its key, so the client may correct it and retry with
 * the same key.</li>
 * <li>Keys expire ({@link IdempotencyProperties}): a TTL index on {@code expiresAt} lets MongoDB delete them.
 * mongo-java-server accepts the index but never deletes; there expired keys stay stored but are treated as
 * absent (replaced by the next request that uses them), so clients see the same behaviour.</li>
 * </ul>
 */
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";

    /** Set on a replayed response, so a client can tell a replay from a first result. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    static final String COLLECTION = "idempotency_keys";

    private static final int MAX_KEY_LENGTH = 255;

    /** Claims lost to expiry or release between insert and read are retried this often before giving up. */
    private static final int ATTEMPTS = 3;

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final ReactiveMongoTemplate template;

    private final JsonMapper mapper;

    private final Clock clock;

    private final IdempotencyProperties properties;

    private final Mono<Boolean> ttlIndex;

    public IdempotencyKeys(ReactiveMongoTemplate template, JsonMapper mapper, Clock clock,
            IdempotencyProperties properties) {
        this.template = template;
        this.mapper = mapper;
        this.clock = clock;
        this.properties = properties;
        this.ttlIndex = template.indexOps(IdempotencyRecord.class)
            .createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO))
            .thenReturn(true)
            // Created once, on first use; a failure is not cached, so the next request tries again.
            .cacheInvalidateIf(created -> false);
    }

    /**
     * Runs {@code creation} once per key and client, replaying its response to retries.
     *
     * @param key the request's {@code Idempotency-Key} header; null runs {@code creation} unguarded
     * @param request the request, whose method and path belong to what the key stands for
     * @param body the request body as the handler read it (a record, or the raw bytes of an upload)
     * @param responseType the response body's type, to replay it
     * @throws ApiProblem 400 for a malformed key, 422 for a key used with another request, 409 while the first
     *         request with the key still runs
     */
    public <T> Mono<ResponseEntity<T>> once(String key, ServerHttpRequest request, Object body,
            Class<T> responseType, Supplier<Mono<ResponseEntity<T>>> creation) {
        if (key == null) {
            return Mono.defer(creation);
        }
        checkFormat(key);
        String fingerprint = fingerprint(request, body);
        return EcoPrincipal.current()
            .switchIfEmpty(Mono.error(() -> new IllegalStateException("Idempotency keys need an authenticated caller")))
            .flatMap(principal -> attempt(new Claim(sha256(principal.subject() + "\n" + key), principal.subject(),
                    key, fingerprint), responseType, creation, ATTEMPTS));
    }

    private record Claim(String id, String subject, String key, String fingerprint) {
    }

    private <T> Mono<ResponseEntity<T>> attempt(Claim claim, Class<T> responseType,
            Supplier<Mono<ResponseEntity<T>>> creation, int attemptsLeft) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            IdempotencyRecord record = IdempotencyRecord.claim(claim.id(), claim.subject(), claim.key(),
                    claim.fingerprint(), now, now.plus(properties.lease()));
            return ttlIndex.then(template.insert(record))
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, taken -> Mono.just(false))
                .flatMap(claimed -> claimed ? run(record, creation)
                        : replay(claim, responseType, creation, attemptsLeft));
        });
    }

    private <T> Mono<ResponseEntity<T>> run(IdempotencyRecord claim, Supplier<Mono<ResponseEntity<T>>> creation) {
        return Mono.defer(creation)
            // Nothing was created, so the key is free again; the client may correct the request and retry it.
            .onErrorResume(failure -> release(claim).then(Mono.error(failure)))
            .flatMap(response -> (response.getStatusCode().is2xxSuccessful() ? remember(claim, response)
                    : release(claim)).thenReturn(response));
    }

    private Mono<Void> remember(IdempotencyRecord claim, ResponseEntity<?> response) {
        HttpHeaders headers = response.getHeaders();
        Update update = new Update().set("status", response.getStatusCode().value())
            .set("location", headers.getFirst(HttpHeaders.LOCATION))
            .set("eTag", headers.getFirst(HttpHeaders.ETAG))
            .set("body", mapper.writeValueAsString(response.getBody()))
            .set("expiresAt", clock.instant().plus(properties.retention()));
        return template.updateFirst(byId(claim.id()), update, IdempotencyRecord.class).then();
    }

    private Mono<Void> release(IdempotencyRecord claim) {
        return template.remove(byId(claim.id()).addCriteria(Criteria.where("fingerprint").is(claim.fingerprint())
            .and("status").isNull()), IdempotencyRecord.class).then();
    }

    private <T> Mono<ResponseEntity<T>> replay(Claim claim, Class<T> responseType,
            Supplier<Mono<ResponseEntity<T>>> creation, int attemptsLeft) {
        Mono<ResponseEntity<T>> again = attemptsLeft > 1
                ? attempt(claim, responseType, creation, attemptsLeft - 1)
                : Mono.error(() -> stillRunning());
        return template.findById(claim.id(), IdempotencyRecord.class)
            .flatMap(found -> {
                if (!found.expiresAt().isAfter(clock.instant())) {
                    // Forget it exactly as found: a claim inserted meanwhile by someone else has another expiry.
                    return template.remove(byId(found.id()).addCriteria(Criteria.where("expiresAt")
                        .is(found.expiresAt())), IdempotencyRecord.class).then(again);
                }
                if (!found.fingerprint().equals(claim.fingerprint())) {
                    return Mono.error(ApiProblem.unprocessable(
                            "This Idempotency-Key was already used for a different request.",
                            List.of(new ApiProblem.FieldError(HEADER,
                                    "was used with another method, path or body; use a new key for a new request"))));
                }
                if (found.inProgress()) {
                    return Mono.error(stillRunning());
                }
                return Mono.just(replayed(found, responseType));
            })
            // Released after a failure, or expired and removed, between our insert and this read.
            .switchIfEmpty(Mono.defer(() -> again));
    }

    private <T> ResponseEntity<T> replayed(IdempotencyRecord found, Class<T> responseType) {
        return ResponseEntity.status(HttpStatusCode.valueOf(found.status())).headers(headers -> {
            if (found.location() != null) {
                headers.set(HttpHeaders.LOCATION, found.location());
            }
            if (found.eTag() != null) {
                headers.set(HttpHeaders.ETAG, found.eTag());
            }
            headers.set(REPLAYED_HEADER, "true");
        }).body(mapper.readValue(found.body(), responseType));
    }

    private static ApiProblem stillRunning() {
        ApiProblem problem = ApiProblem.conflict(
                "A request with this Idempotency-Key is still being processed; retry it in a moment.");
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()));
        return problem;
    }

    private static void checkFormat(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ApiProblem.badRequest("The Idempotency-Key header is malformed",
                    List.of(new ApiProblem.FieldError(HEADER, "must be 1 to " + MAX_KEY_LENGTH
                            + " visible ASCII characters, e.g. a UUID")));
        }
    }

    private String fingerprint(ServerHttpRequest request, Object body) {
        byte[] content = body instanceof byte[] bytes ? bytes : mapper.writeValueAsBytes(body);
        byte[] target = (request.getMethod().name() + " " + request.getURI().getRawPath() + "?"
                + request.getURI().getRawQuery() + "\n").getBytes(StandardCharsets.UTF_8);
        MessageDigest digest = sha256();
        digest.update(target);
        digest.update(content);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", ex);
        }
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
