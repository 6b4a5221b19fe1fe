package org.ecoplan.project.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.MongoTestConfiguration;
import org.ecoplan.common.testing.TestJwts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
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
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The build machine's two cores are shared by several builds; under that load 5 s (the default) was exceeded.
@AutoConfigureWebTestClient(timeout = "30s")
@Import({ MongoTestConfiguration.class, TestJwts.class })
class ProjectApiTest {

    private static final List<String> TABLE_4 = List.of("P2021-01", "P2021-02", "P2021-03", "P2021-04",
            "P2021-05", "P2021-06", "P2021-07", "P2021-08");

    @Autowired
    private WebTestClient client;

    @Autowired
    private ProjectSeeder seeder;

    @Autowired
    private ReactiveMongoTemplate template;

    @Test
    void listHoldsEveryTable4ProjectInTableOrder() {
        JsonNode page = list("/api/v1/projects");

        assertThat(page.get("total").asInt()).isEqualTo(8);
        assertThat(page.get("items").valueStream().map(item -> item.get("code").asString()))
                .containsExactlyElementsOf(TABLE_4);
        assertThat(page.get("items").valueStream()).allSatisfy(item -> {
            assertThat(item.get("type").asString()).isNotBlank();
            assertThat(item.at("/name/zh").asString()).isNotBlank();
            assertThat(item.get("location").asString()).isEqualTo("岳阳-岳阳楼区");
            assertThat(item.get("buildNature").asString()).isIn("NEW", "CONTINUED", "UNDER_CONSTRUCTION");
            assertThat(item.get("completionYear").asInt()).isGreaterThanOrEqualTo(item.get("startYear").asInt());
            assertThat(item.get("content").asString()).isNotBlank();
            assertThat(item.at("/totalInvestment/unit").asString()).isEqualTo("万元");
            assertThat(item.get("leadDepartment").asString()).isIn("env", "dev", "land", "water");
            assertThat(item.has("id")).as("internal id is not part of the API").isFalse();
        });
        assertThat(page.get("items").valueStream().map(item -> item.get("type").asString()).distinct())
                .containsExactly("水生态环境提升", "重点区域大气环境治理", "土壤管控与修复", "农业农村污染防治");
    }

    @Test
    void reservoirProjectKeepsThePublishedInvestmentAndItsParsedReductions() {
        JsonNode reservoir = list("/api/v1/projects").get("items").get(0);

        assertThat(reservoir.at("/name/zh").asString()).isEqualTo("岳阳市岳阳楼区郭镇乡麻布村芭蕉水库综合整治项目");
        assertThat(reservoir.get("type").asString()).isEqualTo("水生态环境提升");
        assertThat(reservoir.get("buildNature").asString()).isEqualTo("NEW");
        assertThat(reservoir.get("startYear").asInt()).isEqualTo(2021);
        assertThat(reservoir.get("completionYear").asInt()).isEqualTo(2022);
        assertThat(reservoir.at("/totalInvestment/amount").decimalValue()).isEqualByComparingTo("230000");
        assertThat(reservoir.get("content").asString()).startsWith("（1）底泥清淤0.8万m³（60亩）")
                .endsWith("氨氮削减1.3吨/年。");
        assertThat(reservoir.at("/expectedReductions/text").asString())
                .isEqualTo("预计环境绩效：COD削减5吨/年、TN削减1.5吨/年、TP削减0.36吨/年、氨氮削减1.3吨/年。");
        assertThat(reservoir.at("/expectedReductions/items").valueStream()
                .map(item -> item.get("pollutant").asString() + "=" + item.get("amount").decimalValue()
                        .toPlainString() + " " + item.get("unit").asString()))
                .containsExactly("COD=5 t/a", "TN=1.5 t/a", "TP=0.36 t/a", "NH3_N=1.3 t/a");
        assertThat(reservoir.get("leadDepartment").asString()).isEqualTo("water");
    }

    @Test
    void projectsWithoutQuantifiedReductionsKeepWhatTheySay() {
        JsonNode paintShops = one("P2021-04");
        assertThat(paintShops.at("/expectedReductions/items/0/pollutant").asString()).isEqualTo("VOCS");
        assertThat(paintShops.at("/expectedReductions/items/0/amount").decimalValue()).isEqualByComparingTo("32.4");

        JsonNode cleanerProduction = one("P2021-05");
        assertThat(cleanerProduction.get("buildNature").asString()).isEqualTo("UNDER_CONSTRUCTION");
        assertThat(cleanerProduction.at("/expectedReductions/text").asString()).startsWith("预计环境效益：");
        assertThat(cleanerProduction.at("/expectedReductions/items").size()).isZero();

        JsonNode reservoirSediment = one("P2021-07");
        assertThat(reservoirSediment.at("/expectedReductions/text").isNull()).isTrue();
        assertThat(reservoirSediment.at("/expectedReductions/items").size()).isZero();

        assertThat(one("P2021-02").get("buildNature").asString()).isEqualTo("CONTINUED");
    }

