package org.ecoplan.indicator.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.AuthenticationFailures;
import org.ecoplan.common.testing.AuthenticationFailures.Call;
import org.ecoplan.common.testing.MongoTestConfiguration;
import org.ecoplan.common.testing.TestJwts;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The build machine's two cores are shared by several builds; under that load 5 s (the default) was exceeded.
@AutoConfigureWebTestClient(timeout = "30s")
@Import({ MongoTestConfiguration.class, TestJwts.class, RecordingDerivedIndicators.class })
class AirQualityApiTest {

    private static final String ISSUE_EXAMPLE = """
            {"so2": 12, "no2": 40, "pm10": 80, "pm25": 55, "co": 0.9, "o3_8h": 120}""";

    private static final String ONE_DAY = GeneratedStationYear.HEADER
            + "城陵矶,2024-05-01T08:00,10,20,30,40,0.5,60\n";

    @Autowired
    private WebTestClient client;

    @BeforeEach
    void oneHourOfThePlanStation() {
        client.post().uri("/api/v1/air-quality/hourly")
            .headers(TestJwts.token("admin", PlatformRoles.ECO_ADMIN).bearer())
            .contentType(MediaType.parseMediaType("text/csv"))
            .bodyValue(ONE_DAY)
            .exchange()
            .expectStatus().isOk();
    }

    @Test
    void theCalculatorAnswersTheIssuesExampleInTheContractsFieldNames() {
        JsonNode body = aqi(ISSUE_EXAMPLE).expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(body.get("aqi").asInt()).isEqualTo(75);
        assertThat(body.at("/category/level").asInt()).isEqualTo(2);
        assertThat(body.at("/category/zh").asString()).isEqualTo("良");
        assertThat(body.at("/category/en").asString()).isEqualTo("Good");
        assertThat(body.get("primaryPollutants").valueStream().map(JsonNode::asString)).containsExactly("PM2.5");
        Map<String, Integer> iaqi = new LinkedHashMap<>();
        body.get("iaqi").properties().forEach(entry -> iaqi.put(entry.getKey(), entry.getValue().asInt()));
        assertThat(iaqi).containsExactlyInAnyOrderEntriesOf(
                Map.of("SO2", 12, "NO2", 50, "PM10", 65, "PM2.5", 75, "CO", 23, "O3", 67));
        assertThat(body.at("/items/O3_8h").asInt()).isEqualTo(67);
        assertThat(body.at("/concentrations/CO_24h").decimalValue()).isEqualByComparingTo("0.9");
        assertThat(body.at("/category/colour/rgb").asString()).isEqualTo("#FFFF00");
        assertThat(body.at("/standard/code").asString()).isEqualTo("HJ 633-2012");
    }

    @Test
    void theCategoriesAreTable2WithTheColoursOfAppendixA() {
        JsonNode levels = client.get().uri("/api/v1/air-quality/categories?date=2024-05-01")
            .headers(TestJwts.token("viewer", PlatformRoles.BUREAU_VIEWER).bearer())
            .exchange()
            .expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(levels.valueStream().map(level -> level.get("aqiFrom").asInt() + "-"
                + (level.hasNonNull("aqiTo") ? level.get("aqiTo").asInt() : "") + " " + level.get("zh").asString()
                + " " + level.at("/colour/rgb").asString()))
            .containsExactly("0-50 优 #00E400", "51-100 良 #FFFF00", "101-150 轻度污染 #FF7E00",
                    "151-200 中度污染 #FF0000", "201-300 重度污染 #99004C", "301- 严重污染 #7E0023");
        assertThat(levels.get(2).get("en").asString()).isEqualTo("Lightly polluted");
    }

    @Test
    void categoriesBeforeHj633CameIntoForceAreUnprocessable() {
        client.get().uri("/api/v1/air-quality/categories?date=2015-12-31")
            .headers(TestJwts.token("viewer", PlatformRoles.BUREAU_VIEWER).bearer())
            .exchange()
            .expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("date");
    }

