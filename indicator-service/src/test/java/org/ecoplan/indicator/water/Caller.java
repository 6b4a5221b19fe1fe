package org.ecoplan.indicator.water;

import java.time.Instant;
import java.util.function.Consumer;

import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.TestJwts;
import org.springframework.http.HttpHeaders;

/** Every kind of caller the water endpoints tell apart, and whether it may change sites and samples. */
enum Caller {
    ECO_ADMIN(true, TestJwts.token("eco-admin", PlatformRoles.ECO_ADMIN)),
    ENV_EDITOR(true, TestJwts.token("env-editor", PlatformRoles.BUREAU_EDITOR).department("env")),
    WATER_EDITOR(true, TestJwts.token("water-editor", PlatformRoles.BUREAU_EDITOR).department("water")),
    LAND_EDITOR(false, TestJwts.token("land-editor", PlatformRoles.BUREAU_EDITOR).department("land")),
    EDITOR_WITHOUT_DEPARTMENT(false, TestJwts.token("editor", PlatformRoles.BUREAU_EDITOR)),
    VIEWER_OF_ENV(false, TestJwts.token("viewer", PlatformRoles.BUREAU_VIEWER).department("env")),
    PLAN_REVIEWER(false, TestJwts.token("reviewer", PlatformRoles.PLAN_REVIEWER)),
    ENTERPRISE(false, TestJwts.token("enterprise-a", PlatformRoles.ENTERPRISE).enterpriseId("E-430602-0001")),
    INTEGRATOR_READ(false, TestJwts.token("integrator", PlatformRoles.INTEGRATOR_READ)),
    INTEGRATOR_WRITE(false, TestJwts.token("monitoring-network", PlatformRoles.INTEGRATOR_WRITE));

    private final boolean edits;
    private final TestJwts.Token token;

    Caller(boolean edits, TestJwts.Token token) {
        this.edits = edits;
        this.token = token;
    }

    boolean edits() {
        return edits;
    }

    /** A fresh token each time: a token made when the class loaded could expire during a slow build. */
    Consumer<HttpHeaders> bearer() {
        return token.expiresAt(Instant.now().plusSeconds(300)).bearer();
    }
}
