package org.ecoplan.project;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.TestJwts;
import org.ecoplan.project.catalog.BuildNature;
import org.ecoplan.project.catalog.ExpectedReductions;
import org.ecoplan.project.catalog.ExpectedReductions.Reduction;
import org.ecoplan.project.catalog.Investment;
import org.ecoplan.project.catalog.Pollutant;
import org.ecoplan.project.catalog.Project;
import org.ecoplan.project.catalog.ProjectStatus;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Projects of their own for tests that change them, so that no test depends on what another did to the seeded
 * Table 4, and the identities every authorization matrix runs through.
 */
public final class ProjectFixtures {

    /** The department that leads every fixture project. */
    public static final String LEAD = "env";

    private final ReactiveMongoTemplate template;

    public ProjectFixtures(ReactiveMongoTemplate template) {
        this.template = template;
    }

    /** A project of department {@link #LEAD}, 2024-2025, 1000 万元, expected to remove 10 t/a of COD. */
    public Project insert(ProjectStatus status) {
        return insert(status, 2024, 2025, new BigDecimal("1000"));
    }

    public Project insert(ProjectStatus status, int startYear, int completionYear, BigDecimal investment) {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8);
        return template.insert(new Project(null, code, "水生态环境提升", null, new LocalizedName("测试项目 " + code, null),
                "岳阳-岳阳楼区", BuildNature.NEW, startYear, completionYear, "测试", new Investment(investment, "万元"),
                new ExpectedReductions("预计环境绩效：COD削减10吨/年。",
                        List.of(new Reduction(Pollutant.COD, BigDecimal.TEN, ExpectedReductions.TONNES_PER_YEAR))),
                LEAD, List.of(), status, List.of(), List.of(), List.of(), null)).block();
    }

    public Project stored(String code) {
        return template.findOne(Query.query(Criteria.where("code").is(code)), Project.class).block();
    }

    public static String ifMatch(Project project) {
        return "\"" + project.version() + "\"";
    }

    /** Sends {@code body} as JSON, with {@code If-Match} unless it is null. */
    public static WebTestClient.ResponseSpec sendJson(WebTestClient.RequestBodySpec request, Consumer<HttpHeaders> who,
            String ifMatch, String body) {
        return request.headers(who)
            .headers(ifMatchHeader(ifMatch))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange();
    }

    /** Sets {@code If-Match} unless {@code ifMatch} is null, for tests of requests without one. */
    public static Consumer<HttpHeaders> ifMatchHeader(String ifMatch) {
        return headers -> {
            if (ifMatch != null) {
                headers.setIfMatch(ifMatch);
            }
        };
    }

    public static Consumer<HttpHeaders> admin() {
        return TestJwts.token("admin", PlatformRoles.ECO_ADMIN).bearer();
    }

    /** An editor of the fixtures' lead department. */
    public static Consumer<HttpHeaders> leadEditor() {
        return editorOf(LEAD);
    }

    public static Consumer<HttpHeaders> editorOf(String department) {
        return TestJwts.token(department + "-editor", PlatformRoles.BUREAU_EDITOR).department(department).bearer();
    }

    public static Consumer<HttpHeaders> role(String role) {
        return TestJwts.token("someone-" + role, role).bearer();
    }

    /** Every platform role that reads projects but changes none. */
    public static List<String> readOnlyRoles() {
        return PlatformRoles.ALL.stream()
            .filter(role -> !role.equals(PlatformRoles.ECO_ADMIN) && !role.equals(PlatformRoles.BUREAU_EDITOR))
            .sorted()
            .toList();
    }

    public static Consumer<HttpHeaders> none() {
        return headers -> {
        };
    }
}
