package org.ecoplan.project.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoplan.project.ProjectFixtures.admin;
import static org.ecoplan.project.ProjectFixtures.editorOf;
import static org.ecoplan.project.ProjectFixtures.newCode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.ecoplan.common.idempotency.IdempotencyKeys;
import org.ecoplan.common.testing.TestClock;
import org.ecoplan.project.ProjectFixtures;
import org.ecoplan.project.ProjectServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@ProjectServiceTest
class ProjectChangeApiTest {

    private static final String PROJECTS = "/api/v1/projects";

    @Autowired
    private WebTestClient client;

    @Autowired
    private ReactiveMongoTemplate template;

    @Autowired
    private TestClock clock;

    // ---- create

    @Test
    void adminCreatesAProjectWithLocationETagAndAudit() {
        String code = newCode();

        JsonNode created = client.post().uri(PROJECTS).headers(admin()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(draft(code))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().location(PROJECTS + "/" + code)
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(created.get("status").asString()).as("新建 enters planned").isEqualTo("PLANNED");
        assertThat(created.at("/expectedReductions/text").asString()).isEqualTo("预计环境绩效：COD削减8吨/年、TP削减0.5吨/年。");
        assertThat(created.at("/expectedReductions/items").valueStream().map(item -> item.get("pollutant").asString()))
                .as("read from the content when the draft names none").containsExactly("COD", "TP");
        assertThat(created.get("cooperatingDepartments").valueStream().map(JsonNode::asString)).containsExactly("water");
        assertThat(one(code).get("areaCode").asString()).isEqualTo("A2021-10");

        JsonNode history = history(code);
        assertThat(history.get("total").asInt()).isEqualTo(1);
        assertThat(history.at("/items/0/action").asString()).isEqualTo("CREATED");
        assertThat(history.at("/items/0/actor/username").asString()).isEqualTo("eco-admin");
        assertThat(history.at("/items/0/before").isNull()).isTrue();
        assertThat(history.at("/items/0/after/totalInvestment/amount").decimalValue()).isEqualByComparingTo("1200");
    }

    @Test
    void retriedCreateWithTheSameIdempotencyKeyReturnsTheFirstProjectAndStoresOne() {
        String code = newCode();
        String key = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            client.post().uri(PROJECTS).headers(admin()).header(IdempotencyKeys.HEADER, key)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(draft(code))
                    .exchange()
                    .expectStatus().isCreated()
                    .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
                    .expectBody().jsonPath("$.code").isEqualTo(code);
        }
        assertThat(template.count(Query.query(Criteria.where("code").is(code)), Project.class).block()).isOne();
        assertThat(history(code).get("total").asInt()).isEqualTo(1);
    }

