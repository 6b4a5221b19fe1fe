package org.ecoplan.project.portfolio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoplan.project.ProjectFixtures.viewer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.MongoTestConfiguration;
import org.ecoplan.common.testing.TestClock;
import org.ecoplan.common.testing.TestJwts;
import org.ecoplan.project.catalog.Project;
import org.ecoplan.project.progress.ProgressReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The portfolio over {@link PortfolioFixture}'s projects and reports, stored in MongoDB as the catalogue and the
 * progress feature store them, with WireMock standing in for indicator-service and the clock set by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The build machine's two cores are shared by several builds; under that load 5 s (the default) was exceeded.
@AutoConfigureWebTestClient(timeout = "30s")
@Import({ MongoTestConfiguration.class, TestJwts.class, TestClock.class })
class PortfolioApiTest {

    private static final String PORTFOLIO = "/api/v1/projects/portfolio";

    private static final WireMockServer INDICATOR_SERVICE = started();

    /** Above any answer of WireMock on a loaded machine, and well below the slow stub's delay. */
    private static final Duration INDICATOR_TIMEOUT = Duration.ofSeconds(3);

    @Autowired
    private WebTestClient client;

    @Autowired
    private ReactiveMongoTemplate template;

    @Autowired
    private TestClock clock;

    @DynamicPropertySource
    static void indicatorService(DynamicPropertyRegistry registry) {
        registry.add("ecoplan.indicator-service.url", INDICATOR_SERVICE::baseUrl);
        registry.add("ecoplan.indicator-service.timeout", INDICATOR_TIMEOUT::toString);
    }

    @AfterAll
    static void stopIndicatorService() {
        INDICATOR_SERVICE.stop();
    }

    @BeforeEach
    void storeFixture() {
        template.remove(new Query(), Project.class).block();
        template.remove(new Query(), ProgressReport.class).block();
        template.insertAll(PortfolioFixture.PROJECTS).blockLast();
        template.insertAll(PortfolioFixture.REPORTS).blockLast();
        INDICATOR_SERVICE.resetAll();
        indicator("EMISSION-COD", okJson(indicatorJson("EMISSION-COD", "0.005", "HIGHER_IS_BETTER")));
        indicator("EMISSION-NH3N", okJson(indicatorJson("EMISSION-NH3N", null, null)));
        indicator("EMISSION-NOX", okJson(indicatorJson("EMISSION-NOX", null, null)));
        indicator("EMISSION-VOCS", okJson(indicatorJson("EMISSION-VOCS", "0.01", "HIGHER_IS_BETTER")));
    }

    @Test
    void checkedIn2024TheYearRunsToToday() {
        now("2024-08-01T04:00:00Z");

        JsonNode portfolio = portfolio("");
        assertThat(portfolio.get("year").isNull()).isTrue();
        assertThat(portfolio.get("asOf").asString()).isEqualTo("2024-08-01");
        assertThat(portfolio.at("/investment/total/planned/amount").decimalValue()).isEqualByComparingTo("15000");
        assertThat(portfolio.at("/investment/total/planned/unit").asString()).isEqualTo("万元");
        assertThat(portfolio.at("/investment/total/disbursed/amount").decimalValue()).isEqualByComparingTo("9300");
        assertThat(years(portfolio)).isEqualTo("2021=3000/800 2022=3000/4200 2023=3000/2300 2024=3000/2000 2025=3000/-");
        assertThat(statuses(portfolio)).isEqualTo("PLANNED=1 UNDER_CONSTRUCTION=1 COMPLETED=1 ACCEPTED=0 SUSPENDED=0 "
                + "CANCELLED=1");
        assertThat(schedule(portfolio, "OVERDUE")).isZero();
        assertThat(portfolio.get("withoutSchedule").asInt()).isEqualTo(1);
        assertThat(reduction(portfolio, "COD").at("/achieved/amount").decimalValue()).isEqualByComparingTo("32");

        assertThat(portfolio("?year=2024").get("asOf").asString()).isEqualTo("2024-08-01");
        JsonNode lastYear = portfolio("?year=2023");
        assertThat(lastYear.get("year").asInt()).isEqualTo(2023);
        assertThat(lastYear.get("asOf").asString()).isEqualTo("2023-12-31");
        assertThat(lastYear.at("/investment/total/planned/amount").decimalValue())
            .as("T-D is cancelled only in 2024").isEqualByComparingTo("19000");
        assertThat(lastYear.at("/investment/total/disbursed/amount").decimalValue()).isEqualByComparingTo("7300");
    }

