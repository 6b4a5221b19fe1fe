package org.ecoplan.project.catalog;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The plan's key projects. The plan is a public document, so every platform role reads them, enterprise
 * accounts included; common's security already refuses tokens without a platform role.
 */
@RestController
@RequestMapping(ProjectController.PROJECTS)
class ProjectController {

    static final String PROJECTS = "/api/v1/projects";

    private final ProjectCatalog catalog;

    ProjectController(ProjectCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "List the plan's key projects (Table 4), in table order unless sorted")
    Mono<PageResult<Project>> list(@ParameterObject @Valid PageQuery page) {
        return catalog.list(page);
    }

    @GetMapping("/{code}")
    @Operation(summary = "One key project by its code, e.g. P2021-01")
    Mono<Project> get(@PathVariable String code) {
        return catalog.byCode(code)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("There is no project with code " + code)));
    }
}
