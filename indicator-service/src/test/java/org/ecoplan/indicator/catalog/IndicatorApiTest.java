package org.ecoplan.indicator.catalog;

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
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The build machine's two cores are shared by several builds; under that load 5 s (the default) was exceeded.
@AutoConfigureWebTestClient(timeout = "30s")
@Import({ MongoTestConfiguration.class, TestJwts.class })
class IndicatorApiTest {

    /** Every row of Table 2 in print order, including the rows whose category cells continue the row above. */
    private static final List<String> TABLE_2 = List.of("AIR-PM25", "AIR-GOOD-DAYS", "WATER-WORSE-THAN-V",
            "GROUNDWATER-CLASS-V", "DRINKING-WATER-TOWNSHIP", "CLIMATE-CO2-PER-GDP", "CLIMATE-ENERGY-PER-GDP",
            "CLIMATE-NON-FOSSIL-SHARE", "EMISSION-NOX", "EMISSION-VOCS", "EMISSION-COD", "EMISSION-NH3N",
            "RISK-FARMLAND-SAFE-USE", "RISK-LAND-RISK-CONTROL", "RISK-INDUSTRIAL-HAZWASTE", "RISK-MEDICAL-WASTE",
            "ECO-FOREST-COVER", "ECO-REDLINE-AREA", "SEWAGE-URBAN-COLLECTION", "SEWAGE-TOWNSHIP-COVERAGE",
            "SEWAGE-RURAL-TREATMENT", "WASTE-URBAN-RECYCLING", "BLACK-ODOROUS-WATER-URBAN");

    @Autowired
    private WebTestClient client;

    @Autowired
    private IndicatorSeeder seeder;

    @Autowired
    private ReactiveMongoTemplate template;

    @Test
    void listHoldsEveryTable2RowInTableOrder() {
        JsonNode page = list("/api/v1/indicators?size=200");

        assertThat(page.get("total").asInt()).isEqualTo(TABLE_2.size());
        assertThat(page.get("items").valueStream().map(item -> item.get("code").asString())).containsExactlyElementsOf(
                TABLE_2);
        assertThat(page.get("items").valueStream()).allSatisfy(item -> {
            assertThat(item.at("/name/zh").asString()).isNotBlank();
            assertThat(item.at("/name/en").asString()).isNotBlank();
            assertThat(item.get("category").size()).isBetween(1, 2);
            assertThat(item.get("unit").asString()).isNotBlank();
            assertThat(item.at("/baseline/year").asInt()).isEqualTo(2020);
            assertThat(item.at("/target/year").asInt()).isEqualTo(2025);
            assertThat(item.at("/target/text").asString()).isNotBlank();
            assertThat(item.get("attribute").asString()).isIn("BINDING", "EXPECTED");
            assertThat(item.get("department").asString()).isIn("env", "dev", "land", "water");
            assertThat(item.has("id")).as("internal id is not part of the API").isFalse();
        });
    }

    @Test
    void pm25IsABindingNumericTargetFrom36To34() {
        JsonNode pm25 = list("/api/v1/indicators?size=200").get("items").get(0);

        assertThat(pm25.get("code").asString()).isEqualTo("AIR-PM25");
        assertThat(pm25.get("category").valueStream().map(JsonNode::asString)).containsExactly("环境质量改善",
                "空气环境质量");
        assertThat(pm25.at("/name/zh").asString()).isEqualTo("细颗粒物（PM2.5）浓度");
        assertThat(pm25.get("unit").asString()).isEqualTo("μg/m³");
        assertThat(pm25.at("/baseline/value").decimalValue()).isEqualByComparingTo("36");
        assertThat(pm25.at("/target/value").decimalValue()).isEqualByComparingTo("34");
        assertThat(pm25.at("/target/type").asString()).isEqualTo("NUMERIC");
        assertThat(pm25.at("/target/direction").asString()).isEqualTo("LOWER_IS_BETTER");
        assertThat(pm25.get("attribute").asString()).isEqualTo("BINDING");
        assertThat(pm25.get("department").asString()).isEqualTo("env");
        assertThat(pm25.get("footnote").isNull()).isTrue();
    }