    @Test
    void checkedIn2025TheLastYearEndsOnDecember31() {
        now("2025-03-01T04:00:00Z");

        JsonNode portfolio = portfolio("?year=2024");
        assertThat(portfolio.get("asOf").asString()).isEqualTo("2024-12-31");
        assertThat(portfolio.at("/investment/total/plannedToDate/amount").decimalValue()).isEqualByComparingTo("12000");
        assertThat(portfolio.at("/investment/total/disbursed/amount").decimalValue()).isEqualByComparingTo("10800");
        assertThat(portfolio.at("/investment/total/financialProgress").decimalValue()).isEqualByComparingTo("72.0");
        assertThat(years(portfolio)).isEqualTo("2021=3000/800 2022=3000/4200 2023=3000/2300 2024=3000/3500 2025=3000/-");
        assertThat(portfolio.at("/investment/byType").valueStream()
            .map(group -> group.get("key").asString() + "=" + group.at("/planned/amount").decimalValue().toPlainString()
                    + "/" + group.at("/disbursed/amount").decimalValue().toPlainString()))
            .containsExactly("水生态环境提升=12000/10000", "重点区域大气环境治理=3000/500", "土壤管控与修复=0/300");
        assertThat(portfolio.at("/investment/byDepartment").valueStream().map(group -> group.get("key").asString()))
            .containsExactly("water", "env", "land");

        JsonNode cod = reduction(portfolio, "COD");
        assertThat(cod.get("label").asString()).isEqualTo("化学需氧量");
        assertThat(cod.at("/expected/amount").decimalValue()).isEqualByComparingTo("60");
        assertThat(cod.at("/expected/unit").asString()).isEqualTo("t/a");
        assertThat(cod.at("/achieved/amount").decimalValue()).isEqualByComparingTo("42");
        assertThat(cod.get("achievedShare").decimalValue()).isEqualByComparingTo("70.0");
        assertThat(cod.at("/planIndicator/code").asString()).isEqualTo("EMISSION-COD");
        assertThat(cod.at("/planIndicator/status").asString()).isEqualTo("AVAILABLE");
        assertThat(cod.at("/planIndicator/name/zh").asString()).isEqualTo("化学需氧量");
        assertThat(cod.at("/planIndicator/target/value/amount").decimalValue()).isEqualByComparingTo("0.005");
        assertThat(cod.at("/planIndicator/target/value/unit").asString()).isEqualTo("万吨");
        assertThat(cod.at("/planIndicator/target/tonnes/amount").decimalValue()).isEqualByComparingTo("50");
        assertThat(cod.at("/planIndicator/target/tonnes/unit").asString()).isEqualTo("t");
        assertThat(cod.at("/planIndicator/expectedShare").decimalValue()).isEqualByComparingTo("120.0");
        assertThat(cod.at("/planIndicator/achievedShare").decimalValue()).isEqualByComparingTo("84.0");
        JsonNode ammonia = reduction(portfolio, "NH3_N");
        assertThat(ammonia.at("/planIndicator/targetType").asString()).isEqualTo("ASSIGNED_BY_CITY");
        assertThat(ammonia.at("/planIndicator/target").isNull()).isTrue();
        assertThat(ammonia.at("/planIndicator/expectedShare").isNull()).isTrue();
        assertThat(reduction(portfolio, "NOX").at("/expected/amount").decimalValue()).isEqualByComparingTo("0");
        assertThat(reduction(portfolio, "TN").get("planIndicator").isNull()).isTrue();

        assertThat(portfolio("").get("asOf").asString()).isEqualTo("2025-03-01");
    }

