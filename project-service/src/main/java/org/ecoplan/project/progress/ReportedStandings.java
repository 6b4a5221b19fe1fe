package org.ecoplan.project.progress;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    @Override
    public Mono<Map<String, Map<LocalDate, ProjectStanding>>> standings(List<Project> projects,
            List<LocalDate> dates) {
        if (projects.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<String> codes = projects.stream().map(Project::code).toList();
        return template.find(Query.query(Criteria.where("projectCode").in(codes)), ProgressReport.class)
            .collectMultimap(ProgressReport::projectCode)
            .map(reports -> {
                Map<String, Map<LocalDate, ProjectStanding>> standings = new LinkedHashMap<>();
                for (Project project : projects) {
                    List<ProgressReport> own = List.copyOf(reports.getOrDefault(project.code(), List.of()));
                    Map<LocalDate, ProjectStanding> byDate = new LinkedHashMap<>();
                    dates.forEach(date -> byDate.put(date, assessment.standing(project, own, date)));
                    standings.put(project.code(), byDate);
                }
                return standings;
            });
    }
}
