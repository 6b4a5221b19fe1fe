package org.ecoplan.indicator.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;

import org.bson.Document;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.ErrorDisclosure;
import org.ecoplan.common.testing.OpenEndpoints;
import org.ecoplan.common.testing.TestJwts;
import org.ecoplan.indicator.catalog.Fixtures;
import org.ecoplan.indicator.catalog.Indicator;
import org.ecoplan.indicator.catalog.IndicatorServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * OWASP API Security Top 10 (2023) cases against indicator-service directly: object level (API1), property level
 * (API3), resource consumption (API4), function level (API5, the four-eyes rule among them), the configuration
 * review (API8) and what errors and logs disclose. Every refused write is checked to have left the stored documents
 * as they were.
 */
@IndicatorServiceTest
@ExtendWith(OutputCaptureExtension.class)
class ApiSecurityTest {

    private static final String INDICATORS = "/api/v1/indicators";

    private static final String OBSERVATION = """
            {"period": "2023", "value": 33.5, "source": "岳阳市生态环境监测中心", "method": "自动监测"}""";

    /** An editor of env who also holds eco-admin: still not the one to approve what they submitted. */
    private static final TestJwts.Token EDITING_ADMIN = TestJwts.token("env-editing-admin", PlatformRoles.ECO_ADMIN,
            PlatformRoles.BUREAU_EDITOR).department("env");

    @Autowired
    private WebTestClient client;

    @Autowired
    private ReactiveMongoTemplate template;

    @Autowired
    private ApplicationContext context;

    private Indicator indicator;

    @BeforeEach
    void indicatorOfEnv() {
        indicator = Fixtures.indicator(template, "env", "μg/m³");
    }

    // API1 and API5: object and function level authorization