    @Test
    void goodAirDaysCarriesTheTableNoteExplainingItsLowerTarget() {
        JsonNode goodDays = one("AIR-GOOD-DAYS");

        assertThat(goodDays.at("/baseline/value").decimalValue()).isEqualByComparingTo("92.1");
        assertThat(goodDays.at("/target/value").decimalValue()).isEqualByComparingTo("90.9");
        assertThat(goodDays.at("/target/direction").asString()).isEqualTo("HIGHER_IS_BETTER");
        assertThat(goodDays.get("footnote").asString()).startsWith("受疫情影响").contains("取岳阳市中心城区目标值");
    }

    @Test
    void cellsWithoutANumberKeepTheirPrintedText() {
        JsonNode nox = one("EMISSION-NOX");
        assertThat(nox.at("/baseline/value").isNull()).isTrue();
        assertThat(nox.at("/baseline/text").asString()).isEqualTo("完成市级下达指标");
        assertThat(nox.at("/target/type").asString()).isEqualTo("ASSIGNED_BY_CITY");
        assertThat(nox.at("/target/value").isNull()).isTrue();
        assertThat(nox.at("/target/text").asString()).isEqualTo("市级下达指");

        JsonNode hazardousWaste = one("RISK-INDUSTRIAL-HAZWASTE");
        assertThat(hazardousWaste.at("/target/type").asString()).isEqualTo("CONSOLIDATE");
        assertThat(hazardousWaste.at("/target/text").asString()).isEqualTo("安全可控");

        JsonNode forest = one("ECO-FOREST-COVER");
        assertThat(forest.at("/target/type").asString()).isEqualTo("NOT_DECREASING");
        assertThat(forest.at("/baseline/value").decimalValue()).isEqualByComparingTo("42");
    }

    @Test
    void blankAttributeCellsContinueTheRowAbove() {
        assertThat(codes("/api/v1/indicators?category=污染物排放总量控制&attribute=BINDING")).containsExactly(
                "EMISSION-NOX", "EMISSION-VOCS", "EMISSION-COD", "EMISSION-NH3N");
        assertThat(one("RISK-LAND-RISK-CONTROL").get("attribute").asString()).isEqualTo("EXPECTED");
    }

    @Test
    void filtersByCategoryAtAnyLevelAttributeAndDepartment() {
        assertThat(codes("/api/v1/indicators?category=空气环境质量")).containsExactly("AIR-PM25", "AIR-GOOD-DAYS");
        assertThat(codes("/api/v1/indicators?category=环境质量改善")).hasSize(5);
        assertThat(codes("/api/v1/indicators?department=land")).containsExactly("ECO-FOREST-COVER",
                "ECO-REDLINE-AREA");
        assertThat(codes("/api/v1/indicators?category=污染防治&department=water")).containsExactly(
                "SEWAGE-URBAN-COLLECTION", "SEWAGE-TOWNSHIP-COVERAGE");
        assertThat(codes("/api/v1/indicators?attribute=BINDING&size=200")).hasSize(12);
    }

    @Test
    void pagesAndSortsOnRequest() {
        JsonNode second = list("/api/v1/indicators?page=1&size=10");
        assertThat(second.get("total").asInt()).isEqualTo(TABLE_2.size());
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("items").valueStream().map(item -> item.get("code").asString()))
                .containsExactlyElementsOf(TABLE_2.subList(10, 20));

