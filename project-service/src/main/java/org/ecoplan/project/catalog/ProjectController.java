package org.ecoplan.project.catalog;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.ecoplan.common.spreadsheet.SpreadsheetFormat;
import org.ecoplan.common.web.ETags;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    private final ProjectExport export;

    ProjectController(ProjectCatalog catalog, ProjectExport export) {
        this.catalog = catalog;
        this.export = export;
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

    private Mono<ResponseEntity<ProjectDetail>> withETag(Project project) {
        return catalog.detail(project)
                .map(detail -> ResponseEntity.ok().eTag(ETags.of(project.version())).body(detail));
    }
}
