package org.ecoplan.project.progress;

import java.time.LocalDate;

import org.ecoplan.project.catalog.Project;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Standings from the project and the progress reports whose periods have ended by the day asked about. It reads
 * the reports itself rather than through {@link ProgressReports}: the catalogue, which reports need, asks for
 * standings in turn. A project has some dozens of reports in a plan period, so all of them are read and the
 * assessment picks those that count.
 */
@Component
class ReportedStandings implements ProjectStandings {

    private final ReactiveMongoTemplate template;

    private final ScheduleAssessment assessment;

    ReportedStandings(ReactiveMongoTemplate template, ScheduleAssessment assessment) {
        this.template = template;
        this.assessment = assessment;
    }

    @Override
    public Mono<ProjectStanding> standing(Project project, LocalDate date) {
        return template.find(Query.query(Criteria.where("projectCode").is(project.code())), ProgressReport.class)
            .collectList()
            .map(reports -> assessment.standing(project, reports, date));
    }
}
