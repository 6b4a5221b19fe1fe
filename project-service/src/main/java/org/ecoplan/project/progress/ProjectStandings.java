package org.ecoplan.project.progress;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.ecoplan.project.catalog.Project;
import reactor.core.publisher.Mono;

/** Computes where projects stand; what the list, the detail page and the portfolio all read. */
public interface ProjectStandings {

    /** The project's standing on {@code date}: reports for periods ending after it do not count. */
    Mono<ProjectStanding> standing(Project project, LocalDate date);

    /**
     * The standings of {@code projects} on each of {@code dates}, as {@link #standing} judges them, from one read of
     * their reports rather than one per project and day: by project code, then by date.
     */
    Mono<Map<String, Map<LocalDate, ProjectStanding>>> standings(List<Project> projects, List<LocalDate> dates);
}
