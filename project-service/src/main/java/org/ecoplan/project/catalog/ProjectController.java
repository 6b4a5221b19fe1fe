package org.ecoplan.project.catalog;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.ecoplan.common.audit.AuditEntry;
import org.ecoplan.common.audit.AuditTrail;
import org.ecoplan.common.idempotency.IdempotencyKeys;
import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.spreadsheet.SpreadsheetFormat;
import org.ecoplan.common.web.ETags;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The plan's key projects. The plan is a public document, so every platform role reads them and their history,
 * enterprise accounts included; common's security already refuses tokens without a platform role. Changes need
 * {@code If-Match} with the ETag (the project's version) and are audited.
 */
@RestController
@RequestMapping(ProjectController.PROJECTS)
class ProjectController {

    static final String PROJECTS = "/api/v1/projects";

    private final ProjectCatalog catalog;

    private final Projects projects;

    private final ProjectExport export;

    private final AuditTrail audit;

    private final IdempotencyKeys idempotency;

    ProjectController(ProjectCatalog catalog, Projects projects, ProjectExport export, AuditTrail audit,
            IdempotencyKeys idempotency) {
        this.catalog = catalog;
        this.projects = projects;
        this.export = export;
        this.audit = audit;
        this.idempotency = idempotency;
    }

    @GetMapping
    @Operation(summary = "List the plan's key projects (Table 4) with where each stands today, in table order "
            + "unless sorted (code, startYear, completionYear, investment, slippage)")
    Mono<PageResult<ListedProject>> list(@ParameterObject @Valid PageQuery page,
            @ParameterObject @Valid ProjectFilter filter) {
        return catalog.list(filter, page);
    }

    @GetMapping("/export")
    @Operation(summary = "The list, with the same filters and sort, as CSV (UTF-8 with BOM) or XLSX")
    Mono<ResponseEntity<byte[]>> export(@RequestParam(defaultValue = "csv") String format,
            @ParameterObject @Valid ProjectFilter filter, @RequestParam(required = false) String sort) {
        SpreadsheetFormat chosen = SpreadsheetFormat.requireNamed(format);
        return export.table(filter, sort).map(table -> table.download("ecoplan-projects", chosen));
    }

    @GetMapping("/{code}")
    @Operation(summary = "One key project by its code, e.g. P2021-01, with its full standing today")
    Mono<ResponseEntity<ProjectDetail>> get(@PathVariable String code) {
        return catalog.required(code).flatMap(this::withETag);
    }

    @PostMapping
    @PreAuthorize(ProjectAccess.ADMIN)
    @Operation(summary = "Add a project (eco-admin); accepts Idempotency-Key")
    Mono<ResponseEntity<Project>> create(@Valid @RequestBody ProjectDraft draft,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key, ServerHttpRequest request) {
        return idempotency.once(key, request, draft, Project.class, () -> projects.create(draft)
                .map(created -> ResponseEntity.created(URI.create(PROJECTS + "/" + created.code()))
                        .eTag(ETags.of(created.version()))
                        .body(created)));
    }

    @PatchMapping("/{code}")
    @PreAuthorize(ProjectAccess.EDITORS)
    @Operation(summary = "Change a project's fields (eco-admin, or an editor of its lead department); needs "
            + "If-Match; changes of scope, budget or dates need a reason and become modifications")
    Mono<ResponseEntity<ProjectDetail>> change(@PathVariable String code, @Valid @RequestBody ProjectChanges changes,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal EcoPrincipal principal) {
        return projects.change(principal, code, ETags.ifMatch(ifMatch), changes).flatMap(this::withETag);
    }

    @GetMapping("/{code}/history")
    @Operation(summary = "Every change to a project, newest first: who, when, before and after")
    Mono<PageResult<AuditEntry>> history(@PathVariable String code, @ParameterObject @Valid PageQuery page) {
        return catalog.required(code).then(audit.history(Projects.ENTITY, code, page));
    }

    private Mono<ResponseEntity<ProjectDetail>> withETag(Project project) {
        return catalog.detail(project)
                .map(detail -> ResponseEntity.ok().eTag(ETags.of(project.version())).body(detail));
    }
}