    @Test
    void checkedIn2026UnfinishedProjectsAreOverdue() {
        now("2026-02-01T04:00:00Z");

        JsonNode portfolio = portfolio("");
        assertThat(portfolio.at("/investment/total/disbursed/amount").decimalValue()).isEqualByComparingTo("13800");
        assertThat(years(portfolio)).endsWith("2025=3000/3000 2026=0/0");
        assertThat(schedule(portfolio, "OVERDUE")).as("T-A and T-C").isEqualTo(2);
        assertThat(portfolio.at("/byScheduleStatus").valueStream()
            .map(count -> count.get("status").asString() + ":" + count.get("label").asString()))
            .containsExactly("ON_SCHEDULE:正常推进", "AT_RISK:存在风险", "DELAYED:进度滞后", "OVERDUE:逾期未完工");
        assertThat(portfolio.at("/byScheduleStatus").valueStream().mapToInt(count -> count.get("projects").asInt())
            .sum()).isEqualTo(3);
        assertThat(portfolio.get("withoutSchedule").asInt()).as("T-D, cancelled").isEqualTo(1);
        assertThat(reduction(portfolio, "COD").at("/achieved/amount").decimalValue()).isEqualByComparingTo("62");
    }

    @Test
    void theYearTurnsAtMidnightInTheDistrict() {
        now("2024-12-31T16:30:00Z");

        assertThat(portfolio("").get("asOf").asString()).isEqualTo("2025-01-01");
        assertThat(portfolio("?year=2025").get("asOf").asString()).isEqualTo("2025-01-01");
        badYear("?year=2026", "must not be after 2025");
    }

    @ParameterizedTest
    @ValueSource(strings = { "?year=1999", "?year=abc", "?year=2027", "?year=2024.5" })
    void aBadYearIsABadRequest(String query) {
        now("2026-02-01T04:00:00Z");
        badYear(query, null);
        badExport("&" + query.substring(1));
    }

    @Test
    void aSlowIndicatorServiceLeavesTheIndicatorsOutAndAnswersTheRest() {
        now("2025-03-01T04:00:00Z");
        INDICATOR_SERVICE.stubFor(get(urlPathMatching("/api/v1/indicators/.*"))
            .willReturn(okJson(indicatorJson("EMISSION-COD", "0.005", "HIGHER_IS_BETTER"))
                .withFixedDelay((int) INDICATOR_TIMEOUT.multipliedBy(2).toMillis())));

        JsonNode portfolio = portfolio("?year=2024");

        assertThat(portfolio.at("/investment/total/disbursed/amount").decimalValue()).isEqualByComparingTo("10800");
        assertThat(portfolio.get("reductions").valueStream().map(row -> row.get("planIndicator"))
            .filter(indicator -> !indicator.isNull())).hasSize(4).allSatisfy(indicator -> {
                assertThat(indicator.get("status").asString()).isEqualTo("UNAVAILABLE");
                assertThat(indicator.at("/reason/en").asString())
                    .isEqualTo("indicator-service did not answer within 3000 ms");
                assertThat(indicator.at("/reason/zh").asString()).isEqualTo("指标服务未在3000毫秒内答复");
                assertThat(indicator.get("target").isNull()).isTrue();
            });
    }

    @Test
    void aFailingOrMissingIndicatorIsMarkedUnavailableAndTheOthersStay() {
        now("2025-03-01T04:00:00Z");
        indicator("EMISSION-NOX", aResponse().withStatus(503));
        indicator("EMISSION-VOCS", aResponse().withStatus(404));

        JsonNode portfolio = portfolio("?year=2024");

        assertThat(reduction(portfolio, "NOX").at("/planIndicator/status").asString()).isEqualTo("UNAVAILABLE");
        assertThat(reduction(portfolio, "NOX").at("/planIndicator/reason/en").asString())
            .isEqualTo("indicator-service answered HTTP 503");
        assertThat(reduction(portfolio, "VOCS").at("/planIndicator/reason/en").asString())
            .isEqualTo("indicator-service has no indicator EMISSION-VOCS");
        assertThat(reduction(portfolio, "VOCS").at("/expected/amount").decimalValue()).isEqualByComparingTo("30");
        assertThat(reduction(portfolio, "COD").at("/planIndicator/status").asString()).isEqualTo("AVAILABLE");
        assertThat(reduction(portfolio, "COD").at("/planIndicator/expectedShare").decimalValue())
            .isEqualByComparingTo("120.0");
    }

