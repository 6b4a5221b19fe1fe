package org.ecoplan.indicator.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
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
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The progress endpoints on the seeded Table 2, with approved values stubbed at the {@link ObservationSource}
 * boundary and the current year fixed at 2024.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The build machine's two cores are shared by several builds; under that load 5 s (the default) was exceeded.
@AutoConfigureWebTestClient(timeout = "30s")
@Import({ MongoTestConfiguration.class, TestJwts.class, ProgressApiTest.Year2024.class })
class ProgressApiTest {

    @TestConfiguration
    static class Year2024 {

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Autowired
    private WebTestClient client;

    @MockitoBean
    private ObservationSource observations;

    /** The approved values a test gave, by indicator code, answered alike one code at a time and in bulk. */
    private final Map<String, List<AnnualValue>> approved = new HashMap<>();

    @BeforeEach
    void noObservationsUnlessATestSaysSo() {
        approved.clear();
        when(observations.approvedAnnualValues(anyString())).thenAnswer(call ->
                Flux.fromIterable(approved.getOrDefault(call.<String>getArgument(0), List.of())));
        when(observations.approvedAnnualValues(anyCollection())).thenAnswer(call -> {
            Map<String, List<AnnualValue>> found = new HashMap<>();
            call.<Collection<String>>getArgument(0).stream().filter(approved::containsKey)
                .forEach(code -> found.put(code, approved.get(code)));
            return Mono.just(found);
        });
        when(observations.outliers()).thenReturn(Flux.empty());
    }

    @Test
    void pm25ShowsItsStatusEveryInputAndTheForecast() {
        approved("AIR-PM25", AnnualValue.approved(2023, new BigDecimal("35"), "obs-pm25-2023", true));

        JsonNode pm25 = get("/api/v1/indicators/AIR-PM25/progress");

        assertThat(pm25.get("code").asString()).isEqualTo("AIR-PM25");
        assertThat(pm25.at("/name/zh").asString()).isEqualTo("细颗粒物（PM2.5）浓度");
        assertThat(pm25.get("unit").asString()).isEqualTo("μg/m³");
        assertThat(pm25.get("attribute").asString()).isEqualTo("BINDING");
        assertThat(pm25.get("year").asInt()).as("the latest year with an approved value").isEqualTo(2023);
        assertThat(pm25.get("status").asString()).isEqualTo("NEEDS_ACCELERATION");
        assertThat(pm25.get("rule").asString()).isEqualTo("CAGR_RATIO");
        assertThat(pm25.at("/target/year").asInt()).isEqualTo(2025);
        assertThat(pm25.at("/target/type").asString()).isEqualTo("NUMERIC");
        assertThat(pm25.at("/target/value").decimalValue()).isEqualByComparingTo("34");
        assertThat(pm25.at("/target/direction").asString()).isEqualTo("LOWER_IS_BETTER");
        assertThat(pm25.at("/base/year").asInt()).isEqualTo(2020);
        assertThat(pm25.at("/base/value").decimalValue()).isEqualByComparingTo("36");
        assertThat(pm25.at("/base/source").asString()).isEqualTo("PLAN_TABLE");
        assertThat(pm25.at("/latest/year").asInt()).isEqualTo(2023);
        assertThat(pm25.at("/latest/value").decimalValue()).isEqualByComparingTo("35");
        assertThat(pm25.at("/latest/source").asString()).isEqualTo("DERIVED_OBSERVATION");
        assertThat(pm25.at("/latest/observationId").asString()).isEqualTo("obs-pm25-2023");
        assertThat(pm25.get("neededRate").decimalValue()).isEqualByComparingTo("-0.011367");
        assertThat(pm25.get("observedRate").decimalValue()).isEqualByComparingTo("-0.009346");
        assertThat(pm25.get("ratio").decimalValue()).isEqualByComparingTo("0.822264");
        assertThat(pm25.at("/forecast/year").asInt()).isEqualTo(2025);
        assertThat(pm25.at("/forecast/value").decimalValue()).isEqualByComparingTo("34.3");
        assertThat(pm25.at("/forecast/method").asString()).isEqualTo("CAGR_EXTRAPOLATION");
        assertThat(pm25.at("/forecast/points").size()).isEqualTo(2);
        assertThat(pm25.at("/forecast/meetsTarget").asBoolean()).isFalse();
        assertThat(pm25.has("progress")).as("progress fields are inline").isFalse();
    }

