package org.ecoplan.risk.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoplan.risk.enterprise.Fixtures.ENTERPRISES;
import static org.ecoplan.risk.enterprise.Fixtures.ENTERPRISE_A;
import static org.ecoplan.risk.enterprise.Fixtures.ENTERPRISE_B;
import static org.ecoplan.risk.enterprise.Fixtures.admin;
import static org.ecoplan.risk.enterprise.Fixtures.creditCode;
import static org.ecoplan.risk.enterprise.Fixtures.editor;
import static org.ecoplan.risk.enterprise.Fixtures.enterprise;
import static org.ecoplan.risk.enterprise.Fixtures.role;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.ecoplan.common.idempotency.IdempotencyKeys;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.spreadsheet.SpreadsheetFormat;
import org.ecoplan.common.spreadsheet.SpreadsheetReader;
import org.ecoplan.common.spreadsheet.SpreadsheetTable;
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
import tools.jackson.databind.JsonNode;

@RiskServiceTest
class EnterpriseImportApiTest {

    private static final String IMPORT = ENTERPRISES + "/import";

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private static final String HEADINGS = "企业名称,英文名称,统一社会信用代码,地址,经度,纬度,行业代码,行业名称,监管部门,重点监管,"
            + "联系人,联系电话,电子邮箱\n";

    @Autowired
    private WebTestClient client;

    @Autowired
    private ReactiveMongoTemplate template;

    @Test
    void editorImportsCsvRowsOfTheirDepartment() {
        String marker = marker();
        String file = HEADINGS
                + "岳阳市" + marker + "甲有限公司,,"  + creditCode() + ",\"岳阳楼区港兴路2号,东侧\",113.17,29.44,C2614,"
                + "有机化学原料制造,water,是,张三；李四,13800000001；0730-8222222,a@example.com；\n"
                + "岳阳市" + marker + "乙有限公司,Yi Co.," + creditCode() + ",岳阳楼区金鹗中路9号,,,O8111,汽车修理与维护,"
                + "water,,,,\n";

        JsonNode receipt = importCsv(file, editor("water")).expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(receipt.get("imported").asInt()).isEqualTo(2);
        JsonNode first = receipt.at("/enterprises/0");
        assertThat(first.get("id").asString()).matches("E-430602-[0-9]{4}");
        assertThat(first.get("address").asString()).isEqualTo("岳阳楼区港兴路2号,东侧");
        assertThat(first.get("keySupervision").asBoolean()).isTrue();
        assertThat(first.at("/contacts/1/phone").asString()).isEqualTo("0730-8222222");
        assertThat(first.at("/contacts/1/email").isNull()).isTrue();
        assertThat(first.at("/location/latitude").asDouble()).isEqualTo(29.44);
        JsonNode second = receipt.at("/enterprises/1");
        assertThat(second.get("location").isNull()).isTrue();
        assertThat(second.get("contacts").isEmpty()).isTrue();
        assertThat(second.at("/name/en").asString()).isEqualTo("Yi Co.");

        JsonNode history = client.get().uri(ENTERPRISES + "/" + first.get("id").asString() + "/history")
            .headers(admin()).exchange().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(history.at("/items/0/action").asString()).isEqualTo("IMPORTED");
        assertThat(history.at("/items/0/actor/username").asString()).isEqualTo("water-editor");
    }