    @Test
    void takenCodeIs409AndChangesNothing() {
        JsonNode before = one("P2021-01");
        client.post().uri(PROJECTS).headers(admin()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(draft("P2021-01"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("There is already a project with code P2021-01");
        assertThat(one("P2021-01")).isEqualTo(before);
    }

    @Test
    void completionBeforeStartIsAcceptedForTheDataQualityReviewToFlag() {
        String code = newCode();
        Map<String, Object> draft = draft(code);
        draft.put("startYear", 2025);
        draft.put("completionYear", 2023);
        client.post().uri(PROJECTS).headers(admin()).contentType(MediaType.APPLICATION_JSON).bodyValue(draft)
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.completionYear").isEqualTo(2023);
    }

    static Stream<Arguments> badDrafts() {
        return Stream.of(
                Arguments.of("negative investment", "totalInvestment", Map.of("amount", -1, "unit", "万元"), 400,
                        "totalInvestment.amount"),
                Arguments.of("investment in yuan", "totalInvestment", Map.of("amount", 1, "unit", "元"), 400,
                        "totalInvestment"),
                Arguments.of("unknown lead department", "leadDepartment", "health", 422, "leadDepartment"),
                Arguments.of("unknown cooperating department", "cooperatingDepartments", List.of("water", "health"),
                        422, "cooperatingDepartments[1]"),
                Arguments.of("unknown area", "areaCode", "A2021-99", 422, "areaCode"),
                Arguments.of("unknown build nature", "buildNature", "REBUILT", 400, "buildNature"),
                Arguments.of("five-digit year", "startYear", 20225, 400, "startYear"),
                Arguments.of("lower-case code", "code", "p-1", 400, "code"),
                Arguments.of("negative reduction", "expectedReductions",
                        Map.of("text", "COD", "items", List.of(Map.of("pollutant", "COD", "amount", -2, "unit", "t/a"))),
                        400, "expectedReductions.items[0].amount"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDrafts")
    void badDraftIsAProblemNamingTheFieldAndStoresNothing(String what, String field, Object value, int status,
            String errorField) {
        String code = newCode();
        Map<String, Object> draft = draft(code);
        draft.put(field, value);
        client.post().uri(PROJECTS).headers(admin()).contentType(MediaType.APPLICATION_JSON).bodyValue(draft)
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(errorField);
        assertNotStored(code);
    }

    @Test
    void malformedDraftIs400AndStoresNothing() {
        client.post().uri(PROJECTS).headers(admin()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"code\": \"T-BROKEN\", ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertNotStored("T-BROKEN");
    }

    // ---- change

    @Test
    void detailCarriesTheVersionAsETag() {
        Project project = ProjectFixtures.project().store(template);
        client.get().uri(PROJECTS + "/" + project.code()).headers(admin()).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"");
    }

    @Test
    void editorOfTheLeadDepartmentEditsNamesAndDepartmentsAsAuditedPlainEdits() {
        Project project = ProjectFixtures.project().lead("water").store(template);

        JsonNode changed = patch(project.code(), editorOf("water"), "\"0\"", Map.of(
                "name", Map.of("zh", "改名后的项目", "en", "Renamed project"),
                "location", "岳阳-岳阳楼区郭镇乡",
                "buildNature", "NEW",
                "type", "水生态环境提升",
                "areaCode", "A2021-02",
                "cooperatingDepartments", List.of("env", "land")))
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(changed.at("/name/zh").asString()).isEqualTo("改名后的项目");
        assertThat(changed.get("location").asString()).isEqualTo("岳阳-岳阳楼区郭镇乡");
        assertThat(changed.get("buildNature").asString()).isEqualTo("NEW");
        assertThat(changed.get("areaCode").asString()).isEqualTo("A2021-02");
        assertThat(changed.get("cooperatingDepartments").valueStream().map(JsonNode::asString))
                .containsExactly("env", "land");
        assertThat(changed.get("status").asString()).as("build nature is a plain edit").isEqualTo("UNDER_CONSTRUCTION");
        assertThat(changed.get("modifications").size()).isZero();
        assertThat(changed.at("/standing/projectCode").asString()).isEqualTo(project.code());

        JsonNode history = history(project.code());
        assertThat(history.get("total").asInt()).isEqualTo(1);
        assertThat(history.at("/items/0/action").asString()).isEqualTo("UPDATED");
        assertThat(history.at("/items/0/actor/username").asString()).isEqualTo("water-editor");
        assertThat(history.at("/items/0/before/name/zh").asString()).isEqualTo("测试项目");
        assertThat(history.at("/items/0/after/name/zh").asString()).isEqualTo("改名后的项目");
    }

    @Test
    void budgetChangeWithoutAReasonIs422AndWithOneBecomesAModification() {
        Project project = ProjectFixtures.project().store(template);
        JsonNode before = one(project.code());

        patch(project.code(), editorOf("env"), "\"0\"", Map.of("totalInvestment", Map.of("amount", 120, "unit", "万元")))
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("reason")
                .jsonPath("$.errors[0].message").isEqualTo("must say why [totalInvestment] change");
        assertUnchanged(project.code(), before);

        patch(project.code(), editorOf("env"), "\"0\"", Map.of("totalInvestment", Map.of("amount", 120, "unit", "万元"),
                "reason", "区财政追加配套资金"))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.totalInvestment.amount").isEqualTo(120)
                .jsonPath("$.modifications.length()").isEqualTo(1)
                .jsonPath("$.modifications[0].field").isEqualTo("totalInvestment")
                .jsonPath("$.modifications[0].before").isEqualTo("100")
                .jsonPath("$.modifications[0].after").isEqualTo("120")
                .jsonPath("$.modifications[0].reason").isEqualTo("区财政追加配套资金")
                .jsonPath("$.modifications[0].at").isEqualTo(clock.instant().toString())
                .jsonPath("$.modifications[0].by").isEqualTo("env-editor");
    }

    @Test
    void scopeAndDateChangesAreEachAModificationAndEarlierOnesStay() {
        Project project = ProjectFixtures.project().store(template);

        patch(project.code(), admin(), "\"0\"", Map.of("completionYear", 2031, "reason", "征地延误"))
                .expectStatus().isOk();
        JsonNode changed = patch(project.code(), admin(), "\"1\"", Map.of(
                "content", "扩大范围。预计环境绩效：COD削减6吨/年、TN削减1吨/年。",
                "expectedReductions", Map.of("text", "预计环境绩效：COD削减6吨/年、TN削减1吨/年。", "items", List.of(
                        Map.of("pollutant", "COD", "amount", 6, "unit", "t/a"),
                        Map.of("pollutant", "TN", "amount", 1, "unit", "t/a"))),
                "startYear", 2022,
                "completionYear", 2020,
                "reason", "初步设计调整"))
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(changed.get("completionYear").asInt()).as("before the start: flagged elsewhere, not refused")
                .isEqualTo(2020);
        assertThat(changed.get("modifications").valueStream()
                .map(m -> m.get("field").asString() + ": " + text(m.get("before")) + " -> " + text(m.get("after"))
                        + " (" + m.get("reason").asString() + ")"))
                .containsExactly(
                        "completionYear: 2030 -> 2031 (征地延误)",
                        "startYear: 2021 -> 2022 (初步设计调整)",
                        "completionYear: 2031 -> 2020 (初步设计调整)",
                        "content: 测试内容。预计环境绩效：COD削减5吨/年。 -> 扩大范围。预计环境绩效：COD削减6吨/年、TN削减1吨/年。 (初步设计调整)",
                        "expectedReductions.text: 预计环境绩效：COD削减5吨/年。 -> 预计环境绩效：COD削减6吨/年、TN削减1吨/年。 (初步设计调整)",
                        "expectedReductions.COD: 5 -> 6 (初步设计调整)",
                        "expectedReductions.TN: null -> 1 (初步设计调整)");
        assertThat(history(project.code()).get("total").asInt()).isEqualTo(2);
    }

    @Test
    void sameValuesChangeNothingAndNeedNoReason() {
        Project project = ProjectFixtures.project().store(template);

        patch(project.code(), admin(), "\"0\"", Map.of("totalInvestment", Map.of("amount", "100.00", "unit", "万元"),
                "startYear", 2021, "location", "岳阳-岳阳楼区"))
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody().jsonPath("$.modifications.length()").isEqualTo(0);
        assertThat(history(project.code()).get("total").asInt()).isZero();
    }

    @Test
    void statusAndMilestonesAre422PointingToTheirEndpoints() {
        Project project = ProjectFixtures.project().store(template);
        JsonNode before = one(project.code());
        String transitions = "/api/v1/projects/" + project.code() + "/transitions";

        patch(project.code(), admin(), "\"0\"", Map.of("status", "COMPLETED", "milestones", List.of(), "location", "别处"))
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[0].field").isEqualTo("milestones")
                .jsonPath("$.errors[0].message")
                .isEqualTo("change through /api/v1/projects/" + project.code() + "/milestones")
                .jsonPath("$.errors[1].field").isEqualTo("status")
                .jsonPath("$.errors[1].message").isEqualTo("changes by a transition: POST " + transitions);
        assertUnchanged(project.code(), before);
    }

    static Stream<Arguments> badChanges() {
        return Stream.of(
                Arguments.of("negative investment", Map.of("totalInvestment", Map.of("amount", -5, "unit", "万元"),
                        "reason", "r"), 400, "totalInvestment.amount"),
                Arguments.of("unknown lead department", Map.of("leadDepartment", "health"), 422, "leadDepartment"),
                Arguments.of("unknown cooperating department", Map.of("cooperatingDepartments", List.of("mars")), 422,
                        "cooperatingDepartments[0]"),
                Arguments.of("lead also cooperating", Map.of("cooperatingDepartments", List.of("water", "env")), 422,
                        "cooperatingDepartments[1]"),
                Arguments.of("unknown area", Map.of("areaCode", "A1999-01"), 422, "areaCode"),
                Arguments.of("unknown build nature", Map.of("buildNature", "DEMOLISHED"), 400, "buildNature"),
                Arguments.of("blank name", Map.of("name", Map.of("zh", " ")), 422, "name.zh"),
                Arguments.of("blank content", Map.of("content", "  ", "reason", "r"), 400, "content"),
                Arguments.of("year as text", Map.of("startYear", "next year", "reason", "r"), 400, "startYear"),
                Arguments.of("pollutant twice", Map.of("reason", "r", "expectedReductions", Map.of("items", List.of(
                        Map.of("pollutant", "COD", "amount", 1, "unit", "t/a"),
                        Map.of("pollutant", "COD", "amount", 2, "unit", "t/a")))), 422,
                        "expectedReductions.items[1].pollutant"),
                Arguments.of("reduction in kg", Map.of("reason", "r", "expectedReductions", Map.of("items", List.of(
                        Map.of("pollutant", "COD", "amount", 1, "unit", "kg/a")))), 400,
                        "expectedReductions.items[0].unit"),
                Arguments.of("unknown field", Map.of("nmae", "typo"), 400, "nmae"),
                Arguments.of("another code", Map.of("code", "T-OTHER"), 422, "code"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badChanges")
    void badChangeIsAProblemNamingTheFieldAndChangesNothing(String what, Map<String, Object> body, int status,
            String field) {
        Project project = ProjectFixtures.project().store(template);
        JsonNode before = one(project.code());

        patch(project.code(), admin(), "\"0\"", body)
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
        assertUnchanged(project.code(), before);
    }

    @Test
    void malformedOrMissingBodyIs400AndChangesNothing() {
        Project project = ProjectFixtures.project().store(template);
        JsonNode before = one(project.code());
        for (String body : List.of("{\"location\": ", "[1, 2]", "")) {
            client.patch().uri(PROJECTS + "/" + project.code()).headers(admin()).header(HttpHeaders.IF_MATCH, "\"0\"")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertUnchanged(project.code(), before);
    }

    @Test
    void onlyAdminHandsAProjectToAnotherDepartment() {
        Project project = ProjectFixtures.project().store(template);

        patch(project.code(), editorOf("env"), "\"0\"", Map.of("leadDepartment", "water"))
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        patch(project.code(), admin(), "\"0\"", Map.of("leadDepartment", "water"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.leadDepartment").isEqualTo("water");
        patch(project.code(), editorOf("env"), "\"1\"", Map.of("location", "别处"))
                .expectStatus().isNotFound();
        patch(project.code(), editorOf("water"), "\"1\"", Map.of("location", "别处"))
                .expectStatus().isOk();
    }

    @Test
    void changeWithoutIfMatchIs428AndWithAStaleOneIs412() {
        Project project = ProjectFixtures.project().store(template);
        JsonNode before = one(project.code());

        patch(project.code(), admin(), null, Map.of("location", "别处"))
                .expectStatus().isEqualTo(428)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        patch(project.code(), admin(), "*", Map.of("location", "别处"))
                .expectStatus().isEqualTo(428);
        patch(project.code(), admin(), "\"7\"", Map.of("location", "别处"))
                .expectStatus().isEqualTo(412)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertUnchanged(project.code(), before);

        patch(project.code(), admin(), "W/\"0\"", Map.of("location", "别处")).expectStatus().isOk();
    }

    @Test
    void twoChangesFromTheSameVersionLoseNothing() {
        Project project = ProjectFixtures.project().store(template);

        CompletableFuture<Integer> renaming = CompletableFuture.supplyAsync(() -> status(patch(project.code(),
                admin(), "\"0\"", Map.of("name", Map.of("zh", "甲改的名字")))));
        CompletableFuture<Integer> moving = CompletableFuture.supplyAsync(() -> status(patch(project.code(),
                editorOf("env"), "\"0\"", Map.of("location", "乙改的地点"))));

        assertThat(List.of(renaming.join(), moving.join())).containsExactlyInAnyOrder(200, 412);
        JsonNode stored = one(project.code());
        boolean renamed = renaming.join() == 200;
        assertThat(stored.at("/name/zh").asString()).isEqualTo(renamed ? "甲改的名字" : "测试项目");
        assertThat(stored.get("location").asString()).isEqualTo(renamed ? "岳阳-岳阳楼区" : "乙改的地点");
        assertThat(history(project.code()).get("total").asInt()).isEqualTo(1);

        // The loser reads again and repeats its change on top of the winner's.
        Map<String, Object> lost = renamed ? Map.of("location", "乙改的地点") : Map.of("name", Map.of("zh", "甲改的名字"));
        patch(project.code(), admin(), "\"1\"", lost).expectStatus().isOk();
        JsonNode both = one(project.code());
        assertThat(both.at("/name/zh").asString()).isEqualTo("甲改的名字");
        assertThat(both.get("location").asString()).isEqualTo("乙改的地点");
        assertThat(history(project.code()).get("total").asInt()).isEqualTo(2);
    }

    @Test
    void historyOfAnUnknownProjectIs404() {
        client.get().uri(PROJECTS + "/T-NOWHERE/history").headers(admin()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("There is no project with code T-NOWHERE");
    }

    // ---- helpers

    /** A valid draft in a mutable map, so a test can spoil one field. */
    static Map<String, Object> draft(String code) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("code", code);
        draft.put("type", "农业农村污染防治");
        draft.put("areaCode", "A2021-10");
        draft.put("name", Map.of("zh", "郭镇乡农村生活污水二期", "en", "Rural sewage, phase 2"));
        draft.put("location", "岳阳-岳阳楼区");
        draft.put("buildNature", "NEW");
        draft.put("startYear", 2024);
        draft.put("completionYear", 2026);
        draft.put("content", "新建污水处理设施5处。预计环境绩效：COD削减8吨/年、TP削减0.5吨/年。");
        draft.put("totalInvestment", Map.of("amount", 1200, "unit", "万元"));
        draft.put("leadDepartment", "env");
        draft.put("cooperatingDepartments", List.of("water"));
        return draft;
    }

    private WebTestClient.ResponseSpec patch(String code, Consumer<HttpHeaders> token, String ifMatch,
            Map<String, Object> body) {
        return client.patch().uri(PROJECTS + "/" + code).headers(token)
                .headers(headers -> {
                    if (ifMatch != null) {
                        headers.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    private static int status(WebTestClient.ResponseSpec response) {
        return response.expectBody().returnResult().getStatus().value();
    }

    private JsonNode one(String code) {
        return client.get().uri(PROJECTS + "/" + code).headers(admin()).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode history(String code) {
        return client.get().uri(PROJECTS + "/" + code + "/history").headers(admin()).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private void assertUnchanged(String code, JsonNode before) {
        client.get().uri(PROJECTS + "/" + code).headers(admin()).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"");
        assertThat(one(code)).isEqualTo(before);
        assertThat(history(code).get("total").asInt()).isZero();
    }

    private void assertNotStored(String code) {
        client.get().uri(PROJECTS + "/" + code).headers(admin()).exchange().expectStatus().isNotFound();
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "null" : value.asString();
    }
}
