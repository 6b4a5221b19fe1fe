package org.ecoplan.indicator.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoplan.indicator.catalog.Fixtures.admin;
import static org.ecoplan.indicator.catalog.Fixtures.editor;
import static org.ecoplan.indicator.catalog.Fixtures.role;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.ecoplan.common.idempotency.IdempotencyKeys;
import org.ecoplan.common.spreadsheet.SpreadsheetFormat;
import org.ecoplan.common.spreadsheet.SpreadsheetTable;
import org.ecoplan.common.testing.AuthenticationFailures;
import org.ecoplan.common.testing.AuthenticationFailures.Call;
import org.ecoplan.indicator.catalog.Fixtures;
import org.ecoplan.indicator.catalog.Indicator;
import org.ecoplan.indicator.catalog.IndicatorServiceTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@IndicatorServiceTest
class ObservationImportApiTest {

    private static final String IMPORT = "/api/v1/indicators/observations/import";

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private static final String HEADER = "indicatorCode,period,value,source,method,note";

    @Autowired
    private WebTestClient client;

    @Autowired
    private ReactiveMongoTemplate template;

    @Test
    void threeBadRowsAmongAHundredStoreNothingAndAreAllListed() {
        Indicator share = Fixtures.indicator(template, "env", "%");
        Indicator concentration = Fixtures.indicator(template, "env", "μg/m³");
        List<String> lines = hundredMonthlyRows(share, concentration);
        lines.set(17, share.code() + ",2021-06,120,监测站,自动监测,");
        lines.set(54, concentration.code() + ",2022-13,30,监测站,自动监测,");
        lines.set(88, concentration.code() + ",2024-05,-3,监测站,,备注");

        JsonNode problem = client.post().uri(IMPORT).headers(editor("env")).contentType(CSV)
            .bodyValue(csv(lines))
            .exchange()
            .expectStatus().isEqualTo(422)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("detail").asString()).startsWith("3 of 100 rows are invalid; nothing was imported");
        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString() + ": "
                + error.get("message").asString())).containsExactly(
                        "line 18: value 120 % is above 100: a percentage is a share of a whole",
                        "line 55: period must be a year like 2023 or a month like 2023-05 (month 01 to 12) (got '2022-13')",
                        "line 89: method must not be blank",
                        "line 89: value -3 μg/m³ is below 0: a concentration cannot be negative");
        assertThat(stored(share) + stored(concentration)).isZero();
    }

    @Test
    void aValidFileIsStoredWholeAsSubmittedUnderOneImportWithAnAuditEntryEach() {
        Indicator share = Fixtures.indicator(template, "env", "%");
        Indicator concentration = Fixtures.indicator(template, "env", "μg/m³");

        JsonNode receipt = client.post().uri(IMPORT).headers(editor("env")).contentType(CSV)
            .bodyValue(csv(hundredMonthlyRows(share, concentration)))
            .exchange()
            .expectStatus().isCreated()
            .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location)
                .startsWith("/api/v1/indicators/observations?importId="))
            .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(receipt.get("imported").asInt()).isEqualTo(100);
        assertThat(receipt.get("observations").valueStream()).allSatisfy(observation -> {
            assertThat(observation.get("status").asString()).isEqualTo("SUBMITTED");
            assertThat(observation.get("submittedBy").asString()).isEqualTo("env-editor");
        });
        assertThat(stored(share) + stored(concentration)).isEqualTo(100);
        String importId = receipt.get("importId").asString();
        client.get().uri("/api/v1/indicators/observations?importId=" + importId).headers(admin()).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.total").isEqualTo(100);
        List<String> ids = receipt.get("observations").valueStream().map(o -> o.get("id").asString()).toList();
        assertThat(template.count(Query.query(Criteria.where("entityId").in(ids).and("action").is("SUBMITTED")),
                "audit").block()).isEqualTo(100);
    }

    @Test
    void csvWithByteOrderMarkQuotesAndCrlfIsRead() {
        Indicator indicator = Fixtures.indicator(template, "env", "%");
        String text = "\uFEFF" + HEADER + "\r\n" + indicator.code() + ",2023,91.2,\"岳阳市生态环境监测中心, 城陵矶\","
                + "自动监测,\"含\"\"复核\"\"\"\r\n";

        JsonNode receipt = importCsv(editor("env"), text.getBytes(StandardCharsets.UTF_8), 201);

        JsonNode observation = receipt.at("/observations/0");
        assertThat(observation.get("source").asString()).isEqualTo("岳阳市生态环境监测中心, 城陵矶");
        assertThat(observation.get("note").asString()).isEqualTo("含\"复核\"");
        assertThat(observation.get("value").decimalValue()).isEqualByComparingTo("91.2");
    }

    @Test
    void xlsxIsImportedLikeCsv() {
        Indicator indicator = Fixtures.indicator(template, "env", "μg/m³");
        byte[] workbook = xlsx(List.of(indicator.code(), 2023, 33.5, "城陵矶站", "HJ 663 年均值"),
                List.of(indicator.code(), "2024-05", 28, "城陵矶站", "月均值", "五月"));

        JsonNode receipt = client.post().uri(IMPORT).headers(admin())
            .contentType(SpreadsheetFormat.XLSX.mediaType()).bodyValue(workbook)
            .exchange()
            .expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(receipt.get("observations").valueStream().map(o -> o.get("period").asString() + "="
                + o.get("value").decimalValue().stripTrailingZeros().toPlainString()))
            .containsExactly("2023=33.5", "2024-05=28");
    }

    @Test
    void xlsxBadRowsAreListedByRowNumber() {
        Indicator indicator = Fixtures.indicator(template, "env", "%");
        byte[] workbook = xlsx(List.of(indicator.code(), 2023, 101, "站", "法"));
        client.post().uri(IMPORT).headers(admin()).contentType(SpreadsheetFormat.XLSX.mediaType()).bodyValue(workbook)
            .exchange()
            .expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("line 2");
        assertThat(stored(indicator)).isZero();
    }

    @Test
    void rowsOfAnotherDepartmentUnknownIndicatorsAndRepeatsAreBadRows() {
        Indicator own = Fixtures.indicator(template, "env", "%");
        Indicator water = Fixtures.indicator(template, "water", "%");
        String text = String.join("\n", HEADER, own.code() + ",2023,50,站,法,", water.code() + ",2023,50,站,法,",
                "T-NOWHERE,2023,50,站,法,", own.code() + ",2023,51,站,法,", own.code() + ",2023,52,站,法,x,extra");

        JsonNode problem = importCsv(editor("env"), text.getBytes(StandardCharsets.UTF_8), 422);

        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString()))
            .containsExactly("line 3", "line 4", "line 5", "line 6");
        assertThat(problem.at("/errors/0/message").asString()).contains("belongs to department water");
        assertThat(problem.at("/errors/2/message").asString()).isEqualTo("repeats indicator " + own.code()
                + " and period 2023 of line 2");
        assertThat(stored(own) + stored(water)).isZero();
    }

    @Test
    void fileWithoutTheHeaderOrRowsOrNotUtf8IsRefused() {
        importCsv(admin(), "code,year,value\nAIR-PM25,2023,33\n".getBytes(StandardCharsets.UTF_8), 422);
        importCsv(admin(), (HEADER + "\n").getBytes(StandardCharsets.UTF_8), 422);
        importCsv(admin(), new byte[0], 400);
        importCsv(admin(), (HEADER + "\nAIR-PM25,2023,33,监测站,法,\n").getBytes(java.nio.charset.Charset.forName("GB18030")),
                422);
    }

    @ParameterizedTest(name = "{0} may not import")
    @MethodSource("org.ecoplan.indicator.catalog.Fixtures#readOnlyRoles")
    void readOnlyRolesMayNotImport(String role) {
        Indicator indicator = Fixtures.indicator(template, "env", "%");
        importCsv(role(role), (HEADER + "\n" + indicator.code() + ",2023,50,站,法,\n").getBytes(StandardCharsets.UTF_8),
                403);
        assertThat(stored(indicator)).isZero();
    }

    @TestFactory
    Stream<DynamicTest> whoIsNoPlatformUserIsTurnedAway() {
        return AuthenticationFailures.of(client, Call.post(IMPORT, CSV, HEADER + "\n"));
    }

    @Test
    void otherMediaTypesAre415() {
        client.post().uri(IMPORT).headers(admin()).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
            .exchange()
            .expectStatus().isEqualTo(415);
    }

    @Test
    void retriedImportWithTheSameKeyStoresOnce() {
        Indicator indicator = Fixtures.indicator(template, "env", "%");
        byte[] file = (HEADER + "\n" + indicator.code() + ",2023,50,站,法,\n" + indicator.code() + ",2022,49,站,法,\n")
            .getBytes(StandardCharsets.UTF_8);
        String key = UUID.randomUUID().toString();

        String first = client.post().uri(IMPORT).headers(editor("env")).header(IdempotencyKeys.HEADER, key)
            .contentType(CSV).bodyValue(file)
            .exchange()
            .expectStatus().isCreated()
            .expectBody(String.class).returnResult().getResponseBody();
        client.post().uri(IMPORT).headers(editor("env")).header(IdempotencyKeys.HEADER, key)
            .contentType(CSV).bodyValue(file)
            .exchange()
            .expectStatus().isCreated()
            .expectHeader().valueEquals(IdempotencyKeys.REPLAYED_HEADER, "true")
            .expectBody(String.class).isEqualTo(first);

        assertThat(stored(indicator)).isEqualTo(2);
    }

    @Test
    void retryAfterTheKeysClaimWasLostStillStoresTheImportOnce() {
        Indicator indicator = Fixtures.indicator(template, "env", "%");
        byte[] file = (HEADER + "\n" + indicator.code() + ",2023,50,站,法,\n" + indicator.code() + ",2022,49,站,法,\n")
            .getBytes(StandardCharsets.UTF_8);
        String key = UUID.randomUUID().toString();
        String first = importWithKey(file, key).get("importId").asString();

        // What a process killed before it could record the response leaves once the key's lease is over.
        template.remove(Query.query(Criteria.where("key").is(key)), "idempotency_keys").block();
        JsonNode retried = importWithKey(file, key);

        assertThat(retried.get("importId").asString()).isEqualTo(first);
        assertThat(retried.get("imported").asInt()).isEqualTo(2);
        assertThat(stored(indicator)).isEqualTo(2);
    }

    private JsonNode importWithKey(byte[] file, String key) {
        return client.post().uri(IMPORT).headers(editor("env")).header(IdempotencyKeys.HEADER, key)
            .contentType(CSV).bodyValue(file)
            .exchange()
            .expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** A workbook of the import's header and the rows, written as the platform's own exports are. */
    @SafeVarargs
    private static byte[] xlsx(List<Object>... rows) {
        return new SpreadsheetTable("observations", List.of(HEADER.split(",")), List.of(rows))
            .write(SpreadsheetFormat.XLSX);
    }

    private JsonNode importCsv(Consumer<HttpHeaders> token, byte[] file, int status) {
        return client.post().uri(IMPORT).headers(token).contentType(CSV).bodyValue(file)
            .exchange()
            .expectStatus().isEqualTo(status)
            .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** Header plus 100 rows: 50 months for each indicator, lines 2 to 101. */
    private static List<String> hundredMonthlyRows(Indicator share, Indicator concentration) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (int i = 0; i < 50; i++) {
            String month = "%d-%02d".formatted(2020 + i / 12, i % 12 + 1);
            lines.add(share.code() + "," + month + "," + (80 + i % 10) + ".5,岳阳市生态环境监测中心,月报,");
            lines.add(concentration.code() + "," + month + "," + (30 + i % 7) + ",城陵矶站,自动监测,\"月均, 已复核\"");
        }
        return lines;
    }

    private static byte[] csv(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private long stored(Indicator indicator) {
        return template.count(Query.query(Criteria.where("indicatorCode").is(indicator.code())), Observation.class)
            .block();
    }
}
