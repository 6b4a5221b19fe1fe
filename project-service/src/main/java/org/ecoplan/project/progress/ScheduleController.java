package org.ecoplan.project.progress;

import java.time.Clock;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import org.ecoplan.common.time.BureauDay;
import org.ecoplan.project.catalog.ProjectCatalog;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Where a project stands on a day; every platform role reads it. */
@RestController
class ScheduleController {

    private final ProjectCatalog catalog;

    private final ProjectStandings standings;

    private final Clock clock;

    ScheduleController(ProjectCatalog catalog, ProjectStandings standings, Clock clock) {
        this.catalog = catalog;
        this.standings = standings;
        this.clock = clock;
    }

    @GetMapping("/api/v1/projects/{code}/schedule")
    @Operation(summary = "A project's schedule status with its reasons, slippage, physical, planned and financial "
            + "progress on a day (date=2025-06-30; today in Beijing time by default)")
    Mono<ProjectStanding> schedule(@PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        LocalDate day = date == null ? BureauDay.today(clock) : date;
        return catalog.required(code).flatMap(project -> standings.standing(project, day));
    }
}