    @Test
    void theYearParameterLeavesLaterValuesUncounted() {
        approved("AIR-PM25", AnnualValue.approved(2021, new BigDecimal("35.5"), "a", false),
                AnnualValue.approved(2023, new BigDecimal("33"), "b", false));

        JsonNode asOf2021 = get("/api/v1/indicators/AIR-PM25/progress?year=2021");
        assertThat(asOf2021.get("year").asInt()).isEqualTo(2021);
        assertThat(asOf2021.at("/latest/year").asInt()).isEqualTo(2021);
        assertThat(asOf2021.get("status").asString()).isEqualTo("ON_TRACK");

        assertThat(get("/api/v1/indicators/AIR-PM25/progress").get("status").asString()).isEqualTo("ACHIEVED");
    }

    @Test
    void withoutDataTheYearIsTheCurrentOneAndNothingIsAvailable() {
        JsonNode forest = get("/api/v1/indicators/ECO-FOREST-COVER/progress");

        assertThat(forest.get("year").asInt()).isEqualTo(2024);
        assertThat(forest.get("status").asString()).isEqualTo("NOT_AVAILABLE");
        assertThat(forest.get("rule").asString()).isEqualTo("NO_APPROVED_DATA");
        assertThat(forest.get("latest").isNull()).isTrue();
        assertThat(forest.at("/target/type").asString()).isEqualTo("NOT_DECREASING");
        assertThat(forest.at("/target/direction").asString()).isEqualTo("HIGHER_IS_BETTER");
    }

    @Test
    void aCityTargetAwaitsTheCitysFigure() {
        approved("EMISSION-NOX", AnnualValue.approved(2023, new BigDecimal("0.41"), "nox", false));

        JsonNode nox = get("/api/v1/indicators/EMISSION-NOX/progress");

        assertThat(nox.get("status").asString()).isEqualTo("AWAITING_TARGET");
        assertThat(nox.at("/target/text").asString()).isEqualTo("市级下达指");
    }

