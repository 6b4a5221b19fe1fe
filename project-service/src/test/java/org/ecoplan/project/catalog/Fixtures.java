package org.ecoplan.project.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.TestJwts;
import org.ecoplan.project.catalog.ExpectedReductions.Reduction;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;

/** Identities and projects for API tests. Tokens are made on each call: they live five minutes. */
final class Fixtures {

    private Fixtures() {
    }

    static Consumer<HttpHeaders> admin() {
        return TestJwts.token("eco-admin", PlatformRoles.ECO_ADMIN).bearer();
    }

    static Consumer<HttpHeaders> editor(String department) {
        return TestJwts.token(department + "-editor", PlatformRoles.BUREAU_EDITOR).department(department).bearer();
    }

    static Consumer<HttpHeaders> role(String role) {
        TestJwts.Token token = TestJwts.token("user-" + role, role);
        if (role.equals(PlatformRoles.BUREAU_EDITOR)) {
            token.department("env");
        }
        if (role.equals(PlatformRoles.ENTERPRISE)) {
            token.enterpriseId("E-430602-0001");
        }
        return token.bearer();
    }

    /** Every platform role that may not change projects. */
    static List<String> readOnlyRoles() {
        return List.of(PlatformRoles.BUREAU_VIEWER, PlatformRoles.PLAN_REVIEWER, PlatformRoles.ENTERPRISE,
                PlatformRoles.INTEGRATOR_READ, PlatformRoles.INTEGRATOR_WRITE);
    }

    /** A code no other test uses, of the platform's shape. */
    static String newCode() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A project of its own for one test: led by env, 2021-2030, 100 万元, COD 5 t/a, in area A2021-01. */
    static Builder project() {
        return new Builder();
    }

    static final class Builder {

        private String code = newCode();

        private String type = "测试类型";

        private String leadDepartment = "env";

        private List<String> cooperatingDepartments = List.of();

        private int startYear = 2021;

        private int completionYear = 2030;

        private String investment = "100";

        private ProjectStatus status = ProjectStatus.UNDER_CONSTRUCTION;

        Builder code(String code) {
            this.code = code;
            return this;
        }

        Builder type(String type) {
            this.type = type;
            return this;
        }

        Builder lead(String department, String... cooperating) {
            this.leadDepartment = department;
            this.cooperatingDepartments = List.of(cooperating);
            return this;
        }

        Builder years(int start, int completion) {
            this.startYear = start;
            this.completionYear = completion;
            return this;
        }

        Builder investment(String amount) {
            this.investment = amount;
            return this;
        }

        Builder status(ProjectStatus status) {
            this.status = status;
            return this;
        }

        Project store(ReactiveMongoTemplate template) {
            return template.insert(build()).block();
        }

        Project build() {
            return new Project(null, code, type, "A2021-01", new LocalizedName("测试项目", "Test project"),
                    "岳阳-岳阳楼区", BuildNature.CONTINUED, startYear, completionYear, "测试内容。预计环境绩效：COD削减5吨/年。",
                    new Investment(new BigDecimal(investment), Investment.WAN_YUAN),
                    new ExpectedReductions("预计环境绩效：COD削减5吨/年。",
                            List.of(new Reduction(Pollutant.COD, new BigDecimal("5"), ExpectedReductions.TONNES_PER_YEAR))),
                    leadDepartment, cooperatingDepartments, status, List.of(), List.of(), List.of(), null);
        }
    }
}