    @Test
    void theOneHourRulesOfTable1() {
        aqi("""
                {"so2": 12, "so2_1h": 900, "no2": 40, "pm10": 80, "pm25": 55, "co": 0.9, "o3_8h": 850, "o3_1h": 600}""")
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.iaqi.SO2").isEqualTo(12)
            .jsonPath("$.iaqi.O3").isEqualTo(250)
            .jsonPath("$.aqi").isEqualTo(250)
            .jsonPath("$.category.zh").isEqualTo("重度污染")
            .jsonPath("$.notComputed.SO2_1h").exists()
            .jsonPath("$.notComputed.O3_8h").exists();
    }

    @Test
    void o3Above800WithoutTheOneHourValueIsUnprocessable() {
        aqi("""
                {"pm25": 55, "o3_8h": 801}""").expectStatus().isEqualTo(422)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field").isEqualTo("o3_8h")
            .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("o3_1h"));
    }

    @Test
    void negativeConcentrationsAreUnprocessableAndNamed() {
        aqi("""
                {"so2": -1, "no2": 40, "co": -0.1}""").expectStatus().isEqualTo(422)
            .expectBody()
            .jsonPath("$.errors[0].field").isEqualTo("co")
            .jsonPath("$.errors[1].field").isEqualTo("so2");
    }

    @Test
    void withoutAnyConcentrationTheRequestIsUnprocessable() {
        aqi("{}").expectStatus().isEqualTo(422);
    }

    @Test
    void aNonNumberIsABadRequest() {
        aqi("""
                {"pm25": "high"}""").expectStatus().isBadRequest()
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("pm25");
    }

    @Test
    void theDailyListHasEveryDayOfTheRangeAndMarksDaysWithoutEnoughData() {
        client.get().uri("/api/v1/air-quality/daily?station=城陵矶&from=2024-04-30&to=2024-05-02")
            .headers(viewer())
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.items.length()").isEqualTo(3)
            .jsonPath("$.items[1].date").isEqualTo("2024-05-01")
            .jsonPath("$.items[1].valid").isEqualTo(false)
            .jsonPath("$.items[1].hourlyValues['PM2.5']").isEqualTo(1)
            .jsonPath("$.items[1].aqi").isEmpty();
    }

    @Test
    void aBackwardOrTooLongRangeIsUnprocessableAndAMalformedDateABadRequest() {
        client.get().uri("/api/v1/air-quality/daily?station=城陵矶&from=2024-05-02&to=2024-05-01").headers(viewer())
            .exchange().expectStatus().isEqualTo(422);
        client.get().uri("/api/v1/air-quality/daily?station=城陵矶&from=2023-01-01&to=2024-01-02").headers(viewer())
            .exchange().expectStatus().isEqualTo(422);
        client.get().uri("/api/v1/air-quality/daily?station=城陵矶&from=2024-13-01&to=2024-12-01").headers(viewer())
            .exchange().expectStatus().isBadRequest();
        client.get().uri("/api/v1/air-quality/daily?station=城陵矶").headers(viewer())
            .exchange().expectStatus().isBadRequest();
    }

    @Test
    void aYearBeforeGb3095Of2012IsUnprocessableAndAYearWithoutDataNotFound() {
        client.get().uri("/api/v1/air-quality/annual?station=城陵矶&year=2015").headers(viewer())
            .exchange().expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.detail").isEqualTo("No edition of GB 3095 (data validity) is in force on 2015-01-01");
        client.get().uri("/api/v1/air-quality/annual?station=城陵矶&year=2022").headers(viewer())
            .exchange().expectStatus().isNotFound();
    }

    @Test
    void aPartialYearIsAnsweredButNotValid() {
        client.get().uri("/api/v1/air-quality/annual?station=城陵矶&year=2024").headers(viewer())
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.daysWithData").isEqualTo(1)
            .jsonPath("$.validDays").isEqualTo(0)
            .jsonPath("$.goodDayRatio").isEmpty()
            .jsonPath("$.pm25Mean").isEmpty()
            .jsonPath("$.compliance['PM2.5'].valid").isEqualTo(false)
            .jsonPath("$.compliant").isEmpty();
    }

    /** The endpoints, each with a request every platform role may make or that only reporters may. */
    enum Endpoint {
        AQI(Call.post("/api/v1/air-quality/aqi", MediaType.APPLICATION_JSON, ISSUE_EXAMPLE)),
        DAILY(Call.get("/api/v1/air-quality/daily?station=城陵矶&from=2024-05-01&to=2024-05-01")),
        ANNUAL(Call.get("/api/v1/air-quality/annual?station=城陵矶&year=2024")),
        HOURLY(Call.post("/api/v1/air-quality/hourly", MediaType.parseMediaType("text/csv"), ONE_DAY)),
        DERIVE(Call.post("/api/v1/air-quality/annual/derive?station=城陵矶&year=2024"));

        final Call call;

        Endpoint(Call call) {
            this.call = call;
        }

        boolean forReporters() {
            return this == HOURLY || this == DERIVE;
        }
    }

    private static final Map<String, Supplier<TestJwts.Token>> IDENTITIES = Map.of(
            "eco-admin", () -> TestJwts.token("admin", PlatformRoles.ECO_ADMIN),
            "bureau-editor of env", () -> TestJwts.token("env-editor", PlatformRoles.BUREAU_EDITOR).department("env"),
            "integrator-write", () -> TestJwts.token("monitoring-network", PlatformRoles.INTEGRATOR_WRITE),
            "bureau-editor of water", () -> TestJwts.token("water-editor", PlatformRoles.BUREAU_EDITOR)
                .department("water"),
            "bureau-editor without department", () -> TestJwts.token("editor", PlatformRoles.BUREAU_EDITOR),
            "bureau-viewer", () -> TestJwts.token("viewer", PlatformRoles.BUREAU_VIEWER),
            "plan-reviewer", () -> TestJwts.token("reviewer", PlatformRoles.PLAN_REVIEWER),
            "enterprise", () -> TestJwts.token("enterprise-a", PlatformRoles.ENTERPRISE).enterpriseId("E-430602-0001"),
            "integrator-read", () -> TestJwts.token("city-platform", PlatformRoles.INTEGRATOR_READ));

    private static final List<String> REPORTERS = List.of("eco-admin", "bureau-editor of env", "integrator-write");

    static Stream<Arguments> everyEndpointForEveryIdentity() {
        return Stream.of(Endpoint.values())
            .flatMap(endpoint -> IDENTITIES.keySet().stream().sorted().map(identity -> Arguments.of(endpoint,
                    identity)));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("everyEndpointForEveryIdentity")
    void readsAndTheCalculatorAreForEveryRoleImportAndDeriveForReportersOnly(Endpoint endpoint, String identity) {
        boolean allowed = !endpoint.forReporters() || REPORTERS.contains(identity);

        WebTestClient.ResponseSpec response = endpoint.call.exchange(client, IDENTITIES.get(identity).get().bearer());

        if (allowed) {
            response.expectStatus().isOk();
        }
        else {
            response.expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @TestFactory
    Stream<DynamicTest> whoIsNoPlatformUserIsTurnedAwayEverywhere() {
        return AuthenticationFailures.of(client, Stream.of(Endpoint.values()).map(endpoint -> endpoint.call).toList());
    }

    private WebTestClient.ResponseSpec aqi(String json) {
        return client.post().uri("/api/v1/air-quality/aqi")
            .headers(viewer())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(json)
            .exchange();
    }

    private static Consumer<HttpHeaders> viewer() {
        return TestJwts.token("viewer", PlatformRoles.BUREAU_VIEWER).bearer();
    }
}
