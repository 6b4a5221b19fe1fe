package org.ecoplan.risk.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.AuthenticationFailures;
import org.ecoplan.common.testing.AuthenticationFailures.Call;
import org.ecoplan.common.testing.MongoTestConfiguration;
import org.ecoplan.common.testing.TestJwts;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The local profile's demo content, and who may see which enterprise. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The build machine's two cores are shared by several builds; under that load 5 s (the default) was exceeded.
@AutoConfigureWebTestClient(timeout = "30s")
@Import({ MongoTestConfiguration.class, TestJwts.class })
@ActiveProfiles("local")
class EnterpriseDemoApiTest {

    private static final String ENTERPRISE_A = "E-430602-0001";
    private static final String ENTERPRISE_B = "E-430602-0002";

    @Autowired
    private WebTestClient client;

    @Autowired
    private EnterpriseSeeder seeder;

    @Autowired
    private ReactiveMongoTemplate template;

    static Stream<String> districtRoles() {
        return PlatformRoles.ALL.stream().filter(role -> !role.equals(PlatformRoles.ENTERPRISE)).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("districtRoles")
    void districtRolesListBothDemoEnterprises(String role) {
        JsonNode page = list(TestJwts.token("someone", role).bearer());

        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(ids(page)).containsExactly(ENTERPRISE_A, ENTERPRISE_B);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("districtRoles")
    void districtRolesReadEachEnterprise(String role) {
        for (String id : List.of(ENTERPRISE_A, ENTERPRISE_B)) {
            client.get().uri("/api/v1/enterprises/{id}", id).headers(TestJwts.token("someone", role).bearer())
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.id").isEqualTo(id);
        }
    }

    @Test
    void demoEnterprisesAreFictionalFirmsOfTheDistrictWithValidCreditCodes() {
        JsonNode page = list(viewer());

        assertThat(page.get("items").valueStream()).allSatisfy(enterprise -> {
            assertThat(enterprise.at("/name/zh").asString()).startsWith("岳阳市").endsWith("有限公司");
            assertThat(enterprise.get("creditCode").asString()).startsWith("91430602")
                    .matches(UnifiedSocialCreditCode::isValid, "valid GB 32100-2015 code");
            assertThat(enterprise.get("address").asString()).startsWith("湖南省岳阳市岳阳楼区");
            assertThat(enterprise.at("/industry/code").asString()).isNotBlank();
            assertThat(enterprise.at("/industry/name").asString()).isNotBlank();
            assertThat(enterprise.get("supervisingDepartment").asString()).isEqualTo("env");
        });
    }

    @Test
    void enterpriseAccountListsOnlyItsOwnEnterprise() {
        JsonNode pageOfA = list(enterprise("enterprise-a", ENTERPRISE_A));
        assertThat(pageOfA.get("total").asInt()).isEqualTo(1);
        assertThat(ids(pageOfA)).containsExactly(ENTERPRISE_A);

        assertThat(ids(list(enterprise("enterprise-b", ENTERPRISE_B)))).containsExactly(ENTERPRISE_B);
    }

    @Test
    void enterpriseAccountReadsItsOwnEnterprise() {
        client.get().uri("/api/v1/enterprises/{id}", ENTERPRISE_B).headers(enterprise("enterprise-b", ENTERPRISE_B))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.creditCode").isEqualTo("91430602MA4QB7D694");
    }

    @Test
    void enterpriseBGets404ForEnterpriseA() {
        client.get().uri("/api/v1/enterprises/{id}", ENTERPRISE_A).headers(enterprise("enterprise-b", ENTERPRISE_B))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").isEqualTo("There is no enterprise with id " + ENTERPRISE_A);
    }

    @Test
    void enterpriseAccountWithoutEnterpriseIdSeesNothing() {
        Consumer<HttpHeaders> orphan = TestJwts.token("orphan", PlatformRoles.ENTERPRISE).bearer();

        assertThat(list(orphan).get("total").asInt()).isZero();
        client.get().uri("/api/v1/enterprises/{id}", ENTERPRISE_A).headers(orphan).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void anotherRoleDoesNotWidenAnEnterpriseAccount() {
        Consumer<HttpHeaders> mixed = TestJwts.token("enterprise-b", PlatformRoles.ENTERPRISE,
                PlatformRoles.BUREAU_VIEWER).enterpriseId(ENTERPRISE_B).bearer();

        assertThat(ids(list(mixed))).containsExactly(ENTERPRISE_B);
        client.get().uri("/api/v1/enterprises/{id}", ENTERPRISE_A).headers(mixed).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void unknownIdIsA404Problem() {
        client.get().uri("/api/v1/enterprises/E-430602-9999").headers(viewer()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    @Test
    void pageSizeAbove200IsABadRequest() {
        client.get().uri("/api/v1/enterprises?size=201").headers(viewer()).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void sortsByCreditCodeOnRequest() {
        assertThat(ids(list("/api/v1/enterprises?sort=-creditCode", viewer())))
                .containsExactly(ENTERPRISE_B, ENTERPRISE_A);
    }

    @Test
    void seedingAgainInsertsNothingAndKeepsEdits() {
        template.updateFirst(Query.query(Criteria.where("_id").is(ENTERPRISE_B)),
                Update.update("address", "湖南省岳阳市岳阳楼区金鹗中路218号"), Enterprise.class).block();

        assertThat(seeder.seed().block()).isZero();

        assertThat(template.count(new Query(), Enterprise.class).block()).isEqualTo(2);
        assertThat(template.findById(ENTERPRISE_B, Enterprise.class).block().address())
                .isEqualTo("湖南省岳阳市岳阳楼区金鹗中路218号");
    }

    static Stream<String> endpoints() {
        return Stream.of("/api/v1/enterprises", "/api/v1/enterprises/" + ENTERPRISE_A,
                "/api/v1/enterprises/export?format=xlsx", "/api/v1/enterprises/" + ENTERPRISE_A + "/risk-sources",
                "/api/v1/enterprises/" + ENTERPRISE_A + "/gradings",
                "/api/v1/enterprises/" + ENTERPRISE_A + "/receptors?radiusKm=10");
    }

    static Stream<String> oneEnterprisesEndpoints() {
        return endpoints().filter(path -> path.contains(ENTERPRISE_A));
    }

    @ParameterizedTest
    @MethodSource("oneEnterprisesEndpoints")
    void anotherEnterpriseGets404(String path) {
        client.get().uri(path).headers(enterprise("enterprise-b", ENTERPRISE_B)).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    static Stream<Arguments> everyEndpointForEveryDistrictRole() {
        return endpoints().flatMap(path -> districtRoles().map(role -> Arguments.of(path, role)));
    }

    @ParameterizedTest(name = "{1} reads {0}")
    @MethodSource("everyEndpointForEveryDistrictRole")
    void everyDistrictRoleIsAllowed(String path, String role) {
        client.get().uri(path).headers(TestJwts.token("someone", role).bearer()).exchange()
                .expectStatus().isOk();
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void enterpriseAccountIsAllowedOnItsOwnData(String path) {
        client.get().uri(path).headers(enterprise("enterprise-a", ENTERPRISE_A)).exchange()
                .expectStatus().isOk();
    }

    @TestFactory
    Stream<DynamicTest> whoIsNoPlatformUserIsTurnedAway() {
        return AuthenticationFailures.of(client, endpoints().map(Call::get).toList());
    }

    @Test
    void apiDocsArePublicAndListEveryQueryParameter() {
        JsonNode docs = client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(docs.at("/paths/~1api~1v1~1enterprises/get/parameters").valueStream()
                .map(parameter -> parameter.get("name").asString()))
                .containsExactlyInAnyOrder("page", "size", "sort", "name", "creditCode", "industry", "department",
                        "keySupervision", "riskLevel");
    }

    @Test
    void readinessIsUpWithMongoDbAmongItsChecks() {
        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP");
    }

    private JsonNode list(Consumer<HttpHeaders> token) {
        return list("/api/v1/enterprises", token);
    }

    private JsonNode list(String uri, Consumer<HttpHeaders> token) {
        return client.get().uri(uri).headers(token).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(item -> item.get("id").asString()).toList();
    }

    private static Consumer<HttpHeaders> enterprise(String username, String enterpriseId) {
        return TestJwts.token(username, PlatformRoles.ENTERPRISE).enterpriseId(enterpriseId).bearer();
    }

    private static Consumer<HttpHeaders> viewer() {
        return TestJwts.token("viewer", PlatformRoles.BUREAU_VIEWER).bearer();
    }
}
