package org.ecoplan.risk.enterprise;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.ecoplan.common.audit.AuditEntry;
import org.ecoplan.common.audit.AuditTrail;
import org.ecoplan.common.mongo.MongoPages;
import org.ecoplan.common.time.BureauDay;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.ecoplan.risk.grading.EnterpriseGrade;
import org.ecoplan.risk.grading.GradeView;
import org.ecoplan.risk.grading.RiskGrader;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the enterprises a caller's scope allows, each as graded today: a penalty or incident raises the level for
 * three years only, so an enterprise graded while it was raised and whose raise has since lapsed is graded again as
 * it is read, recorded as a grading and audited as a change by the system.
 */
@Component
public class EnterpriseDirectory {

    private static final Set<String> SORTABLE = Set.of("id", "creditCode", "name.zh");

    private static final Sort BY_ID = Sort.by("id");

    private final ReactiveMongoTemplate template;

    private final RiskGrader grader;

    private final AuditTrail audit;

    private final Clock clock;

    EnterpriseDirectory(ReactiveMongoTemplate template, RiskGrader grader, AuditTrail audit, Clock clock) {
        this.template = template;
        this.grader = grader;
        this.audit = audit;
        this.clock = clock;
    }

    public Mono<PageResult<Enterprise>> list(EnterpriseScope scope, EnterpriseFilter filter, PageQuery page) {
        return MongoPages.find(template, Enterprise.class, filter.within(scope), page, SORTABLE, BY_ID)
            .flatMap(found -> Flux.fromIterable(found.items()).concatMap(this::current).collectList()
                .map(items -> new PageResult<>(items, found.total(), found.page(), found.size())));
    }

    /** Every enterprise the scope and filter allow, by id. */
    public Flux<Enterprise> all(EnterpriseScope scope, EnterpriseFilter filter) {
        return template.find(new Query(filter.within(scope)).with(BY_ID), Enterprise.class).concatMap(this::current);
    }

    /** The enterprises of these ids that the scope allows, in one query; unknown ids are left out. */
    public Flux<Enterprise> byIds(EnterpriseScope scope, Collection<String> ids) {
        List<String> permitted = ids.stream().filter(scope::permits).distinct().toList();
        return permitted.isEmpty() ? Flux.empty()
                : template.find(Query.query(Criteria.where("_id").in(permitted)).with(BY_ID), Enterprise.class)
                    .concatMap(this::current);
    }

    /** Empty both for an unknown id and for another enterprise's id, so ids cannot be probed. */
    public Mono<Enterprise> byId(EnterpriseScope scope, String id) {
        return scope.permits(id) ? template.findById(id, Enterprise.class).flatMap(this::current) : Mono.empty();
    }

    /** The enterprise re-graded if its penalty raise has lapsed since it was graded; else as stored. */
    private Mono<Enterprise> current(Enterprise enterprise) {
        RiskSources sources = enterprise.riskSources();
        if (sources == null || enterprise.gradedAt() == null) {
            return Mono.just(enterprise);
        }
        Instant now = clock.instant();
        LocalDate gradedOn = BureauDay.of(enterprise.gradedAt());
        LocalDate today = BureauDay.of(now);
        if (!grader.raises(sources.lastPenaltyOrIncident(), gradedOn)
                || grader.raises(sources.lastPenaltyOrIncident(), today)) {
            return Mono.just(enterprise);
        }
        EnterpriseGrade grade = SourceGrades.grade(grader, sources, today);
        return template.save(enterprise.withRiskSources(sources, grade.level(), grade.code(), now))
            .flatMap(saved -> template.insert(new GradingRecord(null, saved.id(), now, AuditEntry.Actor.SYSTEM,
                    enterprise.riskLevel(), grade.level(), GradeView.of(grade)))
                .then(audit.record(EnterpriseRegistry.ENTITY, saved.id(), "RAISE_LAPSED", enterprise, saved)
                    .contextWrite(ReactiveSecurityContextHolder.clearContext()))
                .thenReturn(saved))
            // Another reader re-graded it first, or it changed: read what is stored now.
            .onErrorResume(OptimisticLockingFailureException.class,
                    raced -> template.findById(enterprise.id(), Enterprise.class));
    }

    /** @throws ApiProblem 404, also for another enterprise's id */
    public Mono<Enterprise> required(EnterpriseScope scope, String id) {
        return byId(scope, id)
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("There is no enterprise with id " + id)));
    }
}
