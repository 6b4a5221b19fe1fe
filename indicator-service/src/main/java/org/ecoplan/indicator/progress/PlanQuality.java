package org.ecoplan.indicator.progress;

import java.util.ArrayList;
import java.util.List;

import org.ecoplan.indicator.catalog.IndicatorCatalog;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The data-quality findings: the plan's own inconsistencies first, in table order, then every flagged outlier. */
@Service
class PlanQuality {

    private final IndicatorCatalog catalog;

    private final ObservationSource observations;

    private final PlanQualityChecks checks = new PlanQualityChecks(PlanTextClaim.read(PlanTextClaim.PLAN_2021_2025));

    PlanQuality(IndicatorCatalog catalog, ObservationSource observations) {
        this.catalog = catalog;
        this.observations = observations;
    }

    Mono<QualityFindings> findings() {
        Mono<List<QualityFinding>> plan = catalog.all().map(TrackedIndicator::of).collectList().map(checks::check);
        Mono<List<QualityFinding>> outliers = observations.outliers().map(PlanQualityChecks::outlier).collectList();
        return Mono.zip(plan, outliers).map(both -> {
            List<QualityFinding> findings = new ArrayList<>(both.getT1());
            findings.addAll(both.getT2());
            return QualityFindings.of(findings);
        });
    }
}
