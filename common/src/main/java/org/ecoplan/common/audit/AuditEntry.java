package org.ecoplan.common.audit;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One change to one record: who made it, when, and the record before and after, each as the API showed it.
 *
 * @param entityType what kind of record, e.g. {@code indicator}
 * @param entityId the record's key as the API names it, e.g. {@code AIR-PM25}
 * @param action what happened, in capitals, e.g. {@code CREATED}, {@code APPROVED}
 * @param at when, UTC, from the application's clock
 * @param actor who
 * @param before the record before the change; null when it was created
 * @param after the record after the change; null when it was deleted
 */
@Document(AuditTrail.COLLECTION)
public record AuditEntry(@Id String id, String entityType, String entityId, String action, Instant at, Actor actor,
        Map<String, Object> before, Map<String, Object> after) {

    /**
     * @param subject the token's {@code sub}, stable across renames
     * @param username the token's {@code preferred_username}, for people reading the trail
     */
    public record Actor(String subject, String username) {

        /** The application itself, for changes no request caused (start-up work, scheduled jobs). */
        public static final Actor SYSTEM = new Actor("system", "system");
    }
}
