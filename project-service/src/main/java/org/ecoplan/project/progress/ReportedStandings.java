package org.ecoplan.project.progress;

import java.time.LocalDate;

import org.ecoplan.project.catalog.Project;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Standings from the project and the progress reports whose periods have ended by the day asked about. */
@Component
class ReportedStandings implements ProjectStandings {

    private final ProgressReports reports;

    private final ScheduleAssessment assessment;

    ReportedStandings(ProgressReports reports, ScheduleAssessment assessment) {
        this.reports = reports;
        this.assessment = assessment;
    }

    @Override
    public Mono<ProjectStanding> standing(Project project, LocalDate date) {
        return reports.countedOn(project.code(), date)
            .collectList()
            .map(counted -> assessment.standing(project, counted, date));
    }
}
