package org.ecoplan.project.progress;

import java.time.LocalDate;

import org.ecoplan.project.catalog.Project;
import reactor.core.publisher.Mono;

/** Computes where projects stand; what the list, the detail page and the portfolio all read. */
public interface ProjectStandings {

    /** The project's standing on {@code date}: reports for periods ending after it do not count. */
    Mono<ProjectStanding> standing(Project project, LocalDate date);
}
