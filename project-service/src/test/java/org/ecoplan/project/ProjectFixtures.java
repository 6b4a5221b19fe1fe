package org.ecoplan.project;

import java.math.BigDecimal;
import java.util.Arrays;
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
import org.ecoplan.project.catalog.StatusChange;
import org.ecoplan.project.progress.ProgressReport;
import org.ecoplan.project.progress.ReportingPeriod;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Projects and progress reports of their own for tests, so that no test depends on what another did to the seeded
 * Table 4, and the identities every authorization matrix runs through. Tokens are made on each call: they live five
 * minutes.
 */
public final class ProjectFixtures {

    /** The department that leads every fixture project unless a test says otherwise. */
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
        return project().status(status).years(startYear, completionYear).investment(investment.toPlainString())
            .expecting(reduction(Pollutant.COD, "10")).store(template);
    }

    public Project stored(String code) {
        return template.findOne(Query.query(Criteria.where("code").is(code)), Project.class).block();
    }

    /** A code no other test uses, of the platform's shape. */
    public static String newCode() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /**
     * A project of its own for one test: led by {@link #LEAD}, under construction 2021-2030, 100 万元, COD 5 t/a, in
     * area A2021-01.
     */
    public static Builder project() {
        return new Builder();
    }

    public static Reduction reduction(Pollutant pollutant, String tonnesPerYear) {
        return new Reduction(pollutant, new BigDecimal(tonnesPerYear), ExpectedReductions.TONNES_PER_YEAR);
    }

    /** {@code pollutant=t/a,...}, empty for none. */
    public static List<Reduction> reductions(String items) {
        return items.isEmpty() ? List.of()
                : Arrays.stream(items.split(",")).map(item -> item.split("="))
                    .map(item -> reduction(Pollutant.valueOf(item[0]), item[1]))
                    .toList();
    }

    /**
     * A progress report as the progress feature stores it, figures to date; a {@code period} that is no
     * {@link ReportingPeriod} is kept as text without its days, as data that never came through the API may be.
     */
    public static ProgressReport report(String projectCode, String period, String disbursed,
            List<Reduction> achieved) {
        var parsed = ReportingPeriod.tryParse(period);
        return new ProgressReport(null, projectCode, period, parsed.map(ReportingPeriod::firstDay).orElse(null),
                parsed.map(ReportingPeriod::lastDay).orElse(null), BigDecimal.TEN,
                new Investment(new BigDecimal(disbursed), Investment.WAN_YUAN), achieved, "", List.of(), null, null,
                null, null, null);
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
        return TestJwts.token("eco-admin", PlatformRoles.ECO_ADMIN).bearer();
    }

    /** An editor of the fixtures' lead department. */
    public static Consumer<HttpHeaders> leadEditor() {
        return editorOf(LEAD);
    }

    public static Consumer<HttpHeaders> editorOf(String department) {
        return TestJwts.token(department + "-editor", PlatformRoles.BUREAU_EDITOR).department(department).bearer();
    }

    /** A token with {@code role} and no department or enterprise. */
    public static Consumer<HttpHeaders> role(String role) {
        return TestJwts.token("someone-" + role, role).bearer();
    }

    public static Consumer<HttpHeaders> viewer() {
        return role(PlatformRoles.BUREAU_VIEWER);
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

    public static final class Builder {

        private String code = newCode();

        private String type = "测试类型";

        private String leadDepartment = LEAD;

        private List<String> cooperatingDepartments = List.of();

        private int startYear = 2021;

        private int completionYear = 2030;

        private String investment = "100";

        private ProjectStatus status = ProjectStatus.UNDER_CONSTRUCTION;

        private List<StatusChange> history = List.of();

        private ExpectedReductions expected = new ExpectedReductions("预计环境绩效：COD削减5吨/年。",
                List.of(reduction(Pollutant.COD, "5")));

        private Builder() {
        }

        public Builder code(String code) {
            this.code = code;
            return this;
        }

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder lead(String department, String... cooperating) {
            this.leadDepartment = department;
            this.cooperatingDepartments = List.of(cooperating);
            return this;
        }

        public Builder years(int start, int completion) {
            this.startYear = start;
            this.completionYear = completion;
            return this;
        }

        /** In 万元. */
        public Builder investment(String amount) {
            this.investment = amount;
            return this;
        }

        public Builder status(ProjectStatus status) {
            this.status = status;
            return this;
        }

        /** The transitions so far, oldest first; {@link #status} should be the last one's. */
        public Builder history(List<StatusChange> history) {
            this.history = history;
            return this;
        }

        /** The reductions the project promises, none for a project without quantified ones. */
        public Builder expecting(Reduction... reductions) {
            this.expected = new ExpectedReductions(reductions.length == 0 ? null : "预计环境绩效", List.of(reductions));
            return this;
        }

        public Builder expecting(List<Reduction> reductions) {
            return expecting(reductions.toArray(Reduction[]::new));
        }

        public Project store(ReactiveMongoTemplate template) {
            return template.insert(build()).block();
        }

        public Project build() {
            return new Project(null, code, type, "A2021-01", new LocalizedName("测试项目", "Test project"),
                    "岳阳-岳阳楼区", BuildNature.CONTINUED, startYear, completionYear, "测试内容。预计环境绩效：COD削减5吨/年。",
                    new Investment(new BigDecimal(investment), Investment.WAN_YUAN), expected, leadDepartment,
                    cooperatingDepartments, status, history, List.of(), List.of(), null);
        }
    }
}
