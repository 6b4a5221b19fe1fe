package org.ecoplan.risk.receptor;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.ecoplan.common.audit.AuditTrail;
import org.ecoplan.common.mongo.MongoPages;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.web.ETags.IfMatch;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The register of sensitive receptors, each change audited under entity type {@value #ENTITY} and the code; and
 * the receptors around a point, by distances computed here (no geo query: the embedded MongoDB has none, and the
 * district's few hundred receptors are read in one go).
 */
@Service
@EnableConfigurationProperties(ReceptorProperties.class)
public class SensitiveReceptors {

    static final String ENTITY = "receptor";

    private static final Set<String> SORTABLE = Set.of("code", "type");

    private static final Sort BY_CODE = Sort.by("code");

    /** Distances to the metre: the points are no more precise than that, seeded ones far less. */
    private static final double METRES_PER_KM = 1000.0;

    private final ReactiveMongoTemplate template;

    private final AuditTrail audit;

    private final ReceptorProperties properties;

    SensitiveReceptors(ReactiveMongoTemplate template, AuditTrail audit, ReceptorProperties properties) {
        this.template = template;
        this.audit = audit;
        this.properties = properties;
    }

    Mono<PageResult<SensitiveReceptor>> list(ReceptorType type, PageQuery page) {
        Criteria filter = type == null ? new Criteria() : Criteria.where("type").is(type);
        return MongoPages.find(template, SensitiveReceptor.class, filter, page, SORTABLE, BY_CODE);
    }

    Mono<SensitiveReceptor> required(String code) {
        return template.findOne(byCode(code), SensitiveReceptor.class)
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("There is no receptor with code " + code)));
    }

    /** @throws ApiProblem 409 for a taken code, 422 without one */
    Mono<SensitiveReceptor> create(ReceptorDraft draft) {
        if (draft.code() == null) {
            throw ApiProblem.unprocessable("A new receptor needs a code",
                    List.of(new ApiProblem.FieldError("code", "must not be null")));
        }
        return template.insert(draft.toReceptor(null, draft.code(), null))
            .onErrorMap(DuplicateKeyException.class,
                    taken -> ApiProblem.conflict("There is already a receptor with code " + draft.code()))
            .flatMap(created -> audit.record(ENTITY, created.code(), "CREATED", null, created).thenReturn(created));
    }

    /** @throws ApiProblem 404, 412 on a stale version, 422 for a changed code */
    Mono<SensitiveReceptor> replace(String code, IfMatch ifMatch, ReceptorDraft draft) {
        if (draft.code() != null && !draft.code().equals(code)) {
            throw ApiProblem.unprocessable("A receptor's code never changes",
                    List.of(new ApiProblem.FieldError("code", "must be absent or " + code)));
        }
        return required(code).flatMap(current -> {
            ifMatch.check(current.version());
            return template.save(draft.toReceptor(current.id(), code, current.version()))
                .flatMap(saved -> audit.record(ENTITY, code, "UPDATED", current, saved).thenReturn(saved));
        });
    }

    /** @throws ApiProblem 404, 412 on a stale version */
    Mono<Void> delete(String code, IfMatch ifMatch) {
        return required(code).flatMap(current -> {
            ifMatch.check(current.version());
            return template.remove(current)
                .flatMap(result -> result.getDeletedCount() == 0
                        ? Mono.error(ApiProblem.preconditionFailed("Receptor " + code
                                + " changed while it was being deleted; read it again."))
                        : audit.record(ENTITY, code, "DELETED", current, null))
                .then();
        });
    }

    /**
     * The receptors within {@code radiusKm} of {@code from}, nearest first (ties by code).
     *
     * @param radiusKm null for the default
     * @throws ApiProblem 400 for a radius that is not positive or above the maximum
     */
    public Flux<NearbyReceptor> within(Coordinates from, Double radiusKm) {
        double radius = radius(radiusKm);
        return template.findAll(SensitiveReceptor.class)
            .map(receptor -> new NearbyReceptor(receptor.code(), receptor.name(), receptor.type(),
                    receptor.location(),
                    receptor.approximate(),
                    Math.round(from.distanceKm(receptor.location()) * METRES_PER_KM) / METRES_PER_KM))
            .filter(nearby -> nearby.distanceKm() <= radius)
            .sort(Comparator.comparingDouble(NearbyReceptor::distanceKm).thenComparing(NearbyReceptor::code));
    }

    /** The radius {@link #within} uses for {@code radiusKm}. */
    public double radius(Double radiusKm) {
        double radius = radiusKm == null ? properties.defaultRadiusKm() : radiusKm;
        if (!(radius > 0) || radius > properties.maxRadiusKm()) {
            throw ApiProblem.badRequest("radiusKm is out of range", List.of(new ApiProblem.FieldError("radiusKm",
                    "must be above 0 and at most " + properties.maxRadiusKm())));
        }
        return radius;
    }

    private static Query byCode(String code) {
        return Query.query(Criteria.where("code").is(code));
    }
}
