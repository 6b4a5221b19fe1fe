package org.ecoplan.risk.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoplan.risk.enterprise.Fixtures.ENTERPRISES;
import static org.ecoplan.risk.enterprise.Fixtures.ENTERPRISE_A;
import static org.ecoplan.risk.enterprise.Fixtures.ENTERPRISE_B;
import static org.ecoplan.risk.enterprise.Fixtures.admin;
import static org.ecoplan.risk.enterprise.Fixtures.creditCode;
import static org.ecoplan.risk.enterprise.Fixtures.draft;
import static org.ecoplan.risk.enterprise.Fixtures.editor;
import static org.ecoplan.risk.enterprise.Fixtures.enterprise;
import static org.ecoplan.risk.enterprise.Fixtures.register;
import static org.ecoplan.risk.enterprise.Fixtures.role;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.ecoplan.common.idempotency.IdempotencyKeys;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.risk.RiskServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

@RiskServiceTest
class EnterpriseRegistryApiTest {

    @Autowired
    private WebTestClient client;

    @Autowired
    private ReactiveMongoTemplate template;

    // ---- register

    @Test
    void adminRegistersWithANewIdLocationETagAndAudit() {
        String code = creditCode();

        JsonNode created = client.post().uri(ENTERPRISES).headers(admin()).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(draft("岳阳市登记测试有限公司", code, "water"))
            .exchange()
            .expectStatus().isCreated()
            .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
            .expectBody(JsonNode.class).returnResult().getResponseBody();

        String id = created.get("id").asString();
        assertThat(id).matches("E-430602-[0-9]{4}").isNotIn(ENTERPRISE_A, ENTERPRISE_B);
        assertThat(created.get("creditCode").asString()).isEqualTo(code);
        assertThat(created.at("/location/longitude").asDouble()).isEqualTo(113.176);
        assertThat(created.at("/contacts/0/phone").asString()).isEqualTo("13807301234");
        assertThat(created.get("keySupervision").asBoolean()).isFalse();
        assertThat(created.get("riskLevel").isNull()).isTrue();
        assertThat(created.has("riskSources")).isFalse();

        JsonNode history = get(ENTERPRISES + "/" + id + "/history", role(PlatformRoles.BUREAU_VIEWER));
        assertThat(history.at("/items/0/action").asString()).isEqualTo("CREATED");
        assertThat(history.at("/items/0/actor/username").asString()).isEqualTo("eco-admin");
        assertThat(history.at("/items/0/after/creditCode").asString()).isEqualTo(code);
    }

    @Test
    void editorRegistersForTheirOwnDepartmentOnly() {
        client.post().uri(ENTERPRISES).headers(editor("water")).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(draft("岳阳市水务登记有限公司", creditCode(), "water"))
            .exchange()
            .expectStatus().isCreated();

        String code = creditCode();
        client.post().uri(ENTERPRISES).headers(editor("water")).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(draft("岳阳市越权登记有限公司", code, "env"))
            .exchange()
            .expectStatus().isForbidden()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertNotRegistered(code);
    }

