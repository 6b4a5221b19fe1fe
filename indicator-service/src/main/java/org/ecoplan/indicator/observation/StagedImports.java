package org.ecoplan.indicator.observation;

import java.time.Clock;
import java.util.List;

import org.ecoplan.common.audit.AuditTrail;
import org.ecoplan.common.startup.StartupTask;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Stores a bulk import all or nothing without multi-document transactions, also when the process dies half-way:
 * the rows are first written to a staging collection no reader looks at, then one insert of the
 * {@link ImportBatch} commits the import, and only then are the rows copied into the observations. A crash before
 * the commit leaves nothing visible (the staged rows are swept at start-up once old); a crash after it is rolled
 * forward at the next start-up or by the client's retry. Both are safe to repeat because each row's id is fixed
 * before staging: a row already published is a duplicate key and skipped.
 * <p>
 * A row published just before a crash but not yet audited keeps no audit entry; every other row gets exactly one.
 */
@Component
class StagedImports implements StartupTask {

    static final String STAGING = "observation_import_rows";

    /** Rows inserted at once while publishing: enough to hide the round trips, few enough to share the pool. */
    private static final int PUBLISHING_CONCURRENCY = 8;

    private final ReactiveMongoTemplate template;

    private final AuditTrail audit;

    private final Clock clock;

    private final ObservationProperties properties;

    StagedImports(ReactiveMongoTemplate template, AuditTrail audit, Clock clock, ObservationProperties properties) {
        this.template = template;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
    }

    /** Finishes what a crash cut short before the service takes traffic. */
    @Override
    public Mono<?> run() {
        return recover();
    }

    /**
     * Stores the import's rows once: stages and commits them unless an earlier attempt with this import id
     * committed already, then publishes them.
     *
     * @param rows the observations, each with its final id and {@code importId}; asked for only when the import
     *        has not been committed yet
     * @return the import's observations as published, in id order
     */
    Mono<List<Observation>> store(String importId, Mono<List<Observation>> rows) {
        return template.exists(byId(importId), ImportBatch.class)
            .flatMap(committed -> committed ? Mono.<Void>empty() : stageAndCommit(importId, rows))
            .then(publish(importId))
            .then(Mono.defer(() -> template.find(ofImport(importId).with(Sort.by("_id")), Observation.class)
                .collectList()));
    }

    /** Publishes every committed import a crash left unpublished, then sweeps staged rows nobody committed. */
    Mono<Void> recover() {
        return template.find(Query.query(Criteria.where("published").is(false)), ImportBatch.class)
            .concatMap(batch -> publish(batch.id()))
            .then(Mono.defer(() -> template.remove(Query.query(Criteria.where("submittedAt")
                .lt(clock.instant().minus(properties.importAbandonedAfter()))), STAGING)))
            .then();
    }

    // An earlier attempt that died while staging left some rows: they are replaced, not added to.
    private Mono<Void> stageAndCommit(String importId, Mono<List<Observation>> rows) {
        return template.remove(ofImport(importId), STAGING)
            .then(rows)
            .flatMap(staged -> template.insert(staged, STAGING)
                .then(template.insert(new ImportBatch(importId, staged.size(), clock.instant(), false)))
                .onErrorResume(DuplicateKeyException.class, committedMeanwhile -> Mono.empty()))
            .then();
    }

    private Mono<Void> publish(String importId) {
        return template.find(ofImport(importId), Observation.class, STAGING)
            .flatMap(row -> template.insert(row)
                .flatMap(published -> audit.record(Observations.ENTITY, published.id(), "SUBMITTED", null, published))
                .onErrorResume(DuplicateKeyException.class, publishedBefore -> Mono.empty()),
                    PUBLISHING_CONCURRENCY)
            .then(template.updateFirst(byId(importId), Update.update("published", true), ImportBatch.class))
            .then(template.remove(ofImport(importId), STAGING))
            .then();
    }

    private static Query ofImport(String importId) {
        return Query.query(Criteria.where("importId").is(importId));
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
