package org.ecoplan.project.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoplan.project.ProjectFixtures.admin;
import static org.ecoplan.project.ProjectFixtures.ifMatch;
import static org.ecoplan.project.ProjectFixtures.role;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.stream.Stream;

import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.project.ProjectFixtures;
import org.ecoplan.project.ProjectServiceTest;
import org.ecoplan.common.time.BureauDay;
import org.ecoplan.project.catalog.Project;
import org.ecoplan.project.catalog.ProjectStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The real standings through the API: a 2024-2025 project of 1000 万元 reported on in 2024, checked in 2024, 2025
 * and 2026 (the arithmetic is {@link ScheduleAssessmentTest}'s).
 */
@ProjectServiceTest
class ScheduleApiTest {

    @Autowired
    private WebTestClient client;

    @Autowired
    private ProjectStandings standings;

    @Autowired
    private Clock clock;

    @Autowired
    private ProjectFixtures fixtures;

    private Project project;

    @BeforeEach
    void reportedProject() {
        project = fixtures.insert(ProjectStatus.UNDER_CONSTRUCTION);
        report("2024-Q1", 20, 250);
        report("2024-Q4", 30, 400);
    }

    @Test
    void theStandingsBeanIsTheReportedOne() {
        assertThat(standings).isInstanceOf(ReportedStandings.class);
    }

    @Test
    void in2024TheFirstQuarterIsAheadOfPlan() {
        JsonNode standing = schedule("2024-06-15");

        assertThat(standing.get("projectCode").asString()).isEqualTo(project.code());
        assertThat(standing.get("asOf").asString()).isEqualTo("2024-06-15");
        assertThat(standing.get("scheduleStatus").asString()).isEqualTo("ON_SCHEDULE");
        assertThat(standing.get("latestReport").asString()).isEqualTo("2024-Q1");
        assertThat(standing.get("physicalProgress").decimalValue()).isEqualByComparingTo("20");
        assertThat(standing.get("plannedProgress").decimalValue()).isEqualByComparingTo("22.8");
        assertThat(standing.at("/disbursed/amount").decimalValue()).isEqualByComparingTo("250");
        assertThat(standing.at("/disbursed/unit").asString()).isEqualTo("万元");
        assertThat(standing.get("financialProgress").decimalValue()).isEqualByComparingTo("25.0");
        assertThat(standing.at("/achievedReductions/0/pollutant").asString()).isEqualTo("COD");
        assertThat(standing.at("/reasons/0/zh").asString()).contains("2024-Q1进度报告实际完成20%");
        assertThat(standing.get("slippageDays").asLong()).isZero();
    }

    @Test
    void in2025TheLastQuarterOf2024ShowsTheDelay() {
        JsonNode standing = schedule("2025-03-01");

        assertThat(standing.get("scheduleStatus").asString()).isEqualTo("DELAYED");
        assertThat(standing.get("latestReport").asString()).isEqualTo("2024-Q4");
        assertThat(standing.get("financialProgress").decimalValue()).isEqualByComparingTo("40.0");
        assertThat(standing.at("/reasons/0/en").asString())
            .isEqualTo("The 2024-Q4 report shows 30 % complete against 50.1 % planned by 2024-12-31: 20.1 points "
                    + "behind, 20 or more");
        assertThat(standing.get("slippageDays").asLong()).isEqualTo(146);
    }

    @Test
    void in2026AProjectStillBuildingIsOverdueAndOneCompletedInItsYearIsNot() {
        assertThat(schedule("2026-02-01").get("scheduleStatus").asString()).isEqualTo("OVERDUE");

        client.post().uri("/api/v1/projects/{code}/transitions", project.code()).headers(admin())
            .header(HttpHeaders.IF_MATCH, ifMatch(project))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("""
                    {"to": "COMPLETED", "date": "2025-12-20", "reason": "主体工程完工"}""")
            .exchange()
            .expectStatus().isOk();

        JsonNode completed = schedule("2026-02-01");
        assertThat(completed.get("scheduleStatus").asString()).isEqualTo("ON_SCHEDULE");
        assertThat(completed.at("/reasons/0/en").asString())
            .isEqualTo("Completed on 2025-12-20, within its completion year 2025");
        assertThat(schedule("2025-06-01").get("scheduleStatus").asString()).isEqualTo("DELAYED");
    }

    @Test
    void aCancelledProjectHasNoScheduleStatus() {
        Project cancelled = fixtures.insert(ProjectStatus.CANCELLED);

        client.get().uri("/api/v1/projects/{code}/schedule?date=2025-01-01", cancelled.code()).headers(admin())
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.scheduleStatus").doesNotExist()
            .jsonPath("$.reasons[0].en").isEqualTo("Cancelled; no schedule is kept any more");
    }

    @Test
    void withoutADateTheStandingIsTodaysInBeijing() {
        client.get().uri("/api/v1/projects/{code}/schedule", project.code()).headers(admin()).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.asOf").isEqualTo(BureauDay.today(clock).toString());
    }

    @Test
    void aMalformedDateIs400AndAnUnknownProject404() {
        client.get().uri("/api/v1/projects/{code}/schedule?date=2025-13-01", project.code()).headers(admin())
            .exchange()
            .expectStatus().isBadRequest()
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("date");
        client.get().uri("/api/v1/projects/P2099-01/schedule").headers(admin()).exchange()
            .expectStatus().isNotFound();
    }

    static Stream<String> everyRole() {
        return PlatformRoles.ALL.stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("everyRole")
    void everyPlatformRoleReadsTheSchedule(String role) {
        client.get().uri("/api/v1/projects/{code}/schedule?date=2024-06-15", project.code()).headers(role(role))
            .exchange()
            .expectStatus().isOk();
    }

    @Test
    void seededProjectsHaveAStandingToo() {
        client.get().uri("/api/v1/projects/P2021-01/schedule?date=2024-06-15").headers(admin()).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.scheduleStatus").isEqualTo("OVERDUE");
    }

    private void report(String period, int physical, int disbursed) {
        client.post().uri("/api/v1/projects/{code}/reports", project.code()).headers(admin())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("""
                    {"period": "%s", "physicalProgress": %d, "disbursedToDate": {"amount": %s, "unit": "万元"},
                     "achievedReductionsToDate": [{"pollutant": "COD", "amount": 2, "unit": "t/a"}]}"""
                .formatted(period, physical, BigDecimal.valueOf(disbursed)))
            .exchange()
            .expectStatus().isCreated();
    }

    private JsonNode schedule(String date) {
        return client.get().uri("/api/v1/projects/{code}/schedule?date={date}", project.code(), date)
            .headers(role(PlatformRoles.BUREAU_VIEWER))
            .exchange()
            .expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
