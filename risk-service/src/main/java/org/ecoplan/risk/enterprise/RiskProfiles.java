package org.ecoplan.risk.enterprise;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.ecoplan.common.audit.AuditEntry;
import org.ecoplan.common.audit.AuditTrail;
import org.ecoplan.common.mongo.MongoPages;
import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.time.BureauDay;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.web.ETags.IfMatch;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.ecoplan.risk.grading.EnterpriseGrade;
import org.ecoplan.risk.grading.GradeView;
import org.ecoplan.risk.grading.Hj941Standard;
import org.ecoplan.risk.grading.Medium;
import org.ecoplan.risk.grading.ProcessType;
import org.ecoplan.risk.grading.RiskGrader;
import org.ecoplan.risk.grading.RiskLevel;
import org.ecoplan.risk.grading.RiskSubstance;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Enterprises' risk sources and their grading. Every change re-grades the enterprise: the sources, the level and
 * its code are written in one version-checked write of the enterprise document; then the grading history and the
 * audit trail get their entries.
 */
@Service
class RiskProfiles {

    /** The bureau's calendar, which decides whether a penalty is still within its three years. */
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id"));

    private final ReactiveMongoTemplate template;

    private final EnterpriseDirectory directory;

    private final EnterpriseRegistry registry;

    private final RiskGrader grader;

    private final AuditTrail audit;

    private final Clock clock;

    RiskProfiles(ReactiveMongoTemplate template, EnterpriseDirectory directory, EnterpriseRegistry registry,
            RiskGrader grader, AuditTrail audit, Clock clock) {
        this.template = template;
        this.directory = directory;
        this.registry = registry;
        this.grader = grader;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * An enterprise's risk sources with the grade they gave when last graded.
     *
     * @param grade null until the enterprise is graded
     * @param version the enterprise's version, which a change must send in {@code If-Match}
     */
    record RiskSourcesView(String enterpriseId, @JsonUnwrapped RiskSources sources, RiskLevel riskLevel,
            String riskCode, Instant gradedAt, GradeView grade, Long version) {
    }

    Mono<RiskSourcesView> view(EcoPrincipal by, String id) {
        return directory.required(EnterpriseScope.of(by), id).map(this::view);
    }

    /**
     * Replaces the risk sources and re-grades. The latest penalty or incident raises the level for three years, so
     * it is the bureau's record: an enterprise account sends it back as stored.
     *
     * @throws ApiProblem 403 when an enterprise account changes the penalty date or note, 404 outside the caller's
     *         scope, 412 on a stale version, 422 for substances Appendix A does not list, unknown process types,
     *         control scores above the medium's table or a future penalty date
     */
    Mono<RiskSourcesView> replace(EcoPrincipal by, String id, IfMatch ifMatch, RiskSourcesDraft draft) {
        return registry.changeable(by, id).flatMap(current -> {
            if (EnterpriseAccess.isEnterprise(by)) {
                checkPenaltyKept(current.riskSources(), draft);
            }
            ifMatch.check(current.version());
            Instant now = clock.instant();
            RiskSources sources = sources(draft, BureauDay.of(now));
            EnterpriseGrade grade = grade(sources, BureauDay.of(now));
            Enterprise next = current.withRiskSources(sources, grade.level(), grade.code(), now);
            return template.save(next).flatMap(saved -> actor()
                .flatMap(actor -> template.insert(new GradingRecord(null, id, now, actor, current.riskLevel(),
                        grade.level(), GradeView.of(grade))))
                .then(audit.record(EnterpriseRegistry.ENTITY, id, "RISK_SOURCES_CHANGED", view(current),
                        view(saved)))
                .thenReturn(view(saved)));
        });
    }

    private static void checkPenaltyKept(RiskSources stored, RiskSourcesDraft draft) {
        LocalDate storedDate = stored == null ? null : stored.lastPenaltyOrIncident();
        String storedNote = stored == null ? null : stored.penaltyOrIncidentNote();
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(storedDate, draft.lastPenaltyOrIncident())) {
            changed.add("lastPenaltyOrIncident");
        }
        if (!Objects.equals(storedNote, draft.penaltyOrIncidentNote())) {
            changed.add("penaltyOrIncidentNote");
        }
        if (!changed.isEmpty()) {
            throw ApiProblem.forbidden("An enterprise account sends " + String.join(" and ", changed)
                    + " back as stored (" + storedDate + "); the penalty or incident record is the bureau's to "
                    + "change.");
        }
    }

