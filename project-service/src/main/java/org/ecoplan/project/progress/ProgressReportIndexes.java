package org.ecoplan.project.progress;

import org.ecoplan.common.startup.StartupTask;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Creates the reports' indexes on start, before readiness reports UP. The unique one on project and period is
 * what keeps two reports of one period apart, also when both arrive at once; the other serves a project's list of
 * reports in period order.
 */
@Component
class ProgressReportIndexes implements StartupTask {

    private final ReactiveMongoTemplate template;

    ProgressReportIndexes(ReactiveMongoTemplate template) {
        this.template = template;
    }

    @Override
    public Mono<?> run() {
        return create();
    }

    Mono<Void> create() {
        return template.indexOps(ProgressReport.class)
            .createIndex(new Index().on("projectCode", Sort.Direction.ASC).on("period", Sort.Direction.ASC).unique())
            .then(template.indexOps(ProgressReport.class)
                .createIndex(new Index().on("projectCode", Sort.Direction.ASC).on("periodEnd", Sort.Direction.ASC)))
            .then();
    }
}
