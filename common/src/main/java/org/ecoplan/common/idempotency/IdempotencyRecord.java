package org.ecoplan.common.idempotency;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One client's use of one {@code Idempotency-Key}. While the first request runs, {@code status} is null (the key
 * is claimed); once it has succeeded the record holds its response for replay.
 *
 * @param id derived from subject and key: the unique {@code _id} is what lets exactly one of several concurrent
 *        requests claim the key
 * @param fingerprint hash of method, path and body, to tell a retry from a different request under the same key
 * @param expiresAt when the key is forgotten: a TTL index removes it on MongoDB, and every reader treats it as
 *        absent from then on (also on servers without TTL indexes)
 */
@Document(IdempotencyKeys.COLLECTION)
record IdempotencyRecord(@Id String id, String subject, String key, String fingerprint, Integer status,
        String location, String eTag, String body, Instant createdAt, Instant expiresAt) {

    static IdempotencyRecord claim(String id, String subject, String key, String fingerprint, Instant now,
            Instant leaseEnd) {
        return new IdempotencyRecord(id, subject, key, fingerprint, null, null, null, null, now, leaseEnd);
    }

    boolean inProgress() {
        return status == null;
    }
}