    static Stream<String> rolesThatDoNotRegister() {
        return Stream.concat(Fixtures.readOnlyRoles(), Stream.of(PlatformRoles.ENTERPRISE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rolesThatDoNotRegister")
    void otherRolesMayNotRegister(String role) {
        String code = creditCode();
        Consumer<HttpHeaders> token = role.equals(PlatformRoles.ENTERPRISE) ? enterprise(ENTERPRISE_A) : role(role);
        client.post().uri(ENTERPRISES).headers(token).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(draft("岳阳市无权登记有限公司", code, "env"))
            .exchange()
            .expectStatus().isForbidden();
        assertNotRegistered(code);
    }

    @Test
    void registeringWithoutTokenIsUnauthorized() {
        client.post().uri(ENTERPRISES).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(draft("岳阳市匿名有限公司", creditCode(), "env"))
            .exchange()
            .expectStatus().isUnauthorized();
    }

    @Test
    void wrongCheckCharacterIs422NamingCreditCodeAndStoresNothing() {
        String valid = creditCode();
        String wrong = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        long before = count();

        client.post().uri(ENTERPRISES).headers(admin()).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(draft("岳阳市错码有限公司", wrong, "env"))
            .exchange()
            .expectStatus().isEqualTo(422)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field").isEqualTo("creditCode")
            .jsonPath("$.errors[0].message").isEqualTo("has a wrong check character: GB 32100-2015 gives "
                    + valid.charAt(17) + " for the first 17");

        assertThat(count()).isEqualTo(before);
    }

    @Test
    void unknownDepartmentIs422() {
        client.post().uri(ENTERPRISES).headers(admin()).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(draft("岳阳市无部门有限公司", creditCode(), "police"))
            .exchange()
            .expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("supervisingDepartment");
    }

    @Test
    void coordinatesOutOfRangeOrBadContactsAre400AndStoreNothing() {
        String code = creditCode();
        client.post().uri(ENTERPRISES).headers(admin()).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(draft("岳阳市越界有限公司", code, "env").replace("\"latitude\": 29.446", "\"latitude\": 91")
                .replace("13807301234", "call me"))
            .exchange()
            .expectStatus().isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field").isEqualTo("contacts[0].phone")
            .jsonPath("$.errors[1].field").isEqualTo("location.latitude");
        assertNotRegistered(code);
    }

    @Test
    void registeredCreditCodeIs409() {
        client.post().uri(ENTERPRISES).headers(admin()).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(draft("岳阳市重复有限公司", "91430602MA4PK1R35Q", "env"))
            .exchange()
            .expectStatus().isEqualTo(409)
            .expectBody().jsonPath("$.detail")
            .isEqualTo("The unified social credit code 91430602MA4PK1R35Q is already registered as " + ENTERPRISE_A
                    + ".");
    }

    @Test
    void retriedRegistrationWithTheSameIdempotencyKeyRegistersOnce() {
        String body = draft("岳阳市重试有限公司", creditCode(), "env");
        String key = UUID.randomUUID().toString();
        long before = count();

        String first = post(body, key).expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        JsonNode replay = post(body, key).expectStatus().isCreated()
            .expectHeader().valueEquals(IdempotencyKeys.REPLAYED_HEADER, "true")
            .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(replay.get("id").asString()).isEqualTo(first);
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void twentyConcurrentRegistrationsGetTwentyDistinctIds() {
        List<String> ids = Flux.range(0, 20)
            .parallel(20)
            .runOn(Schedulers.boundedElastic())
            .map(i -> client.post().uri(ENTERPRISES).headers(admin()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(draft("岳阳市并发" + i + "有限公司", creditCode(), "env"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString())
            .sequential()
            .collectList()
            .block();

        assertThat(ids).hasSize(20).doesNotHaveDuplicates().allMatch(id -> id.matches("E-430602-[0-9]{4}"));
    }

    // ---- change

    @Test
    void adminChangesSomeFieldsWithIfMatchAndTheChangeIsAudited() {
        String id = register(client, "岳阳市修改测试有限公司").get("id").asString();

        client.patch().uri(ENTERPRISES + "/" + id).headers(admin()).header(HttpHeaders.IF_MATCH, "\"0\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"keySupervision\": true, \"industry\": {\"code\": \"C2211\", \"name\": \"木竹浆制造\"}}")
            .exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
            .expectBody()
            .jsonPath("$.keySupervision").isEqualTo(true)
            .jsonPath("$.industry.code").isEqualTo("C2211")
            .jsonPath("$.address").isEqualTo("湖南省岳阳市岳阳楼区港兴路1号");

        JsonNode history = get(ENTERPRISES + "/" + id + "/history", admin());
        assertThat(history.at("/items/0/action").asString()).isEqualTo("UPDATED");
        assertThat(history.at("/items/0/before/keySupervision").asBoolean()).isFalse();
        assertThat(history.at("/items/0/after/keySupervision").asBoolean()).isTrue();
    }

    @Test
    void changeWithoutIfMatchIs428AndWithAStaleOneIs412() {
        String id = register(client, "岳阳市版本测试有限公司").get("id").asString();

        patch(id, admin(), null, "{\"keySupervision\": true}").expectStatus().isEqualTo(428);
        patch(id, admin(), "\"7\"", "{\"keySupervision\": true}").expectStatus().isEqualTo(412);

        assertThat(get(ENTERPRISES + "/" + id, admin()).get("keySupervision").asBoolean()).isFalse();
    }

    @Test
    void wrongCreditCodeInAChangeIs422AndChangesNothing() {
        String id = register(client, "岳阳市改码测试有限公司").get("id").asString();

        patch(id, admin(), "\"0\"", "{\"creditCode\": \"91430602MA4PK1R35R\", \"keySupervision\": true}")
            .expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("creditCode");

        JsonNode stored = get(ENTERPRISES + "/" + id, admin());
        assertThat(stored.get("keySupervision").asBoolean()).isFalse();
        assertThat(stored.get("version").asLong()).isZero();
    }

    @Test
    void takingAnotherEnterprisesCreditCodeIs409() {
        String id = register(client, "岳阳市撞码测试有限公司").get("id").asString();

        patch(id, admin(), "\"0\"", "{\"creditCode\": \"91430602MA4QB7D694\"}").expectStatus().isEqualTo(409);
    }

    @Test
    void editorChangesOnlyTheirDepartmentsEnterprisesAndHandsNoneOver() {
        String id = register(client, "岳阳市部门测试有限公司").get("id").asString();

        patch(id, editor("water"), "\"0\"", "{\"keySupervision\": true}").expectStatus().isNotFound();
        patch(id, editor("env"), "\"0\"", "{\"supervisingDepartment\": \"water\"}").expectStatus().isForbidden();
        patch(id, editor("env"), "\"0\"", "{\"keySupervision\": true}").expectStatus().isOk();
        patch(id, admin(), "\"1\"", "{\"supervisingDepartment\": \"water\"}").expectStatus().isOk();
        patch(id, editor("water"), "\"2\"", "{\"keySupervision\": false}").expectStatus().isOk();
    }

    @Test
    void enterpriseChangesItsOwnContactsAndAddressButNothingElse() {
        String contacts = "{\"contacts\": [{\"name\": \"赵六\", \"phone\": \"0730-8888888\"}], "
                + "\"address\": \"湖南省岳阳市岳阳楼区港兴路20号\"}";
        long version = get(ENTERPRISES + "/" + ENTERPRISE_A, admin()).get("version").asLong();

        patch(ENTERPRISE_A, enterprise(ENTERPRISE_A), "\"" + version + "\"",
                "{\"name\": {\"zh\": \"岳阳市改名有限公司\"}, \"address\": \"岳阳\"}")
            .expectStatus().isForbidden()
            .expectBody().jsonPath("$.detail").isEqualTo("An enterprise account changes only its contacts and "
                    + "address; [name] are the bureau's to change.");
        patch(ENTERPRISE_A, enterprise(ENTERPRISE_B), "\"" + version + "\"", contacts).expectStatus().isNotFound();

        patch(ENTERPRISE_A, enterprise(ENTERPRISE_A), "\"" + version + "\"", contacts)
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.contacts[0].name").isEqualTo("赵六")
            .jsonPath("$.address").isEqualTo("湖南省岳阳市岳阳楼区港兴路20号")
            .jsonPath("$.name.zh").isEqualTo("岳阳市楼兴精细化工有限公司");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecoplan.risk.enterprise.Fixtures#readOnlyRoles")
    void readOnlyRolesMayNotChange(String role) {
        patch(ENTERPRISE_B, role(role), "\"0\"", "{\"keySupervision\": true}").expectStatus().isForbidden();
    }

    @Test
    void changeWithoutTokenIsUnauthorized() {
        client.patch().uri(ENTERPRISES + "/" + ENTERPRISE_B).header(HttpHeaders.IF_MATCH, "\"0\"")
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
            .exchange()
            .expectStatus().isUnauthorized();
    }

    // ---- read, search, history

    @Test
    void searchesByNameAndCreditCodeAndFilters() {
        String marker = "检索" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode first = register(client, "岳阳市" + marker + "甲有限公司");
        register(client, "岳阳市" + marker + "乙有限公司");
        String id = first.get("id").asString();
        patch(id, admin(), "\"0\"", "{\"keySupervision\": true, \"industry\": {\"code\": \"C2211\", "
                + "\"name\": \"木竹浆制造\"}}").expectStatus().isOk();

        assertThat(ids("?name=" + marker)).hasSize(2);
        assertThat(ids("?name=" + marker + "&keySupervision=true")).containsExactly(id);
        assertThat(ids("?name=" + marker + "&industry=C22")).containsExactly(id);
        assertThat(ids("?name=" + marker + "&department=water")).isEmpty();
        assertThat(ids("?creditCode=" + first.get("creditCode").asString())).containsExactly(id);
        assertThat(ids("?name=test co")).contains(id);
        assertThat(ids("?name=louxing")).containsExactly(ENTERPRISE_A);
        assertThat(ids("?name=.*")).isEmpty();
    }

    @Test
    void unknownRiskLevelFilterIs400() {
        client.get().uri(ENTERPRISES + "?riskLevel=HUGE").headers(admin()).exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void enterpriseSeesOnlyItselfAndNeitherAnothersRecordNorHistory() {
        assertThat(ids("", enterprise(ENTERPRISE_B))).containsExactly(ENTERPRISE_B);
        client.get().uri(ENTERPRISES + "/" + ENTERPRISE_A + "/history").headers(enterprise(ENTERPRISE_B)).exchange()
            .expectStatus().isNotFound();
        client.get().uri(ENTERPRISES + "/" + ENTERPRISE_B + "/history").headers(enterprise(ENTERPRISE_B)).exchange()
            .expectStatus().isOk();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integrators")
    void integratorsReadEnterprisesButNotTheirHistory(String role) {
        client.get().uri(ENTERPRISES + "/" + ENTERPRISE_A).headers(role(role)).exchange().expectStatus().isOk();
        client.get().uri(ENTERPRISES + "/" + ENTERPRISE_A + "/history").headers(role(role)).exchange()
            .expectStatus().isForbidden();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integrators")
    void integratorsGetNoContactPeopleAndNoGraders(String role) {
        JsonNode registered = register(client, "岳阳市个人信息测试有限公司");
        String id = registered.get("id").asString();
        String creditCode = registered.get("creditCode").asString();
        client.put().uri(ENTERPRISES + "/" + id + "/risk-sources").headers(admin())
            .header(HttpHeaders.IF_MATCH, "\"0\"")
            .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                    {"substances": [{"cas": "68334-30-5", "maxQuantity": 20}], "processUnits": [],
                     "air": {"controlScore": 0, "e": "E2", "reasons": ["城区"]},
                     "water": {"controlScore": 10, "e": "E2", "reasons": ["雨水排入东风湖"]}}
                    """).exchange()
            .expectStatus().isOk();

        assertThat(Fixtures.read(client, ENTERPRISES + "/" + id, role(role)).get("contacts").isEmpty()).isTrue();
        assertThat(Fixtures.read(client, ENTERPRISES + "?creditCode=" + creditCode, role(role))
            .at("/items/0/contacts").isEmpty()).isTrue();
        String csv = client.get().uri(ENTERPRISES + "/export?format=csv&creditCode=" + creditCode)
            .headers(role(role)).exchange()
            .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).contains(creditCode).doesNotContain("联系人", "联系电话", "电子邮箱", "张三", "13807301234");
        JsonNode grading = Fixtures.read(client, ENTERPRISES + "/" + id + "/gradings", role(role)).at("/items/0");
        assertThat(grading.get("riskLevel").asString()).isEqualTo("GENERAL");
        assertThat(grading.path("by").isNull() || grading.path("by").isMissingNode()).isTrue();

        // Bureau staff see the people.
        assertThat(Fixtures.read(client, ENTERPRISES + "/" + id, role(PlatformRoles.BUREAU_VIEWER))
            .at("/contacts/0/phone").asString()).isEqualTo("13807301234");
        assertThat(Fixtures.read(client, ENTERPRISES + "/" + id + "/gradings", role(PlatformRoles.BUREAU_VIEWER))
            .at("/items/0/by/username").asString()).isNotEmpty();
    }

    static Stream<String> integrators() {
        return Stream.of(PlatformRoles.INTEGRATOR_READ, PlatformRoles.INTEGRATOR_WRITE);
    }

    @Test
    void historyWithoutTokenIsUnauthorizedAndOfAnUnknownIdIs404() {
        client.get().uri(ENTERPRISES + "/" + ENTERPRISE_A + "/history").exchange().expectStatus().isUnauthorized();
        client.get().uri(ENTERPRISES + "/E-430602-9999/history").headers(admin()).exchange()
            .expectStatus().isNotFound();
    }

    @Test
    void getAnswersTheVersionAsETag() {
        long version = get(ENTERPRISES + "/" + ENTERPRISE_B, admin()).get("version").asLong();
        client.get().uri(ENTERPRISES + "/" + ENTERPRISE_B).headers(admin()).exchange()
            .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + version + "\"");
    }

    private WebTestClient.ResponseSpec post(String body, String key) {
        return client.post().uri(ENTERPRISES).headers(admin()).header(IdempotencyKeys.HEADER, key)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec patch(String id, Consumer<HttpHeaders> token, String ifMatch, String body) {
        return client.patch().uri(ENTERPRISES + "/" + id).headers(token)
            .headers(Fixtures.ifMatch(ifMatch))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private JsonNode get(String uri, Consumer<HttpHeaders> token) {
        return Fixtures.read(client, uri, token);
    }

    private List<String> ids(String query) {
        return ids(query, admin());
    }

    private List<String> ids(String query, Consumer<HttpHeaders> token) {
        return get(ENTERPRISES + query + (query.isEmpty() ? "?" : "&") + "size=200", token).get("items")
            .valueStream().map(item -> item.get("id").asString()).toList();
    }

    private long count() {
        return template.count(new Query(), Enterprise.class).block();
    }

    private void assertNotRegistered(String creditCode) {
        assertThat(ids("?creditCode=" + creditCode)).isEmpty();
    }
}
