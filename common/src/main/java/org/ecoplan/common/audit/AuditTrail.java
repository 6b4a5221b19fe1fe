package org.ecoplan.common.audit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.ecoplan.common.mongo.MongoPages;
import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The audit trail of a service: every change to a record, in the service's own database (collection
 * {@value #COLLECTION}), readable through the API with {@link #history}.
 * <p>
 * Snapshots are the records as the application's Jackson writes them, so the trail shows what API clients saw
 * and sent (and nothing the API hides). An entry is written right after the change it describes; nothing spans
 * both writes, since DESIGN rules out multi-document transactions. Should the entry's write fail, the request
 * fails with it and the caller sees an error for a change that was made: the trail may miss a change in that
 * case, but never records one that did not happen.
 */
public class AuditTrail {

    static final String COLLECTION = "audit";

    /** Newest first, as people read a history; the id breaks ties between entries of the same millisecond. */
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id"));

    private static final Set<String> SORTABLE = Set.of("at");

    private final ReactiveMongoTemplate template;

    private final JsonMapper mapper;

    private final Clock clock;

    private final Mono<Boolean> index;

    public AuditTrail(ReactiveMongoTemplate template, JsonMapper mapper, Clock clock) {
        this.template = template;
        this.mapper = mapper;
        this.clock = clock;
        this.index = template.indexOps(AuditEntry.class)
            .createIndex(new Index().on("entityType", Sort.Direction.ASC)
                .on("entityId", Sort.Direction.ASC)
                .on("at", Sort.Direction.DESC))
            .thenReturn(true)
            // Created once, on first use; a failure is not cached, so the next change tries again.
            .cacheInvalidateIf(created -> false);
    }

    /**
     * Records a change by the caller of the current request (the application itself outside a request).
     *
     * @param before the record before the change, null for a creation
     * @param after the record after the change, null for a deletion
     */
    public Mono<AuditEntry> record(String entityType, String entityId, String action, Object before, Object after) {
        return EcoPrincipal.current()
            .map(principal -> new AuditEntry.Actor(principal.subject(), principal.username()))
            .defaultIfEmpty(AuditEntry.Actor.SYSTEM)
            .map(actor -> new AuditEntry(null, entityType, entityId, action, clock.instant(), actor,
                    snapshot(before), snapshot(after)))
            .flatMap(entry -> index.then(template.insert(entry)));
    }

    /** The changes to one record, newest first unless sorted by {@code at}. */
    public Mono<PageResult<AuditEntry>> history(String entityType, String entityId, PageQuery page) {
        return MongoPages.find(template, AuditEntry.class,
                Criteria.where("entityType").is(entityType).and("entityId").is(entityId), page, SORTABLE,
                NEWEST_FIRST);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> snapshot(Object record) {
        return record == null ? null : mapper.convertValue(record, LinkedHashMap.class);
    }
}