        assertThat(codes("/api/v1/indicators?sort=-code&size=1")).containsExactly("WATER-WORSE-THAN-V");
    }

    @Test
    void pageSizeAbove200IsABadRequest() {
        badRequest("/api/v1/indicators?size=201");
    }

    @Test
    void unknownFilterValueOrSortFieldIsABadRequest() {
        badRequest("/api/v1/indicators?attribute=MANDATORY");
        badRequest("/api/v1/indicators?sort=name");
    }

    @Test
    void unknownCodeIsA404Problem() {
        client.get().uri("/api/v1/indicators/AIR-PM10").headers(viewer()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").isEqualTo("There is no indicator with code AIR-PM10")
                .jsonPath("$.instance").isEqualTo("/api/v1/indicators/AIR-PM10");
    }

    @Test
    void seedingAgainInsertsNothingAndKeepsEdits() {
        template.updateFirst(Query.query(Criteria.where("code").is("AIR-PM25")),
                Update.update("name.en", "PM2.5 annual mean"), Indicator.class).block();

        assertThat(seeder.seed().block()).isZero();

        assertThat(template.count(new Query(), Indicator.class).block()).isEqualTo(TABLE_2.size());
        assertThat(one("AIR-PM25").at("/name/en").asString()).isEqualTo("PM2.5 annual mean");
    }

    @Test
    void seedingAgainBringsBackOnlyWhatIsMissing() {
        template.remove(Query.query(Criteria.where("code").in("AIR-PM25", "EMISSION-COD")), Indicator.class).block();
        template.updateFirst(Query.query(Criteria.where("code").is("AIR-GOOD-DAYS")),
                Update.update("name.en", "Share of good days"), Indicator.class).block();

        assertThat(seeder.seed().block()).isEqualTo(2);

        assertThat(template.count(new Query(), Indicator.class).block()).isEqualTo(TABLE_2.size());
        assertThat(one("AIR-PM25").get("code").asString()).isEqualTo("AIR-PM25");
        assertThat(one("AIR-GOOD-DAYS").at("/name/en").asString()).isEqualTo("Share of good days");
    }

    @Test
    void codeIsUniqueInTheCollection() {
        assertThat(template.indexOps(Indicator.class).getIndexInfo().collectList().block())
                .anySatisfy(index -> {
                    assertThat(index.isUnique()).isTrue();
                    assertThat(index.getIndexFields()).extracting(field -> field.getKey()).containsExactly("code");
                });
    }

    static Stream<Arguments> everyEndpointForEveryRole() {
        return Stream.of("/api/v1/indicators", "/api/v1/indicators/AIR-PM25")
                .flatMap(path -> PlatformRoles.ALL.stream().sorted().map(role -> Arguments.of(path, role)));
    }

    @ParameterizedTest(name = "{1} reads {0}")
    @MethodSource("everyEndpointForEveryRole")
    void everyPlatformRoleReadsThePublicPlan(String path, String role) {
        client.get().uri(path).headers(TestJwts.token("someone", role).bearer()).exchange()
                .expectStatus().isOk();
    }

    @TestFactory
    Stream<DynamicTest> whoIsNoPlatformUserIsTurnedAway() {
        return AuthenticationFailures.of(client, Call.get("/api/v1/indicators"),
                Call.get("/api/v1/indicators/AIR-PM25"));
    }

    @Test
    void apiDocsArePublicAndListEveryQueryParameter() {
        JsonNode docs = client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(docs.at("/paths/~1api~1v1~1indicators/get/parameters").valueStream()
                .map(parameter -> parameter.get("name").asString()))
                .containsExactlyInAnyOrder("page", "size", "sort", "category", "attribute", "department", "status");
    }

    @Test
    void readinessIsUpWithMongoDbAmongItsChecks() {
        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP")
                .jsonPath("$.components.readinessState.status").isEqualTo("UP");
    }

    @Test
    void livenessDoesNotDependOnMongoDb() {
        client.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo").doesNotExist();
    }

    private JsonNode list(String uri) {
        return client.get().uri(uri).headers(viewer()).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private List<String> codes(String uri) {
        return list(uri).get("items").valueStream().map(item -> item.get("code").asString()).toList();
    }

    private JsonNode one(String code) {
        return client.get().uri("/api/v1/indicators/{code}", code).headers(viewer()).exchange()
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
