package org.ecoplan.project.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.ecoplan.common.audit.AuditTrail;
import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.web.ETags.IfMatch;
import org.ecoplan.project.catalog.ExpectedReductions.Reduction;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Creates and changes projects, each change audited under entity type {@value #ENTITY} and the project's code.
 * Roles are checked by the controllers; the department scope by {@link ProjectCatalog#editable}.
 */
@Service
public class Projects {

    public static final String ENTITY = "project";

    private final ReactiveMongoTemplate template;

    private final ProjectCatalog catalog;

    private final EngineeringAreas areas;

    private final ProjectProperties properties;

    private final AuditTrail audit;

    private final Clock clock;

    Projects(ReactiveMongoTemplate template, ProjectCatalog catalog, EngineeringAreas areas,
            ProjectProperties properties, AuditTrail audit, Clock clock) {
        this.template = template;
        this.catalog = catalog;
        this.areas = areas;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** @throws ApiProblem 409 when the code is taken, 422 for an unknown area or department */
    public Mono<Project> create(ProjectDraft draft) {
        return checked(draft.toProject())
                .flatMap(template::insert)
                .onErrorMap(DuplicateKeyException.class,
                        taken -> ApiProblem.conflict("There is already a project with code " + draft.code()))
                .flatMap(created -> audit.record(ENTITY, created.code(), "CREATED", null, created)
                        .thenReturn(created));
    }

    /**
     * Applies a PATCH ({@link ProjectChanges}); a PATCH that changes nothing stores and audits nothing.
     *
     * @throws ApiProblem 404 also outside the department scope, 412 on a stale version, 403 for an editor handing
     *                    the project to another department, 400/422 as {@link ProjectChanges#applyTo} and for an
     *                    unknown area or department
     */
    public Mono<Project> change(EcoPrincipal by, String code, IfMatch ifMatch, ProjectChanges changes) {
        return catalog.editable(by, code).flatMap(current -> {
            ifMatch.check(current.version());
            if (changes.changesLead(current) && !by.hasRole(PlatformRoles.ECO_ADMIN)) {
                return Mono.error(ApiProblem.forbidden("Only eco-admin hands a project to another department."));
            }
            Project next = changes.applyTo(current, clock.instant(), by.username());
            if (next == current) {
                return Mono.just(current);
            }
            return checked(next).flatMap(template::save)
                    .flatMap(saved -> audit.record(ENTITY, code, "UPDATED", current, saved).thenReturn(saved));
        });
    }

    /**
     * Applies {@code update} to the project as the caller read it, in one single-document write conditional on its
     * version, so that of two changes based on the same version exactly one lands. Only the fields the update
     * names change; the rest of the document stays as stored. For lifecycle's transitions and milestones, which
     * audit the change themselves.
     *
     * @return the project as stored afterwards
     * @throws OptimisticLockingFailureException when another change came first (common answers 412)
     */
    public Mono<Project> update(Project current, Update update) {
        Query sameVersion = Query.query(Criteria.where("code").is(current.code()).and("version").is(current.version()));
        return template
            .findAndModify(sameVersion, update.inc("version", 1), FindAndModifyOptions.options().returnNew(true),
                    Project.class)
            .switchIfEmpty(Mono.error(() -> new OptimisticLockingFailureException(
                    "Project " + current.code() + " changed after version " + current.version() + " was read")));
    }

    /** @throws ApiProblem 422 listing every reference the platform does not know and every item listed twice */
    private Mono<Project> checked(Project project) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (project.name().zh().isBlank()) {
            errors.add(new ApiProblem.FieldError("name.zh", "must not be blank"));
        }
        if (!properties.knowsDepartment(project.leadDepartment())) {
            errors.add(new ApiProblem.FieldError("leadDepartment", "must be " + properties.departmentCodes()));
        }
        Set<String> cooperating = new HashSet<>();
        for (int i = 0; i < project.cooperatingDepartments().size(); i++) {
            String department = project.cooperatingDepartments().get(i);
            String field = "cooperatingDepartments[" + i + "]";
            if (!properties.knowsDepartment(department)) {
                errors.add(new ApiProblem.FieldError(field, "must be " + properties.departmentCodes()));
            }
            else if (department.equals(project.leadDepartment())) {
                errors.add(new ApiProblem.FieldError(field, "is the lead department, which cannot also cooperate"));
            }
            else if (!cooperating.add(department)) {
                errors.add(new ApiProblem.FieldError(field, "is listed twice"));
            }
        }
        Set<Pollutant> pollutants = EnumSet.noneOf(Pollutant.class);
        List<Reduction> items = project.expectedReductions().items();
        for (int i = 0; i < items.size(); i++) {
            if (!pollutants.add(items.get(i).pollutant())) {
                errors.add(new ApiProblem.FieldError("expectedReductions.items[" + i + "].pollutant",
                        "is listed twice"));
            }
        }
        return areas.exists(project.areaCode()).flatMap(known -> {
            if (!known) {
                errors.add(new ApiProblem.FieldError("areaCode", "must be the code of a Table 3 engineering area, "
                        + "see /api/v1/projects/areas"));
            }
            return errors.isEmpty() ? Mono.just(project)
                    : Mono.error(ApiProblem.unprocessable("The project refers to what the platform does not know, "
                            + "or lists an item twice", errors));
        });
    }
}
