package org.ecoplan.indicator.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.ecoplan.common.audit.AuditTrail;
import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.web.ETags.IfMatch;
import org.ecoplan.indicator.observation.Observations;
import org.ecoplan.indicator.observation.ValueRanges;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Changes to the indicator system, each audited under entity type {@value #ENTITY} and the indicator's code.
 * Roles are checked by the controller; the department scope here ({@link DepartmentScope}).
 */
@Service
public class Indicators {

    static final String ENTITY = "indicator";

    private final ReactiveMongoTemplate template;

    private final IndicatorCatalog catalog;

    private final Observations observations;

    private final ValueRanges ranges;

    private final AuditTrail audit;

    private final Clock clock;

    Indicators(ReactiveMongoTemplate template, IndicatorCatalog catalog, Observations observations,
            ValueRanges ranges, AuditTrail audit, Clock clock) {
        this.template = template;
        this.catalog = catalog;
        this.observations = observations;
        this.ranges = ranges;
        this.audit = audit;
        this.clock = clock;
    }

    /** @throws ApiProblem 409 when the code is taken, 422 for a code-less draft, an unknown unit or a bad target */
    public Mono<Indicator> create(IndicatorDraft draft) {
        if (draft.code() == null) {
            throw ApiProblem.unprocessable("A new indicator needs a code",
                    List.of(new ApiProblem.FieldError("code", "must not be null")));
        }
        checkUnit(draft.unit());
        Target target = target(draft.target());
        return nextSeq(draft)
            .map(seq -> new Indicator(null, seq, draft.code(), draft.category(), draft.name().toName(),
                    draft.unit(), draft.baseline().toBaseline(), target, draft.attribute(), draft.department(),
                    draft.footnote()))
            .flatMap(template::insert)
            .onErrorMap(DuplicateKeyException.class,
                    taken -> ApiProblem.conflict("There is already an indicator with code " + draft.code()))
            .flatMap(created -> audit.record(ENTITY, created.code(), "CREATED", null, created).thenReturn(created));
    }

    /**
     * Replaces what the draft describes. A changed target moves the current one to the target history; a
     * 市级下达 target the city has assigned stays assigned while the draft repeats it.
     *
     * @throws ApiProblem 404, 403 outside the department scope or for an editor moving it to another
     *         department, 412 on a stale version, 422 for a changed code, an unknown unit or a bad target
     */
    public Mono<Indicator> update(EcoPrincipal by, String code, IfMatch ifMatch, IndicatorDraft draft) {
        if (draft.code() != null && !draft.code().equals(code)) {
            throw ApiProblem.unprocessable("An indicator's code never changes",
                    List.of(new ApiProblem.FieldError("code", "must be absent or " + code)));
        }
        checkUnit(draft.unit());
        return catalog.required(code).flatMap(current -> {
            DepartmentScope.requireMayEdit(by, current);
            if (!current.department().equals(draft.department()) && !by.hasRole(PlatformRoles.ECO_ADMIN)) {
                throw ApiProblem.forbidden("Only eco-admin hands an indicator to another department.");
            }
            ifMatch.check(current.version());
            Target target = sameTarget(current.target(), draft.target()) ? current.target() : target(draft.target());
            Indicator next = new Indicator(current.id(), draft.seq() == null ? current.seq() : draft.seq(), code,
                    draft.category(), draft.name().toName(), draft.unit(), draft.baseline().toBaseline(), target,
                    draft.attribute(), draft.department(), draft.footnote(), history(current, target),
                    current.version());
            return save(current, next, "UPDATED");
        });
    }

    /**
     * Records the city's figure for a 市级下达 target; the target it replaces goes to the target history.
     *
     * @throws ApiProblem 404, 403 outside the department scope, 409 for a target of another type, 412 on a
     *         stale version, 422 for a value out of the unit's range or a document dated in the future
     */
    public Mono<Indicator> assignCityTarget(EcoPrincipal by, String code, IfMatch ifMatch, CityTarget city) {
        if (city.date().isAfter(LocalDate.now(clock))) {
            throw ApiProblem.unprocessable("The city's document cannot be dated in the future",
                    List.of(new ApiProblem.FieldError("date", "must not be after today")));
        }
        return catalog.required(code).flatMap(current -> {
            DepartmentScope.requireMayEdit(by, current);
            ifMatch.check(current.version());
            if (current.target().type() != TargetType.ASSIGNED_BY_CITY) {
                throw ApiProblem.conflict("The target of " + code + " is " + current.target().type()
                        + "; only a target assigned by the city (市级下达) takes the city's figure.");
            }
            ranges.violation(current.unit(), city.value()).ifPresent(violation -> {
                throw ApiProblem.unprocessable("The city's figure is out of range",
                        List.of(new ApiProblem.FieldError("value", violation)));
            });
            Target assigned = current.target().assignedByCity(city.value(), city.direction(),
                    new Assignment(city.documentNumber(), city.date()));
            Indicator next = new Indicator(current.id(), current.seq(), code, current.category(), current.name(),
                    current.unit(), current.baseline(), assigned, current.attribute(), current.department(),
                    current.footnote(), history(current, assigned), current.version());
            return save(current, next, "TARGET_ASSIGNED");
        });
    }

    /** @throws ApiProblem 404, 409 while the indicator has observations, 412 on a stale version */
    public Mono<Void> delete(String code, IfMatch ifMatch) {
        return catalog.required(code).flatMap(current -> {
            ifMatch.check(current.version());
            return observations.exist(code).flatMap(exist -> {
                if (exist) {
                    return Mono.error(ApiProblem.conflict("Indicator " + code + " has observations; they are "
                            + "the bureau's record and keep it from being deleted."));
                }
                return template.remove(current)
                    .flatMap(result -> result.getDeletedCount() == 0
                            ? Mono.error(ApiProblem.preconditionFailed("Indicator " + code
                                    + " changed while it was being deleted; read it again."))
                            : audit.record(ENTITY, code, "DELETED", current, null))
                    .then();
            });
        });
    }

    private Mono<Indicator> save(Indicator before, Indicator next, String action) {
        return template.save(next)
            .flatMap(saved -> audit.record(ENTITY, saved.code(), action, before, saved).thenReturn(saved));
    }

    private Mono<Integer> nextSeq(IndicatorDraft draft) {
        if (draft.seq() != null) {
            return Mono.just(draft.seq());
        }
        return template.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "seq")).limit(1), Indicator.class)
            .map(last -> last.seq() + 1)
            .defaultIfEmpty(1);
    }

    private void checkUnit(String unit) {
        if (!ranges.knows(unit)) {
            throw ApiProblem.unprocessable("Unit " + unit + " has no value range",
                    List.of(new ApiProblem.FieldError("unit", "must be one of " + ranges.units()
                            + "; a new unit needs its range in the value-range table first")));
        }
    }

    private static Target target(IndicatorDraft.TargetDraft draft) {
        try {
            return new Target(draft.year(), draft.type(), draft.value(), draft.direction(), draft.text());
        }
        catch (IllegalArgumentException ex) {
            throw ApiProblem.unprocessable("The target does not fit its type",
                    List.of(new ApiProblem.FieldError("target", ex.getMessage())));
        }
    }

    private static boolean sameTarget(Target current, IndicatorDraft.TargetDraft draft) {
        return current.year() == draft.year() && current.type() == draft.type()
                && Objects.equals(current.direction(), draft.direction()) && current.text().equals(draft.text())
                && (current.value() == null ? draft.value() == null
                        : draft.value() != null && current.value().compareTo(draft.value()) == 0);
    }

    private static List<Target> history(Indicator current, Target next) {
        if (next == current.target()) {
            return current.targetHistory();
        }
        List<Target> history = new ArrayList<>(current.targetHistory());
        history.add(current.target());
        return history;
    }
}
