package org.ecoplan.indicator.observation;

import org.ecoplan.common.startup.StartupTask;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Creates the observations' indexes on start, before readiness reports UP, as the indicator seeder does for
 * its collection: one for an indicator's approved values (progress reads them on every request), one for the
 * approval queue. mongo-java-server accepts and ignores them.
 */
@Component
class ObservationIndexes implements StartupTask {

    private final ReactiveMongoTemplate template;

    ObservationIndexes(ReactiveMongoTemplate template) {
        this.template = template;
    }

    @Override
    public Mono<?> run() {
        return create();
    }

    Mono<Void> create() {
        return template.indexOps(Observation.class)
            .createIndex(new Index().on("indicatorCode", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC)
                .on("decidedAt", Sort.Direction.ASC))
            .then(template.indexOps(Observation.class)
                .createIndex(new Index().on("status", Sort.Direction.ASC).on("submittedAt", Sort.Direction.ASC)))
            .then();
    }
}
