package org.ecoplan.risk.enterprise;

import java.util.ArrayList;
import java.util.List;

import org.ecoplan.common.audit.AuditTrail;
import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.web.ETags.IfMatch;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Registers enterprises and changes their records, each change audited under entity type {@value #ENTITY} and
 * the enterprise's id. Roles are checked by the controller; the data scope here.
 */
@Service
@EnableConfigurationProperties(EnterpriseProperties.class)
public class EnterpriseRegistry {

    static final String ENTITY = "enterprise";

    private final ReactiveMongoTemplate template;

    private final EnterpriseDirectory directory;

    private final EnterpriseIds ids;

    private final AuditTrail audit;

    private final EnterpriseProperties properties;

    EnterpriseRegistry(ReactiveMongoTemplate template, EnterpriseDirectory directory, EnterpriseIds ids,
            AuditTrail audit, EnterpriseProperties properties) {
        this.template = template;
        this.directory = directory;
        this.ids = ids;
        this.audit = audit;
        this.properties = properties;
    }

    /**
     * @throws ApiProblem 403 for an editor registering for another department, 409 for a registered credit code,
     *         422 for a wrong credit code or an unknown department
     */
    Mono<Enterprise> register(EcoPrincipal by, EnterpriseDraft draft) {
        requireMayRegisterFor(by, draft.supervisingDepartment());
        List<ApiProblem.FieldError> errors = problems(draft.creditCode(), draft.supervisingDepartment());
        if (!errors.isEmpty()) {
            throw ApiProblem.unprocessable("The enterprise cannot be registered as given.", errors);
        }
        return ids.insert(draft::toEnterprise, creditCodeTaken(draft.creditCode()))
            .flatMap(created -> audit.record(ENTITY, created.id(), "CREATED", null, created).thenReturn(created));
    }

    /**
     * Registers all drafts or none: should one insert fail, those already made are removed again before the
     * error is answered (no transactions, DESIGN).
     */
    Mono<List<Enterprise>> registerAll(List<EnterpriseDraft> drafts) {
        List<String> inserted = new ArrayList<>();
        return Flux.fromIterable(drafts)
            .concatMap(draft -> ids.insert(draft::toEnterprise, creditCodeTaken(draft.creditCode()))
                .doOnNext(created -> inserted.add(created.id())))
            .collectList()
            .onErrorResume(failure -> template.remove(Query.query(Criteria.where("_id").in(inserted)),
                    Enterprise.class).then(Mono.error(failure)))
            .flatMap(created -> Flux.fromIterable(created)
                .concatMap(enterprise -> audit.record(ENTITY, enterprise.id(), "IMPORTED", null, enterprise))
                .then(Mono.just(created)));
    }

    /**
     * Applies a partial change.
     *
     * @throws ApiProblem 404 outside the caller's scope, 403 for fields the caller may not change, 412 on a stale
     *         version, 409 for a credit code registered to another enterprise, 422 for a wrong credit code or an
     *         unknown department
     */
    Mono<Enterprise> change(EcoPrincipal by, String id, IfMatch ifMatch, EnterpriseChanges changes) {
        return changeable(by, id).flatMap(current -> {
            if (EnterpriseAccess.isEnterprise(by)) {
                List<String> refused = changes.fields().stream()
                    .filter(field -> !EnterpriseChanges.ENTERPRISE_FIELDS.contains(field))
                    .toList();
                if (!refused.isEmpty()) {
                    throw ApiProblem.forbidden("An enterprise account changes only its "
                            + String.join(" and ", EnterpriseChanges.ENTERPRISE_FIELDS) + "; " + refused
                            + " are the bureau's to change.");
                }
            }
            else if (changes.supervisingDepartment() != null
                    && !changes.supervisingDepartment().equals(current.supervisingDepartment())
                    && !by.hasRole(PlatformRoles.ECO_ADMIN)) {
                throw ApiProblem.forbidden("Only eco-admin hands an enterprise to another department.");
            }
            if (changes.active() != null && !changes.active().equals(current.active())
                    && !by.hasRole(PlatformRoles.ECO_ADMIN)) {
                throw ApiProblem.forbidden("Only eco-admin takes an enterprise off the platform or back.");
            }
            ifMatch.check(current.version());
            List<ApiProblem.FieldError> errors = problems(changes.creditCode(), changes.supervisingDepartment());
            if (!errors.isEmpty()) {
                throw ApiProblem.unprocessable("The change cannot be made as given.", errors);
            }
            Enterprise next = changes.applyTo(current);
            if (next.equals(current)) {
                return Mono.just(current);
            }
            return template.save(next)
                .onErrorResume(DuplicateKeyException.class, clash -> creditCodeTaken(next.creditCode()))
                .flatMap(saved -> audit.record(ENTITY, id, "UPDATED", current, saved).thenReturn(saved));
        });
    }

    /** The enterprise if {@code by} may change it; 404 otherwise, as for an unknown id. */
    Mono<Enterprise> changeable(EcoPrincipal by, String id) {
        return directory.required(EnterpriseScope.of(by), id)
            .filter(enterprise -> EnterpriseAccess.mayChange(by, enterprise))
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("There is no enterprise with id " + id)));
    }

    /** @throws ApiProblem 403 unless eco-admin or an editor of {@code department} */
    void requireMayRegisterFor(EcoPrincipal by, String department) {
        if (!mayRegisterFor(by, department)) {
            throw ApiProblem.forbidden(by.username() + " registers only enterprises supervised by "
                    + by.department().map(own -> "department " + own).orElse("their department") + ".");
        }
    }

    /** eco-admin registers for every department, an editor only for their own. */
    static boolean mayRegisterFor(EcoPrincipal by, String department) {
        return by.hasRole(PlatformRoles.ECO_ADMIN) || by.department().filter(department::equals).isPresent();
    }

    /** The problems of a credit code and a department, either null when not given. */
    List<ApiProblem.FieldError> problems(String creditCode, String department) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (creditCode != null) {
            UnifiedSocialCreditCode.problem(creditCode)
                .ifPresent(problem -> errors.add(new ApiProblem.FieldError("creditCode", problem)));
        }
        if (department != null && !properties.departments().contains(department)) {
            errors.add(new ApiProblem.FieldError("supervisingDepartment", "must be one of "
                    + properties.departments()));
        }
        return errors;
    }

    /** The 409 for a credit code another enterprise holds, naming it: registrars see every enterprise anyway. */
    private Mono<Enterprise> creditCodeTaken(String creditCode) {
        return template.findOne(Query.query(Criteria.where("creditCode").is(creditCode)), Enterprise.class)
            .map(holder -> " as " + holder.id())
            .defaultIfEmpty("")
            .flatMap(holder -> Mono.error(ApiProblem.conflict("The unified social credit code " + creditCode
                    + " is already registered" + holder + ".")));
    }
}
