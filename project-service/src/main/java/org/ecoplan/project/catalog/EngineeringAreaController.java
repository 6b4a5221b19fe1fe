package org.ecoplan.project.catalog;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The plan's key engineering areas (Table 3), read by every platform role like the projects. */
@RestController
@RequestMapping(ProjectController.PROJECTS + "/areas")
class EngineeringAreaController {

    private final EngineeringAreas areas;

    private final ProjectCatalog catalog;

    EngineeringAreaController(EngineeringAreas areas, ProjectCatalog catalog) {
        this.areas = areas;
        this.catalog = catalog;
    }

    /** An area with the projects that belong to it, in table order. */
    record AreaDetail(@JsonUnwrapped EngineeringArea area, List<Project> projects) {
    }

    @GetMapping
    @Operation(summary = "List the key engineering areas (Table 3), in table order")
    Mono<PageResult<EngineeringArea>> list(@ParameterObject @Valid PageQuery page) {
        return areas.list(page);
    }

    @GetMapping("/{code}")
    @Operation(summary = "One engineering area by its code, e.g. A2021-06, with its projects")
    Mono<AreaDetail> get(@PathVariable String code) {
        return areas.required(code)
                .flatMap(area -> catalog.inArea(code).collectList().map(projects -> new AreaDetail(area, projects)));
    }
}