    @Test
    void indicatorServiceIsAskedWithTheCallersToken() {
        now("2025-03-01T04:00:00Z");
        String token = TestJwts.token("viewer", PlatformRoles.BUREAU_VIEWER).encode();

        client.get().uri(PORTFOLIO).headers(headers -> headers.setBearerAuth(token)).exchange()
            .expectStatus().isOk();

        for (String code : List.of("EMISSION-COD", "EMISSION-NH3N", "EMISSION-NOX", "EMISSION-VOCS")) {
            INDICATOR_SERVICE.verify(getRequestedFor(urlEqualTo("/api/v1/indicators/" + code))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + token)));
        }
    }

    @Test
    void exportsThePortfolioAsCsvWithASectionColumn() {
        now("2025-03-01T04:00:00Z");

        byte[] file = client.get().uri(PORTFOLIO + "/export?format=csv&year=2024").headers(viewer()).exchange()
            .expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith(new MediaType("text", "csv"))
            .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION,
                    "attachment; filename=\"ecoplan-portfolio-2024-12-31.csv\"")
            .expectBody(byte[].class).returnResult().getResponseBody();

        assertThat(Arrays.copyOf(file, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(file, 3, file.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("板块,分组,项目数（个）,计划投资（万元）,截至统计日计划投资（万元）,完成投资（万元）,投资完成率（%）,"
                + "预计削减量（t/a）,已实现削减量（t/a）,削减实现率（%）,规划指标,规划目标（t）,预计削减占规划目标（%）,已实现削减占规划目标（%）,说明");
        assertThat(lines).contains("投资合计,合计,4,15000,12000,10800,72.0,,,,,,,,统计日 2024-12-31",
                "投资（按项目类型）,水生态环境提升,2,12000,10000,10000,83.3,,,,,,,,",
                "投资（按牵头部门）,land,1,0,0,300,,,,,,,,,",
                "投资（按年度）,2024,,3000,,3500,,,,,,,,,年度计划按开工至竣工年份均摊；完成投资为当年新增",
                "投资（按年度）,2025,,3000,,,,,,,,,,,统计日之后，尚无完成投资",
                "项目状态,取消,1,,,,,,,,,,,,",
                "进度状态,无进度状态,1,,,,,,,,,,,,已取消的项目",
                "减排（按污染物）,化学需氧量,2,,,,,60,42,70.0,EMISSION-COD,50,120.0,84.0,",
                "减排（按污染物）,氨氮,1,,,,,15,9,60.0,EMISSION-NH3N,,,,目标“市级下达指”尚无数值",
                "减排（按污染物）,总氮,0,,,,,0,0,,,,,,规划未设总量指标");
        assertThat(lines).hasSize(1 + 1 + 3 + 3 + 5 + 6 + 5 + 6);
    }

    @Test
    void exportsThePortfolioAsXlsx() throws IOException {
        now("2025-03-01T04:00:00Z");
        indicator("EMISSION-NOX", aResponse().withStatus(503));

        byte[] file = client.get().uri(PORTFOLIO + "/export?format=xlsx&year=2024").headers(viewer()).exchange()
            .expectStatus().isOk()
            .expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .expectBody(byte[].class).returnResult().getResponseBody();

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            assertThat(workbook.getFirstSheet().getName()).isEqualTo("重点项目汇总");
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(3)).isEqualTo("计划投资（万元）");
            assertThat(rows.get(1).getCellText(0)).isEqualTo("投资合计");
            assertThat(rows.get(1).getCellAsNumber(5)).contains(new BigDecimal("10800"));
            Row nox = rows.stream().filter(row -> "氮氧化物".equals(row.getCellText(1))).findFirst().orElseThrow();
            assertThat(nox.getCellText(10)).isEqualTo("EMISSION-NOX");
            assertThat(nox.getCellText(14)).isEqualTo("规划指标暂不可用：指标服务答复 HTTP 503");
        }
    }

    @Test
    void anUnknownExportFormatIsABadRequest() {
        client.get().uri(PORTFOLIO + "/export?format=pdf").headers(viewer()).exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("format");
    }

    static Stream<String> endpoints() {
        return Stream.of(PORTFOLIO, PORTFOLIO + "?year=2024", PORTFOLIO + "/export?format=csv",
                PORTFOLIO + "/export?format=xlsx&year=2024");
    }

    static Stream<Arguments> everyEndpointForEveryRole() {
        return endpoints().flatMap(path -> PlatformRoles.ALL.stream().sorted().map(role -> Arguments.of(path, role)));
    }

    @ParameterizedTest(name = "{1} reads {0}")
    @MethodSource("everyEndpointForEveryRole")
    void everyPlatformRoleReadsThePortfolio(String path, String role) {
        client.get().uri(path).headers(TestJwts.token("someone", role).department("env").bearer()).exchange()
            .expectStatus().isOk();
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void tokenWithoutPlatformRoleIsForbidden(String path) {
        client.get().uri(path).headers(TestJwts.token("stranger", "offline_access").bearer()).exchange()
            .expectStatus().isForbidden()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private void now(String instant) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
    }

    private JsonNode portfolio(String query) {
        return client.get().uri(PORTFOLIO + query).headers(viewer()).exchange()
            .expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private void badYear(String query, String message) {
        WebTestClient.BodyContentSpec body = client.get().uri(PORTFOLIO + query).headers(viewer()).exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status").isEqualTo(400);
        if (message != null) {
            body.jsonPath("$.errors[0].field").isEqualTo("year").jsonPath("$.errors[0].message").isEqualTo(message);
        }
    }

    private void badExport(String query) {
        client.get().uri(PORTFOLIO + "/export?format=csv" + query).headers(viewer()).exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static String years(JsonNode portfolio) {
        return portfolio.at("/investment/byYear").valueStream()
            .map(year -> year.get("year").asInt() + "=" + year.at("/planned/amount").decimalValue().toPlainString() + "/"
                    + (year.get("disbursed").isNull() ? "-"
                            : year.at("/disbursed/amount").decimalValue().toPlainString()))
            .collect(Collectors.joining(" "));
    }

    private static String statuses(JsonNode portfolio) {
        return portfolio.get("byStatus").valueStream()
            .map(count -> count.get("status").asString() + "=" + count.get("projects").asInt())
            .collect(Collectors.joining(" "));
    }

    private static int schedule(JsonNode portfolio, String status) {
        return portfolio.get("byScheduleStatus").valueStream()
            .filter(count -> count.get("status").asString().equals(status))
            .findFirst()
            .orElseThrow()
            .get("projects")
            .asInt();
    }

    private static JsonNode reduction(JsonNode portfolio, String pollutant) {
        return portfolio.get("reductions").valueStream()
            .filter(row -> row.get("pollutant").asString().equals(pollutant))
            .findFirst()
            .orElseThrow();
    }

    private static void indicator(String code, ResponseDefinitionBuilder response) {
        INDICATOR_SERVICE.stubFor(get(urlEqualTo("/api/v1/indicators/" + code)).willReturn(response));
    }

    /** indicator-service's answer for a 市级下达 total, with the city's figure or (null) still without. */
    private static String indicatorJson(String code, String value, String direction) {
        return """
                {"seq": 11, "code": "%s", "category": ["污染物排放总量控制"],
                 "name": {"zh": "%s", "en": null}, "unit": "万吨",
                 "baseline": {"year": 2020, "value": null, "text": "完成市级下达指标"},
                 "target": {"year": 2025, "type": "ASSIGNED_BY_CITY", "value": %s, "direction": %s,
                            "text": "市级下达指", "assignment": null},
                 "attribute": "BINDING", "department": "env", "version": 0, "observations": [], "status": null}
                """.formatted(code, code.equals("EMISSION-COD") ? "化学需氧量" : code, value,
                direction == null ? "null" : "\"" + direction + "\"");
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }
}
