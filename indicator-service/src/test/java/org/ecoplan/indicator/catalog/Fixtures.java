package org.ecoplan.indicator.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.TestJwts;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;

/** Identities and indicators for API tests. Tokens are made on each call: they live five minutes. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Consumer<HttpHeaders> admin() {
        return TestJwts.token("eco-admin", PlatformRoles.ECO_ADMIN).bearer();
    }

    /** A second administrator, for the four-eyes rule. */
    public static Consumer<HttpHeaders> otherAdmin() {
        return TestJwts.token("eco-admin-2", PlatformRoles.ECO_ADMIN).bearer();
    }

    public static Consumer<HttpHeaders> editor(String department) {
        return TestJwts.token(department + "-editor", PlatformRoles.BUREAU_EDITOR).department(department).bearer();
    }

    public static Consumer<HttpHeaders> role(String role) {
        TestJwts.Token token = TestJwts.token("user-" + role, role);
        if (role.equals(PlatformRoles.BUREAU_EDITOR)) {
            token.department("env");
        }
        if (role.equals(PlatformRoles.ENTERPRISE)) {
            token.enterpriseId("E-430602-0001");
        }
        return token.bearer();
    }

    /** Every platform role that may not change data. */
    public static List<String> readOnlyRoles() {
        return List.of(PlatformRoles.BUREAU_VIEWER, PlatformRoles.PLAN_REVIEWER, PlatformRoles.ENTERPRISE,
                PlatformRoles.INTEGRATOR_READ, PlatformRoles.INTEGRATOR_WRITE);
    }

    /** A fresh numeric indicator of the department, stored directly. */
    public static Indicator indicator(ReactiveMongoTemplate template, String department, String unit) {
        return indicator(template, department, unit,
                new Target(2025, TargetType.NUMERIC, new BigDecimal("34"), Direction.LOWER_IS_BETTER, "34"));
    }

    public static Indicator indicator(ReactiveMongoTemplate template, String department, String unit,
            Target target) {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return template.insert(new Indicator(null, 900, code, List.of("测试类别", "测试"),
                new LocalizedName("测试指标", "Test indicator"), unit, new Baseline(2020, new BigDecimal("36"), "36"),
                target, Attribute.BINDING, department, null)).block();
    }
}