    @Test
    void pagesAndSortsOnRequest() {
        JsonNode second = list("/api/v1/projects?page=1&size=3");
        assertThat(second.get("total").asInt()).isEqualTo(8);
        assertThat(second.get("items").valueStream().map(item -> item.get("code").asString()))
                .containsExactly("P2021-04", "P2021-05", "P2021-06");

        assertThat(list("/api/v1/projects?sort=startYear,-code&size=1").at("/items/0/code").asString())
                .isEqualTo("P2021-05");
    }

    @Test
    void pageSizeAbove200IsABadRequest() {
        badRequest("/api/v1/projects?size=201");
    }

    @Test
    void unknownSortFieldIsABadRequest() {
        badRequest("/api/v1/projects?sort=content");
    }

    @Test
    void unknownCodeIsA404Problem() {
        client.get().uri("/api/v1/projects/P2021-99").headers(viewer()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").isEqualTo("There is no project with code P2021-99");
    }

    @Test
    void seedingAgainInsertsNothingAndKeepsEdits() {
        template.updateFirst(Query.query(Criteria.where("code").is("P2021-08")),
                Update.update("name.en", "Rural sewage treatment"), Project.class).block();
        template.updateFirst(Query.query(Criteria.where("code").is("A2021-14")),
                Update.update("field.en", "Information systems"), EngineeringArea.class).block();

        assertThat(seeder.seed().block()).isZero();

        assertThat(template.count(new Query(), Project.class).block()).isEqualTo(8);
        assertThat(template.count(new Query(), EngineeringArea.class).block()).isEqualTo(14);
        assertThat(one("P2021-08").at("/name/en").asString()).isEqualTo("Rural sewage treatment");
        assertThat(list("/api/v1/projects/areas/A2021-14").at("/field/en").asString()).isEqualTo("Information systems");
    }

    @ParameterizedTest
    @ValueSource(classes = { Project.class, EngineeringArea.class })
    void codeIsUniqueInTheCollection(Class<?> type) {
        assertThat(template.indexOps(type).getIndexInfo().collectList().block())
                .anySatisfy(index -> {
                    assertThat(index.isUnique()).isTrue();
                    assertThat(index.getIndexFields()).extracting(field -> field.getKey()).containsExactly("code");
                });
    }

    static Stream<String> endpoints() {
        return Stream.of("/api/v1/projects", "/api/v1/projects/P2021-01", "/api/v1/projects/P2021-01/history",
                "/api/v1/projects/export?format=csv", "/api/v1/projects/export?format=xlsx", "/api/v1/projects/areas",
                "/api/v1/projects/areas/A2021-06");
    }

    static Stream<Arguments> everyEndpointForEveryRole() {
        return endpoints().flatMap(path -> PlatformRoles.ALL.stream().sorted().map(role -> Arguments.of(path, role)));
    }

    @ParameterizedTest(name = "{1} reads {0}")
    @MethodSource("everyEndpointForEveryRole")
    void everyPlatformRoleReadsThePublicPlan(String path, String role) {
        client.get().uri(path).headers(TestJwts.token("someone", role).bearer()).exchange()
                .expectStatus().isOk();
    }

    @Test
    void apiDocsArePublicAndListEveryQueryParameter() {
        JsonNode docs = client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(docs.at("/paths/~1api~1v1~1projects/get/parameters").valueStream()
                .map(parameter -> parameter.get("name").asString()))
                .containsExactlyInAnyOrder("page", "size", "sort", "status", "scheduleStatus", "type", "department",
                        "year", "delayedOnly");
    }

    @Test
    void readinessIsUpWithMongoDbAmongItsChecks() {
        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP");
    }

    private JsonNode list(String uri) {
        return client.get().uri(uri).headers(viewer()).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode one(String code) {
        return client.get().uri("/api/v1/projects/{code}", code).headers(viewer()).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private void badRequest(String uri) {
        client.get().uri(uri).headers(viewer()).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400);
    }

    private static Consumer<HttpHeaders> viewer() {
        return TestJwts.token("viewer", PlatformRoles.BUREAU_VIEWER).bearer();
    }
}
