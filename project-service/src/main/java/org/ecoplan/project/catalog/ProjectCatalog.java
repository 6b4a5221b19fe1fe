package org.ecoplan.project.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.time.BureauDay;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.ecoplan.project.progress.ProjectStandings;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads the plan's key projects, each with where it stands today. */
@Component
public class ProjectCatalog {

    private final ReactiveMongoTemplate template;

    private final ProjectStandings standings;

    private final ProjectProperties properties;

    private final Clock clock;

    ProjectCatalog(ReactiveMongoTemplate template, ProjectStandings standings, ProjectProperties properties,
            Clock clock) {
        this.template = template;
        this.standings = standings;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * One page of the projects matching {@code filter}, in the {@code sort} order of {@link ProjectOrder}. MongoDB
     * filters, sorts and pages the stored fields; where a schedule filter or the slippage order needs the
     * standings, every candidate's is computed and the rest happens in memory. A district has tens of key
     * projects, not thousands.
     *
     * @throws ApiProblem 400 for an unknown department or sort field
     */
    public Mono<PageResult<ListedProject>> list(ProjectFilter filter, PageQuery page) {
        return Mono.defer(() -> {
            ProjectOrder order = checked(filter, page.sort());
            if (filter.readsStanding() || order.readsStanding()) {
                return all(filter, order).collectList()
                        .map(all -> PageResult.of(pageOf(all, page), all.size(), page));
            }
            LocalDate today = today();
            Query pageQuery = new Query(filter.criteria()).with(order.stored()).skip(page.offset())
                    .limit(page.size());
            return Mono.zip(template.find(pageQuery, Project.class).collectList()
                    .flatMap(projects -> listed(projects, today)),
                    template.count(new Query(filter.criteria()), Project.class))
                    .map(found -> PageResult.of(found.getT1(), found.getT2(), page));
        });
    }

    /**
     * Every project matching {@code filter}, in the {@code sort} order, for exports.
     *
     * @throws ApiProblem 400 for an unknown department or sort field
     */
    public Flux<ListedProject> all(ProjectFilter filter, String sort) {
        return Flux.defer(() -> all(filter, checked(filter, sort)));
    }

    public Mono<Project> byCode(String code) {
        return template.findOne(Query.query(Criteria.where("code").is(code)), Project.class);
    }

    /** Like {@link #byCode}, for requests about the project: @throws ApiProblem 404 when there is none */
    public Mono<Project> required(String code) {
        return byCode(code).switchIfEmpty(Mono.error(() -> notFound(code)));
    }

    /**
     * The project, for a request that changes it or what hangs off it.
     *
     * @throws ApiProblem 404 for an unknown project and for one outside the caller's {@link ProjectScope}
     */
    public Mono<Project> editable(EcoPrincipal who, String code) {
        return required(code).filter(project -> ProjectScope.mayChange(who, project))
            .switchIfEmpty(Mono.error(() -> notFound(code)));
    }

    /** The projects of a Table 3 area, in table order. */
    public Flux<Project> inArea(String areaCode) {
        return template.find(Query.query(Criteria.where("areaCode").is(areaCode)).with(ProjectOrder.TABLE_ORDER),
                Project.class);
    }

    public Mono<ProjectDetail> detail(Project project) {
        return standings.standing(project, today()).map(standing -> new ProjectDetail(project, standing));
    }

    /** The answer for a project that does not exist, and for one an editor may not change: ids cannot be probed. */
    private static ApiProblem notFound(String code) {
        return ApiProblem.notFound("There is no project with code " + code);
    }

    private Flux<ListedProject> all(ProjectFilter filter, ProjectOrder order) {
        LocalDate today = today();
        return template.find(new Query(filter.criteria()), Project.class).collectList()
                .flatMap(projects -> listed(projects, today))
                .flatMapIterable(listed -> listed)
                .filter(listed -> filter.accepts(listed.standing()))
                .sort(order.comparator());
    }

    private ProjectOrder checked(ProjectFilter filter, String sort) {
        if (filter.department() != null && !properties.knowsDepartment(filter.department())) {
            throw ApiProblem.badRequest("There is no department " + filter.department(),
                    List.of(new ApiProblem.FieldError("department", "must be " + properties.departmentCodes())));
        }
        return ProjectOrder.of(sort);
    }

    /** The projects with their standings today, from one read of their reports. */
    private Mono<List<ListedProject>> listed(List<Project> projects, LocalDate today) {
        return standings.standings(projects, List.of(today)).map(byCode -> projects.stream()
                .map(project -> new ListedProject(project, StandingSummary.of(byCode.get(project.code()).get(today))))
                .toList());
    }

    private LocalDate today() {
        return BureauDay.today(clock);
    }

    private static <T> List<T> pageOf(List<T> all, PageQuery page) {
        int from = (int) Math.min(page.offset(), all.size());
        return all.subList(from, Math.min(from + page.size(), all.size()));
    }
}
