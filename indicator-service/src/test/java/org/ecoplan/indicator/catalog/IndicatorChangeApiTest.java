package org.ecoplan.indicator.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoplan.indicator.catalog.Fixtures.admin;
import static org.ecoplan.indicator.catalog.Fixtures.editor;
import static org.ecoplan.indicator.catalog.Fixtures.role;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.ecoplan.common.idempotency.IdempotencyKeys;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.AuthenticationFailures;
import org.ecoplan.common.testing.AuthenticationFailures.Call;
import org.ecoplan.common.testing.TestClock;
import org.ecoplan.indicator.observation.Derivation;
import org.ecoplan.indicator.observation.Observations;
import org.ecoplan.indicator.observation.Period;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@IndicatorServiceTest
class IndicatorChangeApiTest {

    private static final String INDICATORS = "/api/v1/indicators";

    @Autowired
    private WebTestClient client;

    @Autowired
    private ReactiveMongoTemplate template;

    @Autowired
    private Observations observations;

    @Autowired
    private TestStatuses statuses;

    @Autowired
    private TestClock clock;

    @TestFactory
    Stream<DynamicTest> whoIsNoPlatformUserIsTurnedAwayFromEveryChange() {
        return AuthenticationFailures.of(client,
                Call.post(INDICATORS, MediaType.APPLICATION_JSON, draft(newCode(), "env", "%", null)),
                Call.put(INDICATORS + "/AIR-PM25", MediaType.APPLICATION_JSON, draft(null, "env", "%", null)),
                Call.put(INDICATORS + "/AIR-PM25/target", MediaType.APPLICATION_JSON,
                        cityTarget("0.12", LocalDate.of(2022, 3, 1))),
                Call.delete(INDICATORS + "/AIR-PM25"),
                Call.get(INDICATORS + "/export"));
    }

    // ---- create

    @Test
    void adminCreatesAnIndicatorWithLocationETagAndAudit() {
        String code = newCode();

        client.post().uri(INDICATORS).headers(admin()).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(draft(code, "env", "%", null))
            .exchange()
            .expectStatus().isCreated()
            .expectHeader().location(INDICATORS + "/" + code)
            .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
            .expectBody()
            .jsonPath("$.code").isEqualTo(code)
            .jsonPath("$.version").isEqualTo(0)
            .jsonPath("$.seq").isNumber()
            .jsonPath("$.target.type").isEqualTo("NUMERIC")
            .jsonPath("$.targetHistory.length()").isEqualTo(0);

        JsonNode history = history(code);
        assertThat(history.get("total").asInt()).isEqualTo(1);
        assertThat(history.at("/items/0/action").asString()).isEqualTo("CREATED");
        assertThat(history.at("/items/0/actor/username").asString()).isEqualTo("eco-admin");
        assertThat(history.at("/items/0/actor/subject").asString()).isNotBlank();
        assertThat(history.at("/items/0/before").isNull()).isTrue();
        assertThat(history.at("/items/0/after/code").asString()).isEqualTo(code);
        assertThat(history.at("/items/0/after/target/value").decimalValue()).isEqualByComparingTo("90");
    }

    static Stream<String> everyRoleButAdmin() {
        return Stream.concat(Stream.of(PlatformRoles.BUREAU_EDITOR), Fixtures.readOnlyRoles().stream());
    }

    @ParameterizedTest(name = "{0} may not create")
    @MethodSource("everyRoleButAdmin")
    void onlyAdminCreates(String role) {
        String code = newCode();
        client.post().uri(INDICATORS).headers(role(role)).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(draft(code, "env", "%", null))
            .exchange()
            .expectStatus().isForbidden()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri(INDICATORS + "/" + code).headers(admin()).exchange().expectStatus().isNotFound();
    }

    @Test
    void takenCodeIs409() {
        client.post().uri(INDICATORS).headers(admin()).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(draft("AIR-PM25", "env", "μg/m³", null))
            .exchange()
            .expectStatus().isEqualTo(409)
            .expectBody().jsonPath("$.detail").isEqualTo("There is already an indicator with code AIR-PM25");
    }