    @Test
    void theGoodAirDayTargetBelowItsBaselineIsAchievedAbove90Point9() {
        approved("AIR-GOOD-DAYS", AnnualValue.approved(2023, new BigDecimal("91.5"), "good", true));

        assertThat(get("/api/v1/indicators/AIR-GOOD-DAYS/progress").get("status").asString()).isEqualTo("ACHIEVED");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/indicators/AIR-PM25/progress?year=2019",
            "/api/v1/indicators/AIR-PM25/progress?year=2025", "/api/v1/indicators/summary?year=2019",
            "/api/v1/indicators/summary?year=2025" })
    void aYearBeforeTheBaselineOrAfterTheCurrentYearIsUnprocessable(String uri) {
        client.get().uri(uri).headers(viewer()).exchange()
            .expectStatus().isEqualTo(422)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status").isEqualTo(422)
            .jsonPath("$.errors[0].field").isEqualTo("year")
            .jsonPath("$.errors[0].message").isEqualTo("must be from the baseline year 2020 to the current year 2024");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/indicators/AIR-PM25/progress?year=next", "/api/v1/indicators/summary?year=2O23" })
    void aYearThatIsNoNumberIsABadRequest(String uri) {
        client.get().uri(uri).headers(viewer()).exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field").isEqualTo("year")
            .jsonPath("$.errors[0].message").isEqualTo("must be an integer");
    }

    @Test
    void progressOfAnUnknownIndicatorIsA404Problem() {
        client.get().uri("/api/v1/indicators/AIR-PM10/progress").headers(viewer()).exchange()
            .expectStatus().isNotFound()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.detail").isEqualTo("There is no indicator with code AIR-PM10");
    }

    @Test
    void summaryCountsEveryStatusAndNamesBindingIndicatorsAtRisk() {
        approved("AIR-PM25", AnnualValue.approved(2023, new BigDecimal("35"), "pm25", true));
        approved("AIR-GOOD-DAYS", AnnualValue.approved(2023, new BigDecimal("89"), "good", true));
        approved("ECO-FOREST-COVER", AnnualValue.approved(2023, new BigDecimal("42.3"), "forest", false));
        approved("RISK-MEDICAL-WASTE", AnnualValue.approved(2023, new BigDecimal("100"), "medical", false));
        approved("WATER-WORSE-THAN-V", AnnualValue.approved(2022, BigDecimal.ZERO, "water", true));

        JsonNode summary = get("/api/v1/indicators/summary");

        assertThat(summary.get("year").asInt()).as("the latest year any indicator has a value").isEqualTo(2023);
        assertThat(summary.get("indicators").asInt()).isEqualTo(23);
        // 13 市级下达 rows await their figure; 5 rows without data: 地下水, 乡镇饮用水, 工业危废, 红线, 黑臭水体
        assertThat(summary.get("counts").propertyStream().map(entry -> entry.getKey() + "=" + entry.getValue().asInt()))
            .containsExactly("ACHIEVED=3", "ON_TRACK=0", "NEEDS_ACCELERATION=1", "LIMITED=0", "DETERIORATING=1",
                    "NOT_AVAILABLE=5", "AWAITING_TARGET=13");
        assertThat(summary.get("bindingNotOnTrack").valueStream()
            .map(item -> item.get("code").asString() + ":" + item.get("status").asString())).containsExactly(
                    "AIR-PM25:NEEDS_ACCELERATION", "AIR-GOOD-DAYS:DETERIORATING",
                    "CLIMATE-CO2-PER-GDP:AWAITING_TARGET", "CLIMATE-ENERGY-PER-GDP:AWAITING_TARGET",
                    "EMISSION-NOX:AWAITING_TARGET", "EMISSION-VOCS:AWAITING_TARGET", "EMISSION-COD:AWAITING_TARGET",
                    "EMISSION-NH3N:AWAITING_TARGET", "ECO-REDLINE-AREA:NOT_AVAILABLE");
        assertThat(summary.at("/bindingNotOnTrack/0/name/zh").asString()).isEqualTo("细颗粒物（PM2.5）浓度");
        List<String> withoutData = codes(summary.get("noApprovedData"));
        assertThat(withoutData).hasSize(19).contains("WATER-WORSE-THAN-V", "EMISSION-NOX")
            .doesNotContain("AIR-PM25", "AIR-GOOD-DAYS", "ECO-FOREST-COVER", "RISK-MEDICAL-WASTE");
    }

    @Test
    void summaryOfAnEarlierYearCountsOnlyWhatWasKnownThen() {
        approved("AIR-PM25", AnnualValue.approved(2023, new BigDecimal("35"), "pm25", true));
        approved("WATER-WORSE-THAN-V", AnnualValue.approved(2022, BigDecimal.ZERO, "water", true));

        JsonNode summary = get("/api/v1/indicators/summary?year=2022");

        assertThat(summary.get("year").asInt()).isEqualTo(2022);
        assertThat(summary.at("/counts/ACHIEVED").asInt()).isEqualTo(1);
        assertThat(summary.at("/counts/NEEDS_ACCELERATION").asInt()).isZero();
        assertThat(codes(summary.get("noApprovedData"))).hasSize(22).contains("AIR-PM25");
    }

    @Test
    void withoutAnyDataTheSummaryIsOfTheCurrentYear() {
        JsonNode summary = get("/api/v1/indicators/summary");

        assertThat(summary.get("year").asInt()).isEqualTo(2024);
        assertThat(summary.at("/counts/NOT_AVAILABLE").asInt()).isEqualTo(10);
        assertThat(summary.get("noApprovedData").size()).isEqualTo(23);
    }

    @Test
    void qualityFindsTheGoodAirDayTargetTheDrinkingWaterTextAndEveryOutlier() {
        when(observations.outliers()).thenReturn(Flux.just(new FlaggedObservation("obs-9", "AIR-PM25", "2023-01",
                new BigDecimal("112"), "SUBMITTED", "far above the indicator's history")));

        JsonNode quality = get("/api/v1/indicators/quality");

        assertThat(quality.get("total").asInt()).isEqualTo(3);
        JsonNode goodDays = quality.at("/items/0");
        assertThat(goodDays.get("kind").asString()).isEqualTo("TARGET_WORSE_THAN_BASELINE");
        assertThat(goodDays.get("severity").asString()).isEqualTo("INFO");
        assertThat(goodDays.get("indicatorCode").asString()).isEqualTo("AIR-GOOD-DAYS");
        assertThat(goodDays.at("/message/en").asString()).startsWith("The 2025 target (90.9%) is below the 2020 value (92.1%)");
        assertThat(goodDays.at("/evidence/footnote").asString()).startsWith("受疫情影响").contains("部分2025目标值低于现状值");
        assertThat(goodDays.at("/evidence/baseline/value").decimalValue()).isEqualByComparingTo("92.1");
        assertThat(goodDays.at("/evidence/target/value").decimalValue()).isEqualByComparingTo("90.9");

        JsonNode drinkingWater = quality.at("/items/1");
        assertThat(drinkingWater.get("kind").asString()).isEqualTo("TEXT_TABLE_MISMATCH");
        assertThat(drinkingWater.get("severity").asString()).isEqualTo("WARNING");
        assertThat(drinkingWater.get("indicatorCode").asString()).isEqualTo("DRINKING-WATER-TOWNSHIP");
        assertThat(drinkingWater.at("/evidence/text/line").asInt()).isEqualTo(87);
        assertThat(drinkingWater.at("/evidence/text/claimedTarget").decimalValue()).isEqualByComparingTo("100");
        assertThat(drinkingWater.at("/evidence/tableTarget").decimalValue()).isEqualByComparingTo("96.6");
        assertThat(drinkingWater.at("/message/zh").asString()).contains("第87行", "100%", "96.6%");

        JsonNode outlier = quality.at("/items/2");
        assertThat(outlier.get("kind").asString()).isEqualTo("OUTLIER_OBSERVATION");
        assertThat(outlier.get("severity").asString()).isEqualTo("WARNING");
        assertThat(outlier.at("/evidence/observationId").asString()).isEqualTo("obs-9");
        assertThat(outlier.at("/evidence/reason").asString()).isEqualTo("far above the indicator's history");
    }

    /** /summary and /quality are literal paths that must win over the catalogue's /{code}. */
    @ParameterizedTest
    @ValueSource(strings = { "summary", "quality" })
    void literalPathsAreNotTakenForAnIndicatorCode(String path) {
        JsonNode body = get("/api/v1/indicators/" + path);

        assertThat(body.has("code")).isFalse();
        assertThat(body.has("year") || body.has("items")).isTrue();
    }

    static Stream<String> endpoints() {
        return Stream.of("/api/v1/indicators/AIR-PM25/progress", "/api/v1/indicators/summary",
                "/api/v1/indicators/quality");
    }

    static Stream<Arguments> everyEndpointForEveryRole() {
        return endpoints().flatMap(path -> PlatformRoles.ALL.stream().sorted().map(role -> Arguments.of(path, role)));
    }

    @ParameterizedTest(name = "{1} reads {0}")
    @MethodSource("everyEndpointForEveryRole")
    void everyPlatformRoleReadsProgress(String path, String role) {
        client.get().uri(path).headers(TestJwts.token("someone", role).bearer()).exchange()
            .expectStatus().isOk();
    }

    /** The plan is public: an editor of another department reads the env department's PM2.5 like anyone. */
    @ParameterizedTest
    @MethodSource("endpoints")
    void editorOfAnotherDepartmentReadsToo(String path) {
        client.get().uri(path)
            .headers(TestJwts.token("water-editor", PlatformRoles.BUREAU_EDITOR).department("water").bearer())
            .exchange()
            .expectStatus().isOk();
    }

    @TestFactory
    Stream<DynamicTest> whoIsNoPlatformUserIsTurnedAway() {
        return AuthenticationFailures.of(client, endpoints().map(Call::get).toList());
    }

    @Test
    void theCatalogueShowsAndFiltersByTheProgressStatus() {
        approved("AIR-PM25", AnnualValue.approved(2023, new BigDecimal("35"), "obs-pm25-2023", true));

        assertThat(get("/api/v1/indicators/AIR-PM25").get("status").asString()).isEqualTo("NEEDS_ACCELERATION");
        JsonNode awaiting = get("/api/v1/indicators?status=AWAITING_TARGET&size=200");
        assertThat(codes(awaiting.get("items"))).as("every 市级下达 indicator and nothing else")
            .hasSize(13).allMatch(code -> code.startsWith("CLIMATE-") || code.startsWith("EMISSION-")
                || code.startsWith("RISK-FARMLAND") || code.startsWith("RISK-LAND") || code.startsWith("SEWAGE-")
                || code.startsWith("WASTE-"));
        assertThat(codes(get("/api/v1/indicators?status=NEEDS_ACCELERATION").get("items")))
            .containsExactly("AIR-PM25");
    }

    @Test
    void theListCarriesEachIndicatorsStatusFromOneReadOfTheValues() {
        approved("AIR-PM25", AnnualValue.approved(2023, new BigDecimal("35"), "obs-pm25-2023", true));

        JsonNode items = get("/api/v1/indicators?size=200").get("items");

        assertThat(items.valueStream().collect(Collectors.toMap(item -> item.get("code").asString(),
                item -> item.get("status").asString())))
            .containsEntry("AIR-PM25", "NEEDS_ACCELERATION")
            .containsEntry("ECO-FOREST-COVER", "NOT_AVAILABLE")
            .hasSize(items.size());
        verify(observations, times(1)).approvedAnnualValues(anyCollection());
        verify(observations, never()).approvedAnnualValues(anyString());
    }

    private void approved(String code, AnnualValue... values) {
        approved.put(code, List.of(values));
    }

    private JsonNode get(String uri) {
        return client.get().uri(uri).headers(viewer()).exchange()
            .expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static List<String> codes(JsonNode items) {
        return items.valueStream().map(item -> item.get("code").asString()).toList();
    }

    private static Consumer<HttpHeaders> viewer() {
        return TestJwts.token("viewer", PlatformRoles.BUREAU_VIEWER).bearer();
    }
}
