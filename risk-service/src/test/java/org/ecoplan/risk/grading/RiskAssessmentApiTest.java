package org.ecoplan.risk.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.TestJwts;
import org.ecoplan.risk.RiskServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@RiskServiceTest
class RiskAssessmentApiTest {

    private static final String GRADE = "/api/v1/risk-assessments/grade";

    /** The issue's example request. */
    private static final String EXAMPLE = """
            {"air": {"q": 12.5, "m": 30, "e": "E1"},
             "water": {"substances": [{"cas": "7782-50-5", "quantity": 2}], "m": 10, "e": "E3"},
             "incidentInLast3Years": false}
            """;

    @Autowired
    private WebTestClient client;

    @Test
    void gradesTheIssuesExample() {
        JsonNode grade = grade(EXAMPLE, PlatformRoles.BUREAU_VIEWER).expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(grade.get("level").asString()).isEqualTo("重大");
        assertThat(grade.get("letter").asString()).isEqualTo("H");
        assertThat(grade.get("riskLevel").asString()).isEqualTo("MAJOR");
        assertThat(grade.get("code").asString()).isEqualTo("重大[重大-大气(Q2-M2-E1)+一般-水(Q1-M1-E3)]");
        assertThat(grade.at("/air/level").asString()).isEqualTo("重大");
        assertThat(grade.at("/air/qClass").asString()).isEqualTo("Q2");
        assertThat(grade.at("/air/mClass").asString()).isEqualTo("M2");
        assertThat(grade.at("/air/e").asString()).isEqualTo("E1");
        assertThat(grade.at("/water/q").decimalValue()).isEqualByComparingTo("2");
        assertThat(grade.at("/water/level").asString()).isEqualTo("一般");
        assertThat(grade.get("standard").asString()).isEqualTo("HJ 941-2018");
    }

    @Test
    void anIncidentRaisesOneLevelAndAMissingMediumIsQ0() {
        client.post().uri(GRADE).headers(role(PlatformRoles.ENTERPRISE)).contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"water\": {\"q\": 3, \"m\": 30, \"e\": \"E2\"}, \"incidentInLast3Years\": true}")
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.code").isEqualTo("重大[一般-大气(Q0)+较大-水(Q1-M2-E2)]")
            .jsonPath("$.matrixLevel").isEqualTo("较大")
            .jsonPath("$.raised").isEqualTo(true)
            .jsonPath("$.air.mClass").doesNotExist();
    }

    @Test
    void unknownCasIs422NamingIt() {
        grade(EXAMPLE.replace("7782-50-5", "105-60-2"), PlatformRoles.ECO_ADMIN)
            .expectStatus().isEqualTo(422)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field").isEqualTo("water.substances[0].cas")
            .jsonPath("$.errors[0].message")
            .isEqualTo("105-60-2 is not in HJ 941-2018 Appendix A as this service holds it");
    }

    @Test
    void eachMediumTakesEitherQOrSubstancesAndFromQ1OnMAndE() {
        grade("{\"air\": {\"q\": 2, \"substances\": [], \"m\": 1, \"e\": \"E1\"}, \"water\": {\"q\": 5}}",
                PlatformRoles.ECO_ADMIN)
            .expectStatus().isEqualTo(422)
            .expectBody()
            .jsonPath("$.errors.length()").isEqualTo(3)
            .jsonPath("$.errors[0].field").isEqualTo("air")
            .jsonPath("$.errors[1].field").isEqualTo("water.e")
            .jsonPath("$.errors[2].field").isEqualTo("water.m");
        grade("{\"air\": {\"m\": 1}}", PlatformRoles.ECO_ADMIN).expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.errors[0].message").isEqualTo("needs q or substances");
    }

    @Test
    void mAboveTheStandardsMaximumIs422AndNegativeQuantitiesAre400() {
        grade("{\"air\": {\"q\": 2, \"m\": 101, \"e\": \"E1\"}}", PlatformRoles.ECO_ADMIN)
            .expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("air.m");
        grade("{\"air\": {\"substances\": [{\"cas\": \"71-43-2\", \"quantity\": -1}], \"m\": 1, \"e\": \"E1\"}}",
                PlatformRoles.ECO_ADMIN)
            .expectStatus().isBadRequest()
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("air.substances[0].quantity");
        grade("{\"air\": {\"substances\": [null], \"m\": 1, \"e\": \"E1\"}}", PlatformRoles.ECO_ADMIN)
            .expectStatus().isBadRequest()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("air.substances[0]");
        grade("{\"air\": {\"q\": 2, \"m\": 1, \"e\": \"E4\"}}", PlatformRoles.ECO_ADMIN)
            .expectStatus().isBadRequest()
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("air.e");
    }

    static Stream<String> everyRole() {
        return PlatformRoles.ALL.stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRole")
    void everyPlatformRoleGradesAndReadsTheStandardsTables(String role) {
        grade(EXAMPLE, role).expectStatus().isOk();
        JsonNode substances = client.get().uri("/api/v1/risk-assessments/substances").headers(role(role)).exchange()
            .expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(substances.size()).isGreaterThanOrEqualTo(40);
        client.get().uri("/api/v1/risk-assessments/process-types").headers(role(role)).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$[0].code").isEqualTo("HAZARDOUS_PROCESS");
    }

    @Test
    void gradingNeedsAPlatformToken() {
        client.post().uri(GRADE).contentType(MediaType.APPLICATION_JSON).bodyValue(EXAMPLE).exchange()
            .expectStatus().isUnauthorized();
        client.post().uri(GRADE).headers(TestJwts.token("stranger", "offline_access").bearer())
            .contentType(MediaType.APPLICATION_JSON).bodyValue(EXAMPLE).exchange()
            .expectStatus().isForbidden();
    }

    private WebTestClient.ResponseSpec grade(String body, String role) {
        return client.post().uri(GRADE).headers(role(role)).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
            .exchange();
    }

    private static java.util.function.Consumer<org.springframework.http.HttpHeaders> role(String role) {
        return TestJwts.token("someone", role).enterpriseId("E-430602-0001").department("env").bearer();
    }
}