    @Test
    void unknownUnitOrTargetOfTheWrongShapeIs422AndStoresNothing() {
        String code = newCode();
        client.post().uri(INDICATORS).headers(admin()).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(draft(code, "env", "dB(A)", null))
            .exchange()
            .expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("unit");

        client.post().uri(INDICATORS).headers(admin()).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(draft(code, "env", "%", null).replace("\"direction\": \"HIGHER_IS_BETTER\"",
                    "\"direction\": null"))
            .exchange()
            .expectStatus().isEqualTo(422)
            .expectBody()
            .jsonPath("$.errors[0].field").isEqualTo("target")
            .jsonPath("$.errors[0].message").isEqualTo("a numeric target needs a value and a direction");

        client.get().uri(INDICATORS + "/" + code).headers(admin()).exchange().expectStatus().isNotFound();
    }

    @Test
    void malformedCodeIs400() {
        client.post().uri(INDICATORS).headers(admin()).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(draft("observations", "env", "%", null))
            .exchange()
            .expectStatus().isBadRequest()
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("code");
    }

    @Test
    void retriedCreateWithTheSameIdempotencyKeyReturnsTheFirstResult() {
        String code = newCode();
        String key = UUID.randomUUID().toString();
        String first = client.post().uri(INDICATORS).headers(admin()).header(IdempotencyKeys.HEADER, key)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(draft(code, "env", "%", null))
            .exchange()
            .expectStatus().isCreated()
            .expectBody(String.class).returnResult().getResponseBody();

        client.post().uri(INDICATORS).headers(admin()).header(IdempotencyKeys.HEADER, key)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(draft(code, "env", "%", null))
            .exchange()
            .expectStatus().isCreated()
            .expectHeader().location(INDICATORS + "/" + code)
            .expectHeader().valueEquals(IdempotencyKeys.REPLAYED_HEADER, "true")
            .expectBody(String.class).isEqualTo(first);
        assertThat(history(code).get("total").asInt()).isEqualTo(1);
    }

    // ---- read

    @Test
    void detailShowsTargetApprovedValuesStatusAndETag() {
        Indicator indicator = Fixtures.indicator(template, "env", "μg/m³");
        observations.recordDerived(indicator.code(), Period.ofYear(2023), new BigDecimal("33"), "城陵矶站",
                "HJ 663 年均值", new Derivation("AIR_ANNUAL", "城陵矶/2023", "/api/v1/air-quality/annual")).block();
        statuses.set(indicator.code(), "ON_TRACK");

        client.get().uri(INDICATORS + "/" + indicator.code()).headers(role(PlatformRoles.ENTERPRISE)).exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
            .expectBody()
            .jsonPath("$.code").isEqualTo(indicator.code())
            .jsonPath("$.target.value").isEqualTo(34)
            .jsonPath("$.observations.length()").isEqualTo(1)
            .jsonPath("$.observations[0].period").isEqualTo("2023")
            .jsonPath("$.observations[0].value").isEqualTo(33)
            .jsonPath("$.observations[0].derived").isEqualTo(true)
            .jsonPath("$.status").isEqualTo("ON_TRACK");
    }

    @Test
    void listFiltersByStatus() {
        Indicator onTrack = Fixtures.indicator(template, "env", "%");
        Indicator limited = Fixtures.indicator(template, "env", "%");
        statuses.set(onTrack.code(), "ON_TRACK_" + onTrack.code());
        statuses.set(limited.code(), "LIMITED");

        client.get().uri(INDICATORS + "?status=ON_TRACK_" + onTrack.code()).headers(role(PlatformRoles.BUREAU_VIEWER))
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.total").isEqualTo(1)
            .jsonPath("$.items[0].code").isEqualTo(onTrack.code());
    }

    // ---- update