    @Test
    void anotherDepartmentsEditorChangesNothing() {
        Document stored = stored();
        client.put().uri(INDICATORS + "/" + indicator.code()).headers(Fixtures.editor("water"))
            .header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(draft(36, 34, "water"))
            .exchange()
            .expectStatus().value(status -> assertThat(status).isIn(403, 404));
        client.post().uri(INDICATORS + "/" + indicator.code() + "/observations").headers(Fixtures.editor("water"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(OBSERVATION)
            .exchange()
            .expectStatus().value(status -> assertThat(status).isIn(403, 404));

        assertThat(stored()).isEqualTo(stored);
        assertThat(observations()).isZero();
    }

    @Test
    void noOneApprovesOrReturnsTheirOwnObservation() {
        JsonNode submitted = submit(EDITING_ADMIN.bearer(), OBSERVATION);
        Document before = observation(submitted);
        for (String action : List.of("/approve", "/return")) {
            client.post().uri(one(submitted) + action).headers(EDITING_ADMIN.bearer())
                .header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\": \"自己审核\"}")
                .exchange()
                .expectStatus().value(status -> assertThat(status).isIn(403, 409))
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(observation(submitted)).isEqualTo(before);

        client.post().uri(one(submitted) + "/approve").headers(Fixtures.otherAdmin())
            .header(HttpHeaders.IF_MATCH, "\"0\"")
            .exchange()
            .expectStatus().isOk();
    }

    @Test
    void editorsAndReadOnlyRolesCallNoEcoAdminFunction() {
        JsonNode submitted = submit(Fixtures.editor("env"), OBSERVATION);
        Document observation = observation(submitted);
        Document stored = stored();
        long indicators = template.count(new Query(), "indicators").block();
        for (String role : List.of(PlatformRoles.BUREAU_EDITOR, PlatformRoles.BUREAU_VIEWER,
                PlatformRoles.PLAN_REVIEWER, PlatformRoles.ENTERPRISE, PlatformRoles.INTEGRATOR_READ,
                PlatformRoles.INTEGRATOR_WRITE)) {
            Consumer<HttpHeaders> token = Fixtures.role(role);
            client.post().uri(one(submitted) + "/approve").headers(token).header(HttpHeaders.IF_MATCH, "\"0\"")
                .exchange()
                .expectStatus().isForbidden();
            client.post().uri(INDICATORS).headers(token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(draft(36, 34, "env").replace("\"code\": null", "\"code\": \"T-FORGED\""))
                .exchange()
                .expectStatus().isForbidden();
            client.delete().uri(INDICATORS + "/" + indicator.code()).headers(token)
                .header(HttpHeaders.IF_MATCH, "\"0\"")
                .exchange()
                .expectStatus().isForbidden();
        }

        assertThat(observation(submitted)).isEqualTo(observation);
        assertThat(stored()).isEqualTo(stored);
        assertThat(template.count(new Query(), "indicators").block()).isEqualTo(indicators);
    }

    // API3: broken object property level authorization

    @Test
    void anObservationsStatusApprovalAndSubmitterAreTheServers() {
        JsonNode submitted = submit(Fixtures.editor("env"), OBSERVATION.replace("}", """
                , "status": "APPROVED", "decidedBy": "intruder", "decidedAt": "2024-01-01T00:00:00Z",
                 "submittedBy": "intruder", "submittedBySubject": "intruder", "version": 9, "id": "forged",
                 "indicatorCode": "AIR-PM25", "outlier": false, "derivation": null}"""));
        Document stored = observation(submitted);
        assertThat(stored).containsEntry("status", "SUBMITTED").containsEntry("submittedBy", "env-editor")
            .containsEntry("indicatorCode", indicator.code()).containsEntry("version", 0L);
        assertThat(stored.get("decidedBy")).isNull();

        client.put().uri(one(submitted)).headers(Fixtures.editor("env")).header(HttpHeaders.IF_MATCH, "\"0\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(OBSERVATION.replace("}", ", \"status\": \"APPROVED\", \"decidedBy\": \"intruder\"}"))
            .exchange()
            .expectStatus().is2xxSuccessful();
        Document corrected = observation(submitted);
        assertThat(corrected).containsEntry("status", "SUBMITTED").containsEntry("submittedBy", "env-editor");
        assertThat(corrected.get("decidedBy")).isNull();
    }

    // API4: unrestricted resource consumption

    @ParameterizedTest
    @ValueSource(strings = { INDICATORS, INDICATORS + "/observations", INDICATORS + "/AIR-PM25/observations",
            INDICATORS + "/AIR-PM25/history", "/api/v1/water-quality/sites" })
    void aPageLargerThanTheCapIsRefused(String list) {
        client.get().uri(list + "?size=100000").headers(Fixtures.admin()).exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void aJsonBodyOverTheLimitIsRefusedWith413() {
        client.post().uri(INDICATORS + "/" + indicator.code() + "/observations").headers(Fixtures.editor("env"))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(OBSERVATION.replace("}", ", \"note\": \"" + "大".repeat(400_000) + "\"}"))
            .exchange()
            .expectStatus().isEqualTo(413)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(observations()).isZero();
    }

    @Test
    void veryLongQueryStringsAndHeadersAreRefusedCleanly() {
        client.get().uri(INDICATORS + "?category=" + "x".repeat(20_000)).headers(Fixtures.admin()).exchange()
            .expectStatus().isEqualTo(414);
        client.get().uri(INDICATORS).headers(Fixtures.admin()).header("X-Filler", "x".repeat(20_000)).exchange()
            .expectStatus().isEqualTo(431);
    }

    // API8: security misconfiguration, and what errors and logs disclose

    @Test
    void onlyTheReviewedEndpointsAnswerWithoutAToken() {
        assertThat(OpenEndpoints.reachableWithoutToken(client, OpenEndpoints.mapped(context)))
            .isEqualTo(OpenEndpoints.allowed("indicator-service"));
    }

    @Test
    void errorBodiesDiscloseNoInternals() {
        List<WebTestClient.ResponseSpec> failures = List.of(
                json(HttpMethod.POST, INDICATORS, "{\"code\": "),
                json(HttpMethod.POST, INDICATORS, "{\"baseline\": {\"year\": \"twenty\"}}"),
                json(HttpMethod.POST, INDICATORS + "/" + indicator.code() + "/observations", "[1]"),
                json(HttpMethod.POST, "/api/v1/air-quality/aqi", "{\"so2\": \"much\"}"),
                client.get().uri(INDICATORS + "?size=abc&sort=$where").headers(Fixtures.admin()).exchange(),
                client.get().uri(INDICATORS + "/observations?status=LOST").headers(Fixtures.admin()).exchange(),
                client.get().uri(INDICATORS + "/NOWHERE").headers(Fixtures.admin()).exchange(),
                client.get().uri(INDICATORS).exchange());
        ErrorDisclosure.assertClientErrorsDiscloseNothing(failures);
    }

    @Test
    void tokensNeverReachTheLogsNorTheErrors(CapturedOutput output) {
        ErrorDisclosure.assertCredentialsNeverDisclosed(output::getAll,
                TestJwts.token("env-editor", PlatformRoles.BUREAU_EDITOR).department("env"),
                List.of(bearer -> client.post().uri(INDICATORS + "/" + indicator.code() + "/observations")
                    .headers(bearer).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(ErrorDisclosure.BODY_WITH_PASSWORD).exchange()));
    }

    private JsonNode submit(Consumer<HttpHeaders> who, String entry) {
        return client.post().uri(INDICATORS + "/" + indicator.code() + "/observations").headers(who)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(entry)
            .exchange()
            .expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec json(HttpMethod method, String path, String body) {
        return client.method(method).uri(path).headers(Fixtures.admin()).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body).exchange();
    }

    private String one(JsonNode observation) {
        return INDICATORS + "/" + indicator.code() + "/observations/" + observation.get("id").asString();
    }

    /** The fixture's indicator as {@code Fixtures.indicator} stores it, with {@code baseline} and {@code target}. */
    private String draft(int baseline, int target, String department) {
        return """
                {"code": null, "seq": 900, "category": ["测试类别", "测试"], "name": {"zh": "测试指标", "en": "Test indicator"},
                 "unit": "μg/m³", "baseline": {"year": 2020, "value": %d, "text": "%d"},
                 "target": {"year": 2025, "type": "NUMERIC", "value": %d, "direction": "LOWER_IS_BETTER", "text": "%d"},
                 "attribute": "BINDING", "department": "%s", "footnote": null}""".formatted(baseline, baseline, target,
                target, department);
    }

    private Document stored() {
        return template.findOne(Query.query(Criteria.where("code").is(indicator.code())), Document.class,
                "indicators").block();
    }

    private Document observation(JsonNode observation) {
        return template.findById(observation.get("id").asString(), Document.class, "observations").block();
    }

    private long observations() {
        return template.count(Query.query(Criteria.where("indicatorCode").is(indicator.code())), "observations")
            .block();
    }
}
