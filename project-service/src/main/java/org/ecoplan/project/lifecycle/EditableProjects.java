package org.ecoplan.project.lifecycle;

import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.project.catalog.Project;
import org.ecoplan.project.catalog.ProjectCatalog;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The way into a project for lifecycle and progress: finding it, and changing it and what hangs off it
 * (transitions, milestones, progress reports). {@code eco-admin} changes every project, a {@code bureau-editor} only
 * those their department leads. To an editor another department's project does not exist (404), as DESIGN wants
 * for objects outside one's scope.
 */
@Component
public class EditableProjects {

    /** The audit trail's entity type for a project, keyed by its code. */
    public static final String ENTITY = "project";

    private final ProjectCatalog catalog;

    private final ReactiveMongoTemplate template;

    EditableProjects(ProjectCatalog catalog, ReactiveMongoTemplate template) {
        this.catalog = catalog;
        this.template = template;
    }

    /** @throws ApiProblem 404 for an unknown project */
    public Mono<Project> required(String code) {
        return catalog.byCode(code).switchIfEmpty(Mono.error(() -> notFound(code)));
    }

    /** @throws ApiProblem 404 for an unknown project and for one outside the caller's department */
    public Mono<Project> editable(EcoPrincipal who, String code) {
        return required(code).filter(project -> mayEdit(who, project)).switchIfEmpty(Mono.error(() -> notFound(code)));
    }

    private static boolean mayEdit(EcoPrincipal who, Project project) {
        return who.hasRole(PlatformRoles.ECO_ADMIN) || (who.hasRole(PlatformRoles.BUREAU_EDITOR)
                && who.department().filter(project.leadDepartment()::equals).isPresent());
    }

    private static ApiProblem notFound(String code) {
        return ApiProblem.notFound("There is no project with code " + code);
    }

    /**
     * Applies {@code update} to the project as the caller read it, in one single-document write conditional on its
     * version, so that of two changes based on the same version exactly one lands. Only the fields the update
     * names change; the rest of the document stays as stored.
     *
     * @return the project as stored afterwards
     * @throws OptimisticLockingFailureException when another change came first (common answers 412)
     */
    Mono<Project> change(Project current, Update update) {
        Query sameVersion = Query.query(Criteria.where("code").is(current.code()).and("version").is(current.version()));
        return template
            .findAndModify(sameVersion, update.inc("version", 1), FindAndModifyOptions.options().returnNew(true),
                    Project.class)
            .switchIfEmpty(Mono.error(() -> new OptimisticLockingFailureException(
                    "Project " + current.code() + " changed after version " + current.version() + " was read")));
    }
}