    @Test
    void editorOfTheDepartmentReplacesAnIndicatorAndTheTargetChangeIsKept() {
        Indicator indicator = Fixtures.indicator(template, "env", "%");

        client.put().uri(INDICATORS + "/" + indicator.code()).headers(editor("env")).header(HttpHeaders.IF_MATCH, "\"0\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(draft(null, "env", "%", null).replace("测试新指标", "改名的指标"))
            .exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
            .expectBody()
            .jsonPath("$.name.zh").isEqualTo("改名的指标")
            .jsonPath("$.version").isEqualTo(1)
            .jsonPath("$.target.value").isEqualTo(90)
            .jsonPath("$.targetHistory.length()").isEqualTo(1)
            .jsonPath("$.targetHistory[0].value").isEqualTo(34);

        JsonNode history = history(indicator.code());
        assertThat(history.at("/items/0/action").asString()).isEqualTo("UPDATED");
        assertThat(history.at("/items/0/actor/username").asString()).isEqualTo("env-editor");
        assertThat(history.at("/items/0/before/name/zh").asString()).isEqualTo("测试指标");
        assertThat(history.at("/items/0/after/name/zh").asString()).isEqualTo("改名的指标");
    }

    @Test
    void replacingWithTheSameTargetKeepsTheHistoryEmpty() {
        Indicator indicator = Fixtures.indicator(template, "env", "%");
        String sameTarget = draft(null, "env", "%", null)
            .replace("\"value\": 90, \"direction\": \"HIGHER_IS_BETTER\", \"text\": \"90\"",
                    "\"value\": 34.0, \"direction\": \"LOWER_IS_BETTER\", \"text\": \"34\"");

        client.put().uri(INDICATORS + "/" + indicator.code()).headers(admin()).header(HttpHeaders.IF_MATCH, "\"0\"")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(sameTarget)
            .exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.targetHistory.length()").isEqualTo(0);
    }

    @Test
    void editorOfAnotherDepartmentGets403NamingTheDepartment() {
        Indicator indicator = Fixtures.indicator(template, "env", "%");

        client.put().uri(INDICATORS + "/" + indicator.code()).headers(editor("water")).header(HttpHeaders.IF_MATCH, "\"0\"")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(draft(null, "env", "%", null))
            .exchange()
            .expectStatus().isForbidden()
            .expectBody().jsonPath("$.detail").isEqualTo("Indicator " + indicator.code()
                    + " belongs to department env; water-editor may change only indicators of department water.");
    }

    @Test
    void editorMayNotHandAnIndicatorToAnotherDepartment() {
        Indicator indicator = Fixtures.indicator(template, "env", "%");

        client.put().uri(INDICATORS + "/" + indicator.code()).headers(editor("env")).header(HttpHeaders.IF_MATCH, "\"0\"")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(draft(null, "water", "%", null))
            .exchange()
            .expectStatus().isForbidden();

        client.put().uri(INDICATORS + "/" + indicator.code()).headers(admin()).header(HttpHeaders.IF_MATCH, "\"0\"")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(draft(null, "water", "%", null))
            .exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.department").isEqualTo("water");
    }

    @ParameterizedTest(name = "{0} may not replace")
    @MethodSource("org.ecoplan.indicator.catalog.Fixtures#readOnlyRoles")
    void readOnlyRolesMayNotReplace(String role) {
        Indicator indicator = Fixtures.indicator(template, "env", "%");
        client.put().uri(INDICATORS + "/" + indicator.code()).headers(role(role)).header(HttpHeaders.IF_MATCH, "\"0\"")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(draft(null, "env", "%", null))
            .exchange()
            .expectStatus().isForbidden();
    }

    @Test
    void replaceWithoutIfMatchIs428AndWithAStaleOneIs412() {
        Indicator indicator = Fixtures.indicator(template, "env", "%");
        String uri = INDICATORS + "/" + indicator.code();

        client.put().uri(uri).headers(admin()).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(draft(null, "env", "%", null))
            .exchange()
            .expectStatus().isEqualTo(428)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        client.put().uri(uri).headers(admin()).header(HttpHeaders.IF_MATCH, "\"0\"")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(draft(null, "env", "%", null))
            .exchange()
            .expectStatus().isOk();

        client.put().uri(uri).headers(admin()).header(HttpHeaders.IF_MATCH, "\"0\"")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(draft(null, "env", "%", null).replace("测试新指标", "晚了"))
            .exchange()
            .expectStatus().isEqualTo(412);

        assertThat(history(indicator.code()).get("total").asInt()).isEqualTo(1);
    }

    @Test
    void replaceOfAnUnknownCodeIs404() {
        client.put().uri(INDICATORS + "/T-NOWHERE").headers(admin()).header(HttpHeaders.IF_MATCH, "\"0\"")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(draft(null, "env", "%", null))
            .exchange()
            .expectStatus().isNotFound();
    }

    @Test
    void codeInTheBodyMustBeThePathsCode() {
        Indicator indicator = Fixtures.indicator(template, "env", "%");
        client.put().uri(INDICATORS + "/" + indicator.code()).headers(admin()).header(HttpHeaders.IF_MATCH, "\"0\"")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(draft("OTHER-CODE", "env", "%", null))
            .exchange()
            .expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("code");
    }

    // ---- the city's target

    @Test
    void editorEntersTheCitysFigureAndThePrintedTargetGoesToHistory() {
        Indicator indicator = Fixtures.indicator(template, "env", "万吨", awaitingCity());

        client.put().uri(INDICATORS + "/" + indicator.code() + "/target").headers(editor("env"))
            .header(HttpHeaders.IF_MATCH, "\"0\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(cityTarget("0.12", LocalDate.now(clock)))
            .exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
            .expectBody()
            .jsonPath("$.target.type").isEqualTo("ASSIGNED_BY_CITY")
            .jsonPath("$.target.value").isEqualTo(0.12)
            .jsonPath("$.target.direction").isEqualTo("HIGHER_IS_BETTER")
            .jsonPath("$.target.text").isEqualTo("市级下达指")
            .jsonPath("$.target.assignment.documentNumber").isEqualTo("岳环发〔2022〕12号")
            .jsonPath("$.targetHistory.length()").isEqualTo(1)
            .jsonPath("$.targetHistory[0].value").doesNotExist();

        clock.advance(Duration.ofDays(1));
        client.put().uri(INDICATORS + "/" + indicator.code() + "/target").headers(admin())
            .header(HttpHeaders.IF_MATCH, "\"1\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(cityTarget("0.15", LocalDate.now(clock)))
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.target.value").isEqualTo(0.15)
            .jsonPath("$.targetHistory.length()").isEqualTo(2)
            .jsonPath("$.targetHistory[1].value").isEqualTo(0.12);

        JsonNode history = history(indicator.code());
        assertThat(history.get("items").valueStream().map(entry -> entry.get("action").asString()))
            .containsExactly("TARGET_ASSIGNED", "TARGET_ASSIGNED");
    }

    @Test
    void cityFigureFitsOnlyATargetAssignedByTheCity() {
        Indicator numeric = Fixtures.indicator(template, "env", "万吨");
        client.put().uri(INDICATORS + "/" + numeric.code() + "/target").headers(admin())
            .header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(cityTarget("0.12", LocalDate.now(clock)))
            .exchange()
            .expectStatus().isEqualTo(409);
    }

    @Test
    void cityFigureOutOfRangeOrFromTheFutureIs422() {
        Indicator indicator = Fixtures.indicator(template, "env", "%", awaitingCity());
        String uri = INDICATORS + "/" + indicator.code() + "/target";
        client.put().uri(uri).headers(admin()).header(HttpHeaders.IF_MATCH, "\"0\"")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(cityTarget("120", LocalDate.now(clock)))
            .exchange()
            .expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("value");
        client.put().uri(uri).headers(admin()).header(HttpHeaders.IF_MATCH, "\"0\"")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(cityTarget("12", LocalDate.now(clock).plusDays(1)))
            .exchange()
            .expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("date");
    }

    @Test
    void cityFigureByAnotherDepartmentOrReadOnlyRoleIsForbiddenAndNeedsIfMatch() {
        Indicator indicator = Fixtures.indicator(template, "env", "万吨", awaitingCity());
        String uri = INDICATORS + "/" + indicator.code() + "/target";
        for (Consumer<HttpHeaders> token : List.of(editor("water"), role(PlatformRoles.BUREAU_VIEWER),
                role(PlatformRoles.INTEGRATOR_WRITE))) {
            client.put().uri(uri).headers(token).header(HttpHeaders.IF_MATCH, "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(cityTarget("0.12", LocalDate.now(clock)))
                .exchange()
                .expectStatus().isForbidden();
        }
        client.put().uri(uri).headers(admin()).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(cityTarget("0.12", LocalDate.now(clock)))
            .exchange()
            .expectStatus().isEqualTo(428);
    }

    // ---- delete

    @Test
    void adminDeletesAnIndicatorWithoutObservations() {
        Indicator indicator = Fixtures.indicator(template, "env", "%");
        String uri = INDICATORS + "/" + indicator.code();

        client.delete().uri(uri).headers(editor("env")).header(HttpHeaders.IF_MATCH, "\"0\"").exchange()
            .expectStatus().isForbidden();
        client.delete().uri(uri).headers(admin()).exchange().expectStatus().isEqualTo(428);
        client.delete().uri(uri).headers(admin()).header(HttpHeaders.IF_MATCH, "\"7\"").exchange()
            .expectStatus().isEqualTo(412);
        client.delete().uri(uri).headers(admin()).header(HttpHeaders.IF_MATCH, "\"0\"").exchange()
            .expectStatus().isNoContent();

        client.get().uri(uri).headers(admin()).exchange().expectStatus().isNotFound();
        JsonNode history = history(indicator.code());
        assertThat(history.at("/items/0/action").asString()).isEqualTo("DELETED");
        assertThat(history.at("/items/0/after").isNull()).isTrue();
        assertThat(history.at("/items/0/before/code").asString()).isEqualTo(indicator.code());
    }

    @Test
    void indicatorWithObservationsIsNotDeleted() {
        Indicator indicator = Fixtures.indicator(template, "env", "%");
        observations.recordDerived(indicator.code(), Period.ofYear(2023), new BigDecimal("91"), "城陵矶站",
                "HJ 663", new Derivation("AIR_ANNUAL", "城陵矶/2023", "/x")).block();

        client.delete().uri(INDICATORS + "/" + indicator.code()).headers(admin()).header(HttpHeaders.IF_MATCH, "\"0\"")
            .exchange()
            .expectStatus().isEqualTo(409);
    }

    // ---- history

    @ParameterizedTest(name = "{0}")
    @MethodSource("historyReaders")
    void bureauStaffReadTheHistoryOthersDoNot(String role, int status) {
        client.get().uri(INDICATORS + "/AIR-PM25/history").headers(role(role)).exchange()
            .expectStatus().isEqualTo(status);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> historyReaders() {
        return Stream.of(org.junit.jupiter.params.provider.Arguments.of(PlatformRoles.ECO_ADMIN, 200),
                org.junit.jupiter.params.provider.Arguments.of(PlatformRoles.BUREAU_EDITOR, 200),
                org.junit.jupiter.params.provider.Arguments.of(PlatformRoles.BUREAU_VIEWER, 200),
                org.junit.jupiter.params.provider.Arguments.of(PlatformRoles.PLAN_REVIEWER, 200),
                org.junit.jupiter.params.provider.Arguments.of(PlatformRoles.ENTERPRISE, 403),
                org.junit.jupiter.params.provider.Arguments.of(PlatformRoles.INTEGRATOR_READ, 403),
                org.junit.jupiter.params.provider.Arguments.of(PlatformRoles.INTEGRATOR_WRITE, 403));
    }

    // ---- export

    @Test
    void csvExportHasChineseHeadingsBomAndLatestValues() {
        Indicator indicator = Fixtures.indicator(template, "env", "μg/m³");
        observations.recordDerived(indicator.code(), Period.ofYear(2022), new BigDecimal("35"), "城陵矶站", "HJ 663",
                new Derivation("AIR_ANNUAL", "城陵矶/2022", "/x")).block();
        clock.advance(Duration.ofSeconds(1));
        observations.recordDerived(indicator.code(), Period.ofYear(2023), new BigDecimal("33.5"), "城陵矶站",
                "HJ 663", new Derivation("AIR_ANNUAL", "城陵矶/2023", "/x")).block();
        statuses.set(indicator.code(), "ON_TRACK");

        byte[] file = client.get().uri(INDICATORS + "/export?format=csv").headers(role(PlatformRoles.INTEGRATOR_READ))
            .exchange()
            .expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith("text/csv")
            .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION,
                    disposition -> assertThat(disposition).startsWith("attachment").contains("ecoplan-indicators.csv"))
            .expectBody(byte[].class).returnResult().getResponseBody();

        assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", IndicatorExport.HEADINGS));
        assertThat(lines.get(1)).startsWith("1,AIR-PM25,环境质量改善 > 空气环境质量,细颗粒物（PM2.5）浓度,μg/m³,2020,36,2025,34,");
        assertThat(text).contains("\r\n");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("900," + indicator.code() + ",")
            .endsWith(",env,2023,33.5,ON_TRACK"));
        assertThat(lines).filteredOn(line -> line.contains(",EMISSION-NOX,"))
            .singleElement()
            .satisfies(line -> assertThat(line).contains(",完成市级下达指标,2025,市级下达指,市级下达,约束性,env,,,"));
    }

    @Test
    void xlsxExportIsAWorkbookWithTheSameTable() throws Exception {
        byte[] file = client.get().uri(INDICATORS + "/export?format=xlsx").headers(role(PlatformRoles.ENTERPRISE))
            .exchange()
            .expectStatus().isOk()
            .expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .expectBody(byte[].class).returnResult().getResponseBody();

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).isEqualTo("序号");
            assertThat(rows.get(0).getCellText(14)).isEqualTo("进展状态");
            assertThat(rows.get(1).getCellText(1)).isEqualTo("AIR-PM25");
            assertThat(rows.get(1).getCellAsNumber(6)).contains(new BigDecimal("36"));
        }
    }

    @Test
    void unknownExportFormatIs400() {
        client.get().uri(INDICATORS + "/export?format=pdf").headers(admin()).exchange()
            .expectStatus().isBadRequest()
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("format");
    }

    // ---- helpers

    private JsonNode history(String code) {
        return client.get().uri(INDICATORS + "/" + code + "/history").headers(role(PlatformRoles.BUREAU_VIEWER))
            .exchange()
            .expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static String newCode() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static Target awaitingCity() {
        return new Target(2025, TargetType.ASSIGNED_BY_CITY, null, null, "市级下达指");
    }

    private static String cityTarget(String value, LocalDate date) {
        return """
                {"value": %s, "direction": "HIGHER_IS_BETTER", "documentNumber": "岳环发〔2022〕12号", "date": "%s"}"""
            .formatted(value, date);
    }

    /** A numeric target of 90 (higher is better); {@code code} may be null, as on replace. */
    private static String draft(String code, String department, String unit, Integer seq) {
        return """
                {"code": %s, "seq": %s, "category": ["测试类别"], "name": {"zh": "测试新指标", "en": "New"},
                 "unit": "%s", "baseline": {"year": 2020, "value": 80, "text": "80"},
                 "target": {"year": 2025, "type": "NUMERIC", "value": 90, "direction": "HIGHER_IS_BETTER", "text": "90"},
                 "attribute": "EXPECTED", "department": "%s", "footnote": null}"""
            .formatted(code == null ? "null" : "\"" + code + "\"", seq, unit, department);
    }
}