    private static Mono<AuditEntry.Actor> actor() {
        return EcoPrincipal.current()
            .map(principal -> new AuditEntry.Actor(principal.subject(), principal.username()))
            .defaultIfEmpty(AuditEntry.Actor.SYSTEM);
    }

    Mono<PageResult<GradingRecord>> gradings(EcoPrincipal by, String id, PageQuery page) {
        return directory.required(EnterpriseScope.of(by), id)
            .flatMap(enterprise -> MongoPages.find(template, GradingRecord.class,
                    Criteria.where("enterpriseId").is(id), page, Set.of("at"), NEWEST_FIRST))
            .map(found -> EnterpriseAccess.seesPeople(by) ? found : found.map(GradingRecord::withoutBy));
    }

    private RiskSourcesView view(Enterprise enterprise) {
        RiskSources sources = enterprise.riskSources();
        GradeView grade = sources == null || enterprise.gradedAt() == null ? null
                : GradeView.of(grade(sources, BureauDay.of(enterprise.gradedAt())));
        return new RiskSourcesView(enterprise.id(), sources, enterprise.riskLevel(), enterprise.riskCode(),
                enterprise.gradedAt(), grade, enterprise.version());
    }

    private EnterpriseGrade grade(RiskSources sources, LocalDate day) {
        return SourceGrades.grade(grader, sources, day);
    }

    private RiskSources sources(RiskSourcesDraft draft, LocalDate today) {
        Hj941Standard standard = grader.standard();
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        List<RiskSources.HazardousSubstance> substances = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < draft.substances().size(); i++) {
            RiskSourcesDraft.SubstanceEntry entry = draft.substances().get(i);
            String field = "substances[" + i + "].cas";
            Integer first = firstIndex.putIfAbsent(entry.cas(), i);
            if (first != null) {
                errors.add(new ApiProblem.FieldError(field, entry.cas() + " is listed already at substances["
                        + first + "]; give its largest quantity once"));
            }
            RiskSubstance substance = standard.substance(entry.cas()).orElse(null);
            if (substance == null) {
                errors.add(new ApiProblem.FieldError(field, entry.cas() + " is not in " + Hj941Standard.CODE
                        + " Appendix A as this service holds it"));
                continue;
            }
            substances.add(new RiskSources.HazardousSubstance(substance.key(), substance.name(), entry.maxQuantity(),
                    substance.criticalQuantity(), "t", substance.media()));
        }
        List<RiskSources.ProcessUnit> units = new ArrayList<>();
        for (int i = 0; i < draft.processUnits().size(); i++) {
            RiskSourcesDraft.ProcessUnitEntry entry = draft.processUnits().get(i);
            ProcessType type = standard.processType(entry.process()).orElse(null);
            if (type == null) {
                errors.add(new ApiProblem.FieldError("processUnits[" + i + "].process", "must be one of "
                        + standard.processTypes().stream().map(ProcessType::code).toList()));
                continue;
            }
            units.add(new RiskSources.ProcessUnit(entry.name().strip(), type.code(), entry.sets(),
                    type.pointsPerSet().multiply(BigDecimal.valueOf(entry.sets()))));
        }
        checkControls(Medium.AIR, draft.air(), errors);
        checkControls(Medium.WATER, draft.water(), errors);
        if (draft.lastPenaltyOrIncident() != null && draft.lastPenaltyOrIncident().isAfter(today)) {
            errors.add(new ApiProblem.FieldError("lastPenaltyOrIncident", "must not be after today, " + today));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.unprocessable("The risk sources cannot be graded by " + Hj941Standard.CODE + ".",
                    errors);
        }
        return new RiskSources(substances, units, draft.air(), draft.water(), draft.lastPenaltyOrIncident(),
                draft.penaltyOrIncidentNote());
    }

    private void checkControls(Medium medium, RiskSources.MediumAssessment assessment,
            List<ApiProblem.FieldError> errors) {
        BigDecimal max = grader.standard().controlsMax(medium);
        if (assessment.controlScore().compareTo(max) > 0) {
            errors.add(new ApiProblem.FieldError(medium.en() + ".controlScore", "must be at most "
                    + max.toPlainString() + ", the most the " + medium.en() + " table's items add up to"));
        }
    }
}