    @Test
    void aFileWithBadRowsIs422NamingEachLineAndFieldAndStoresNothing() {
        String marker = marker();
        String good = creditCode();
        String twice = creditCode();
        String wrongCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        String file = HEADINGS
                + "岳阳市" + marker + "好有限公司,," + good + ",港兴路3号,113.1,29.4,C2614,有机化学原料制造,env,否,,,\n"
                + ",," + wrongCheck + ",港兴路4号,east,29.4,C2614,有机化学原料制造,env,也许,,,\n"
                + "\n"
                + "岳阳市" + marker + "丙有限公司,," + twice + ",港兴路5号,,,C2614,有机化学原料制造,env,否,王五,,\n"
                + "岳阳市" + marker + "丁有限公司,," + twice + ",港兴路6号,,,X1,有机化学原料制造,env,否,,,\n"
                + "岳阳市" + marker + "戊有限公司,,91430602MA4PK1R35Q,港兴路7号,,,C2614,有机化学原料制造,env,否,,,\n";
        long before = count();

        JsonNode problem = importCsv(file, editor("env")).expectStatus().isEqualTo(422)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("detail").asString())
            .isEqualTo("4 of 5 rows are invalid; nothing was imported. See errors for every bad row.");
        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString() + ": "
                + error.get("message").asString())).containsExactly(
                        "line 3, creditCode: has a wrong check character: GB 32100-2015 gives " + good.charAt(17)
                                + " for the first 17",
                        "line 3, keySupervision: must be 是 or 否",
                        "line 3, location.longitude: must be a number of degrees (got 'east')",
                        "line 3, name.zh: must not be blank",
                        "line 5, contacts: lists 1 names, 0 phones and 0 e-mails; give one of each per contact, "
                                + "separated by ； (e-mails may all be left out)",
                        "line 6, creditCode: repeats line 5",
                        "line 6, industry.code: must be a GB/T 4754-2017 code like C2662",
                        "line 7, creditCode: 91430602MA4PK1R35Q is already registered as " + ENTERPRISE_A);
        assertThat(count()).isEqualTo(before);

        String otherDepartment = HEADINGS + "岳阳市" + marker + "己有限公司,," + creditCode()
                + ",港兴路8号,,,C2614,有机化学原料制造,water,否,,,\n"
                + "岳阳市" + marker + "庚有限公司,," + wrongCheck + ",港兴路9号,,,C2614,有机化学原料制造,env,否,,,\n"
                + ",," + creditCode() + ",港兴路9号,,,C2614,有机化学原料制造,env,否,,,\n";
        JsonNode scoped = importCsv(otherDepartment, editor("env")).expectStatus().isEqualTo(422)
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(scoped.get("errors").valueStream().map(error -> error.get("field").asString()))
            .containsExactly("line 2, supervisingDepartment", "line 3, creditCode", "line 4, name.zh");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void unreadableFilesOrHeadingsAre422() {
        assertFileProblem(("名称,信用代码\n甲,1\n").getBytes(StandardCharsets.UTF_8),
                "Line 1 has the unknown heading '名称'; the headings are " + EnterpriseColumn.headings());
        assertFileProblem(("企业名称,统一社会信用代码\n甲,1\n").getBytes(StandardCharsets.UTF_8),
                "The headings lack [地址, 行业代码, 行业名称, 监管部门].");
        assertFileProblem(HEADINGS.getBytes(StandardCharsets.UTF_8),
                "The file needs a row of headings and at least one enterprise.");
        assertFileProblem(new byte[0], "The file needs a row of headings and at least one enterprise.");
        assertFileProblem(HEADINGS.getBytes(java.nio.charset.Charset.forName("GBK")),
                "The file cannot be read: the file is not UTF-8 text; save it as \"CSV UTF-8\"");
    }

    @Test
    void aFileOfMoreRowsThanOneImportTakesIs422BeforeItsRowsAreChecked() {
        long before = count();
        assertFileProblem((HEADINGS + "甲\n".repeat(2001)).getBytes(StandardCharsets.UTF_8),
                "The file holds more than 2000 rows after its headings; one import takes at most 2000.");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void importsXlsxAndARetryWithTheSameKeyImportsNothingTwice() {
        String marker = marker();
        byte[] workbook = new SpreadsheetTable("企业", EnterpriseColumn.headings(), List.of(List.of("",
                "岳阳市" + marker + "表格有限公司", "", creditCode(), "港兴路10号", 113.2, 29.45, "C2614", "有机化学原料制造",
                "env", "否", "", "", "", "", "", ""))).write(SpreadsheetFormat.XLSX);
        String key = UUID.randomUUID().toString();
        long before = count();

        JsonNode receipt = client.post().uri(IMPORT).headers(admin()).header(IdempotencyKeys.HEADER, key)
            .contentType(SpreadsheetFormat.XLSX.mediaType()).bodyValue(workbook)
            .exchange()
            .expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        client.post().uri(IMPORT).headers(admin()).header(IdempotencyKeys.HEADER, key)
            .contentType(SpreadsheetFormat.XLSX.mediaType()).bodyValue(workbook)
            .exchange()
            .expectStatus().isCreated()
            .expectHeader().valueEquals(IdempotencyKeys.REPLAYED_HEADER, "true");

        assertThat(receipt.at("/enterprises/0/location/longitude").asDouble()).isEqualTo(113.2);
        assertThat(count()).isEqualTo(before + 1);
    }

    static Stream<String> rolesThatDoNotImport() {
        return Stream.concat(Fixtures.readOnlyRoles(), Stream.of(PlatformRoles.ENTERPRISE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rolesThatDoNotImport")
    void otherRolesMayNotImport(String role) {
        String file = HEADINGS + "岳阳市无权导入有限公司,," + creditCode() + ",港兴路,,,C2614,有机化学原料制造,env,否,,,\n";
        Consumer<HttpHeaders> token = role.equals(PlatformRoles.ENTERPRISE) ? enterprise(ENTERPRISE_A) : role(role);
        long before = count();

        importCsv(file, token).expectStatus().isForbidden();
        client.post().uri(IMPORT).contentType(CSV).bodyValue(file).exchange().expectStatus().isUnauthorized();
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void exportsTheFilteredListAsCsvThatImportsBackOnlyAsDuplicates() {
        String marker = marker();
        String id = Fixtures.register(client, "岳阳市" + marker + "导出有限公司").get("id").asString();

        byte[] csv = client.get().uri(ENTERPRISES + "/export?format=csv&name=" + marker).headers(admin()).exchange()
            .expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith(SpreadsheetFormat.CSV.mediaType())
            .expectHeader().valueMatches(HttpHeaders.CONTENT_DISPOSITION, ".*ecoplan-enterprises\\.csv.*")
            .expectBody(byte[].class).returnResult().getResponseBody();

        List<SpreadsheetReader.Row> rows = SpreadsheetReader.csv(csv);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).cells()).isEqualTo(EnterpriseColumn.headings());
        assertThat(rows.get(1).cell(0)).isEqualTo(id);
        assertThat(rows.get(1).cell(10)).isEqualTo("否");
        assertThat(rows.get(1).cell(11)).isEqualTo("张三");

        importCsv(new String(csv, StandardCharsets.UTF_8), admin())
            .expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
                .endsWith("is already registered as " + id));
    }

    @Test
    void anEnterpriseExportsOnlyItselfAsXlsx() throws IOException {
        byte[] xlsx = client.get().uri(ENTERPRISES + "/export?format=xlsx").headers(enterprise(ENTERPRISE_B))
            .exchange()
            .expectStatus().isOk()
            .expectBody(byte[].class).returnResult().getResponseBody();

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(1).getCellText(0)).isEqualTo(ENTERPRISE_B);
        }
        client.get().uri(ENTERPRISES + "/export?format=pdf").headers(admin()).exchange()
            .expectStatus().isBadRequest();
        client.get().uri(ENTERPRISES + "/export").exchange().expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec importCsv(String file, Consumer<HttpHeaders> token) {
        return client.post().uri(IMPORT).headers(token)
            .contentType(CSV).bodyValue(file.getBytes(StandardCharsets.UTF_8)).exchange();
    }

    private void assertFileProblem(byte[] file, String detail) {
        client.post().uri(IMPORT).headers(admin()).contentType(CSV).bodyValue(file).exchange()
            .expectStatus().isEqualTo(422)
            .expectBody()
            .jsonPath("$.detail").isEqualTo(detail)
            .jsonPath("$.errors[0].field").isEqualTo("file");
    }

    private long count() {
        return template.count(new Query(), Enterprise.class).block();
    }

    private static String marker() {
        return "导入" + UUID.randomUUID().toString().substring(0, 6);
    }
}
