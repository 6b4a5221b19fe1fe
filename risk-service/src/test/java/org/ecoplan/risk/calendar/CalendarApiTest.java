package org.ecoplan.risk.calendar;

import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.MongoTestConfiguration;
import org.ecoplan.common.testing.TestJwts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@Import({ MongoTestConfiguration.class, TestJwts.class })
class CalendarApiTest {

    @Autowired
    private WebTestClient client;

    @ParameterizedTest
    @ValueSource(strings = { PlatformRoles.ECO_ADMIN, PlatformRoles.BUREAU_EDITOR, PlatformRoles.BUREAU_VIEWER,
            PlatformRoles.PLAN_REVIEWER, PlatformRoles.ENTERPRISE, PlatformRoles.INTEGRATOR_READ,
            PlatformRoles.INTEGRATOR_WRITE })
    void everyPlatformRoleAddsWorkingDays(String role) {
        client.get().uri("/api/v1/calendar/working-days?from=2025-09-26&add=20")
            .headers(TestJwts.token("someone", role).bearer())
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.date").isEqualTo("2025-10-30")
            .jsonPath("$.estimated").isEqualTo(false);
    }

    @Test
    void countsWorkingDaysBetweenTwoDates() {
        get("/api/v1/calendar/working-days?from=2025-09-26&to=2025-10-30")
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.workingDays").isEqualTo(20);
    }

    @Test
    void anUnpublishedYearIs422UnlessEstimated() {
        get("/api/v1/calendar/working-days?from=2026-12-30&add=5")
            .expectStatus().isEqualTo(422)
            .expectBody()
            .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                .contains("2027").contains("estimate=true"))
            .jsonPath("$.errors[0].field").isEqualTo("estimate");
        get("/api/v1/calendar/working-days?from=2026-12-30&add=5&estimate=true")
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.date").isEqualTo("2027-01-06")
            .jsonPath("$.estimated").isEqualTo(true);
    }

    @Test
    void badQueriesAre400() {
        get("/api/v1/calendar/working-days?from=2025-09-26").expectStatus().isBadRequest();
        get("/api/v1/calendar/working-days?from=2025-09-26&add=1&to=2025-10-01").expectStatus().isBadRequest();
        get("/api/v1/calendar/working-days?from=2025-09-26&add=-1").expectStatus().isBadRequest();
        get("/api/v1/calendar/working-days?from=26.9.2025&add=1").expectStatus().isBadRequest()
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
        get("/api/v1/calendar/working-days?from=2025-01-01&to=2040-01-01").expectStatus().isBadRequest();
    }

    @Test
    void aPublishedYearListsItsNotice() {
        get("/api/v1/calendar/years/2025")
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.notice").isEqualTo("国办发明电〔2024〕12号")
            .jsonPath("$.entries[?(@.date == '2025-01-26')].kind").isEqualTo("WORKDAY");
        get("/api/v1/calendar/years/2030").expectStatus().isNotFound();
    }

    @Test
    void withoutTokenIs401AndWithoutPlatformRoleIs403() {
        client.get().uri("/api/v1/calendar/working-days?from=2025-09-26&add=20").exchange()
            .expectStatus().isUnauthorized();
        client.get().uri("/api/v1/calendar/working-days?from=2025-09-26&add=20")
            .headers(TestJwts.token("nobody", "offline_access").bearer())
            .exchange()
            .expectStatus().isForbidden();
    }

    private WebTestClient.ResponseSpec get(String uri) {
        return client.get().uri(uri).headers(TestJwts.token("viewer", PlatformRoles.BUREAU_VIEWER).bearer()).exchange();
    }
}
