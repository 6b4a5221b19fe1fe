package org.ecoplan.project.quality;

import org.ecoplan.project.catalog.Project;
import org.ecoplan.project.progress.ProgressReport;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Runs the data-quality checks over the stored projects and progress reports as they are now. */
@Component
@EnableConfigurationProperties(QualityProperties.class)
class DataQuality {

    private final ReactiveMongoTemplate template;

    private final QualityChecks checks;

    DataQuality(ReactiveMongoTemplate template, QualityProperties properties) {
        this.template = template;
        this.checks = new QualityChecks(new InvestmentOutliers(properties.outlierRatio(), properties.minimumPeers()));
    }

    Mono<QualityReport> findings() {
        return Mono.zip(template.find(new Query().with(Sort.by("code")), Project.class).collectList(),
                template.findAll(ProgressReport.class).collectList())
            .map(found -> QualityReport.of(checks.findings(found.getT1(), found.getT2())));
    }
}
