package org.ecoplan.project.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoplan.project.ProjectFixtures.admin;
import static org.ecoplan.project.ProjectFixtures.editorOf;
import static org.ecoplan.project.ProjectFixtures.ifMatchHeader;
import static org.ecoplan.project.ProjectFixtures.leadEditor;
import static org.ecoplan.project.ProjectFixtures.role;
import static org.ecoplan.project.ProjectFixtures.sendJson;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.bson.Document;
import org.ecoplan.common.audit.AuditEntry;
import org.ecoplan.common.audit.AuditTrail;
import org.ecoplan.common.idempotency.IdempotencyKeys;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.project.ProjectFixtures;
import org.ecoplan.project.ProjectServiceTest;
import org.ecoplan.project.catalog.Project;
import org.ecoplan.project.catalog.ProjectStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

@ProjectServiceTest
class ProgressReportApiTest {

    private static final String Q1 = """
            {"period": "2024-Q1", "physicalProgress": 20, "disbursedToDate": {"amount": 250, "unit": "万元"},
             "achievedReductionsToDate": [{"pollutant": "COD", "amount": 2.5, "unit": "t/a"}],
             "issues": "征地协调滞后"}""";

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
        .getBytes(StandardCharsets.US_ASCII);

    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H',
            'D', 'R' };

    @Autowired
    private WebTestClient client;

    @Autowired
    private ReactiveMongoTemplate template;

    @Autowired
    private AuditTrail audit;

    @Autowired
    private ProjectFixtures fixtures;

    private Project project;

    @BeforeEach
    void project() {
        project = fixtures.insert(ProjectStatus.UNDER_CONSTRUCTION);
    }

    @Test
    void leadEditorReportsAQuarter() {
        JsonNode report = post(leadEditor(), Q1)
            .expectStatus().isCreated()
            .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/v1/projects/" + project.code() + "/reports/2024-Q1")
            .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
            .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(report.get("projectCode").asString()).isEqualTo(project.code());
        assertThat(report.get("period").asString()).isEqualTo("2024-Q1");
        assertThat(report.get("periodStart").asString()).isEqualTo("2024-01-01");
        assertThat(report.get("periodEnd").asString()).isEqualTo("2024-03-31");
        assertThat(report.get("physicalProgress").decimalValue()).isEqualByComparingTo("20");
        assertThat(report.at("/disbursedToDate/amount").decimalValue()).isEqualByComparingTo("250");
        assertThat(report.at("/disbursedToDate/unit").asString()).isEqualTo("万元");
        assertThat(report.at("/achievedReductionsToDate/0/pollutant").asString()).isEqualTo("COD");
        assertThat(report.at("/achievedReductionsToDate/0/amount").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(report.get("issues").asString()).isEqualTo("征地协调滞后");
        assertThat(report.get("reportedBy").asString()).isEqualTo("env-editor");
        assertThat(report.has("id")).isFalse();
        assertThat(stored()).singleElement().satisfies(stored -> assertThat(stored.period()).isEqualTo("2024-Q1"));
        assertThat(history("2024-Q1")).singleElement().extracting(AuditEntry::action).isEqualTo("REPORTED");
    }

    @Test
    void aSecondReportOfThePeriodIs409AndTheFirstStays() {
        post(admin(), Q1).expectStatus().isCreated();

        post(admin(), Q1.replace("\"physicalProgress\": 20", "\"physicalProgress\": 35"))
            .expectStatus().isEqualTo(409)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("2024-Q1"));

        assertThat(stored()).singleElement()
            .satisfies(report -> assertThat(report.physicalProgress()).isEqualByComparingTo("20"));
    }

    @Test
    void ofTwoReportsOfOnePeriodSentAtOnceOneIsCreatedAndTheOtherIs409() throws Exception {
        Callable<Integer> send = () -> post(admin(), Q1).returnResult(String.class).getStatus().value();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Integer> statuses = pool.invokeAll(List.of(send, send)).stream().map(ProgressReportApiTest::get)
                .toList();
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        }
        finally {
            pool.shutdown();
        }
        assertThat(stored()).hasSize(1);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        JsonNode first = post(admin(), Q1, "report-2024-q1").expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody();

        JsonNode again = post(admin(), Q1, "report-2024-q1")
            .expectStatus().isCreated()
            .expectHeader().valueEquals(IdempotencyKeys.REPLAYED_HEADER, "true")
            .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
            .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(again).isEqualTo(first);
        assertThat(stored()).hasSize(1);
    }

    @Test
    void reportsAreListedOldestFirstAndReadOneByOne() {
        post(admin(), Q1.replace("2024-Q1", "2024-Q2")).expectStatus().isCreated();
        post(admin(), Q1.replace("2024-Q1", "2024-01")).expectStatus().isCreated();
        post(admin(), Q1).expectStatus().isCreated();

        client.get().uri("/api/v1/projects/{code}/reports", project.code()).headers(role("integrator-read"))
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.total").isEqualTo(3)
            .jsonPath("$.items[*].period").isEqualTo(List.of("2024-01", "2024-Q1", "2024-Q2"));
        client.get().uri("/api/v1/projects/{code}/reports?sort=-periodEnd&size=1", project.code()).headers(admin())
            .exchange()
            .expectBody().jsonPath("$.items[0].period").isEqualTo("2024-Q2");
        client.get().uri("/api/v1/projects/{code}/reports/2024-Q1", project.code()).headers(role("bureau-viewer"))
            .exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
            .expectBody().jsonPath("$.period").isEqualTo("2024-Q1");
        client.get().uri("/api/v1/projects/{code}/reports/2024-Q3", project.code()).headers(admin()).exchange()
            .expectStatus().isNotFound();
    }

    @Test
    void moneyGoingBackwardsAndReductionsAboveExpectedAreAcceptedAsReported() {
        post(admin(), Q1).expectStatus().isCreated();

        post(admin(), """
                {"period": "2024-Q2", "physicalProgress": 30, "disbursedToDate": {"amount": 100, "unit": "万元"},
                 "achievedReductionsToDate": [{"pollutant": "COD", "amount": 50, "unit": "t/a"}]}""")
            .expectStatus().isCreated();

        assertThat(stored()).hasSize(2);
    }

    static Stream<Arguments> badReports() {
        return Stream.of(
                Arguments.of("malformed period", Q1.replace("2024-Q1", "2024-Q5"), 400, "period"),
                Arguments.of("missing period", Q1.replace("\"period\": \"2024-Q1\",", ""), 422, "period"),
                Arguments.of("period not begun", Q1.replace("2024-Q1", "2099-01"), 422, "period"),
                Arguments.of("progress above 100", Q1.replace("\"physicalProgress\": 20", "\"physicalProgress\": 100.5"),
                        400, "physicalProgress"),
                Arguments.of("progress missing", Q1.replace("\"physicalProgress\": 20,", ""), 400, "physicalProgress"),
                Arguments.of("negative money", Q1.replace("\"amount\": 250", "\"amount\": -1"), 422,
                        "disbursedToDate.amount"),
                Arguments.of("money in yuan", Q1.replace("\"unit\": \"万元\"", "\"unit\": \"元\""), 400,
                        "disbursedToDate"),
                Arguments.of("money missing", Q1.replace("\"disbursedToDate\": {\"amount\": 250, \"unit\": \"万元\"},", ""),
                        400, "disbursedToDate"),
                Arguments.of("reduction in kg", Q1.replace("\"t/a\"", "\"kg/a\""), 422,
                        "achievedReductionsToDate[0].unit"),
                Arguments.of("negative reduction", Q1.replace("\"amount\": 2.5", "\"amount\": -2.5"), 422,
                        "achievedReductionsToDate[0].amount"),
                Arguments.of("pollutant twice", Q1.replace("\"unit\": \"t/a\"}]",
                        "\"unit\": \"t/a\"}, {\"pollutant\": \"COD\", \"amount\": 1, \"unit\": \"t/a\"}]"), 422,
                        "achievedReductionsToDate[1].pollutant"),
                Arguments.of("unknown pollutant", Q1.replace("\"COD\"", "\"CO2\""), 400,
                        "achievedReductionsToDate[0].pollutant"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("badReports")
    void badReportsAreRefusedNamingTheFieldAndStoreNothing(String name, String body, int status, String field) {
        post(admin(), body)
            .expectStatus().isEqualTo(status)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);

        assertThat(stored()).isEmpty();
    }

    @Test
    void aCorrectionReplacesTheFiguresUnderIfMatchAndKeepsTheFiles() {
        post(admin(), Q1, List.of(file("photo.png", PNG))).expectStatus().isCreated();
        String corrected = Q1.replace("\"physicalProgress\": 20", "\"physicalProgress\": 22");

        put(leadEditor(), "2024-Q1", null, corrected).expectStatus().isEqualTo(428);
        put(leadEditor(), "2024-Q1", "\"5\"", corrected).expectStatus().isEqualTo(412);
        put(leadEditor(), "2024-Q1", "\"0\"", Q1.replace("2024-Q1", "2024-Q2"))
            .expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("period");
        assertThat(stored().get(0).physicalProgress()).isEqualByComparingTo("20");

        put(leadEditor(), "2024-Q1", "\"0\"", corrected.replace("\"period\": \"2024-Q1\",", ""))
            .expectStatus().isOk()
            .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
            .expectBody()
            .jsonPath("$.physicalProgress").isEqualTo(22)
            .jsonPath("$.correctedBy").isEqualTo("env-editor")
            .jsonPath("$.attachments.length()").isEqualTo(1);

        ProgressReport report = stored().get(0);
        assertThat(report.physicalProgress()).isEqualByComparingTo("22");
        assertThat(report.reportedBy()).isEqualTo("eco-admin");
        assertThat(report.correctedAt()).isNotNull();
        assertThat(history("2024-Q1")).extracting(AuditEntry::action).containsExactly("CORRECTED", "REPORTED");
        put(leadEditor(), "2024-Q3", "\"0\"", corrected.replace("2024-Q1", "2024-Q3")).expectStatus().isNotFound();
    }

    @Test
    void filesComeWithTheReportRecognisedByTheirBytesAndComeBackIntact() throws Exception {
        byte[] docx = officePackage("word/document.xml");

        JsonNode report = post(leadEditor(), Q1, List.of(file("scan.pdf", PDF), file("photo.jpg", PNG),
                file("记录.docx", docx)))
            .expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody();

        JsonNode files = report.get("attachments");
        assertThat(files.valueStream().map(file -> file.get("filename").asString() + " " + file.get("contentType")
            .asString())).containsExactly("scan.pdf application/pdf", "photo.jpg image/png",
                    "记录.docx application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(files.get(0).get("size").asLong()).isEqualTo(PDF.length);
        assertThat(files.get(0).get("sha256").asString()).isEqualTo(sha256(PDF));
        assertThat(files.get(0).get("uploadedBy").asString()).isEqualTo("env-editor");

        byte[] downloaded = client.get()
            .uri("/api/v1/projects/{code}/reports/2024-Q1/attachments/{id}", project.code(),
                    files.get(2).get("id").asString())
            .headers(role("enterprise"))
            .exchange()
            .expectStatus().isOk()
            .expectHeader().contentType(
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            .expectHeader().valueEquals("Repr-Digest", "sha-256=:"
                    + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256(docx))) + ":")
            .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, disposition -> assertThat(disposition)
                .startsWith("attachment;").contains("filename*=UTF-8''%E8%AE%B0%E5%BD%95.docx"))
            .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(downloaded).isEqualTo(docx);
        client.get().uri("/api/v1/projects/{code}/reports/2024-Q1/attachments/{id}", project.code(),
                "0123456789abcdef01234567").headers(admin()).exchange()
            .expectStatus().isNotFound();
    }

    @Test
    void aFileOfAnotherKindIs422AndNothingIsStored() {
        // Word 97-2003 is a kind filings take, but not reports: the bureau asks for DOCX here.
        byte[] doc = HexFormat.of().parseHex("d0cf11e0a1b11ae10000");
        post(admin(), Q1, List.of(file("scan.pdf", PDF), file("notes.pdf", "只是文字".getBytes(StandardCharsets.UTF_8)),
                file("empty.png", new byte[0]), file("old.doc", doc)))
            .expectStatus().isEqualTo(422)
            .expectBody()
            .jsonPath("$.errors[0].field").isEqualTo("attachments[1]")
            .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("notes.pdf"))
            .jsonPath("$.errors[1].field").isEqualTo("attachments[2]")
            .jsonPath("$.errors[2].field").isEqualTo("attachments[3]");

        assertThat(stored()).isEmpty();
        assertThat(storedFiles()).isZero();
    }

    /** 65 KB stays in memory while the request is read, 300 KB goes to disk there (above 256 KB). */
    @ParameterizedTest
    @ValueSource(ints = { 65, 300 })
    void aFileAboveTheSizeLimitIs413AndNothingIsStored(int kilobytes) {
        post(admin(), Q1, List.of(file("big.pdf", pdfOfSize(kilobytes * 1024))))
            .expectStatus().isEqualTo(413)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(stored()).isEmpty();
        assertThat(storedFiles()).isZero();
    }

    @Test
    void aReportThatCannotBeStoredTakesItsFilesWithIt() {
        post(admin(), Q1).expectStatus().isCreated();

        post(admin(), Q1, List.of(file("scan.pdf", PDF))).expectStatus().isEqualTo(409);

        assertThat(storedFiles()).isZero();
    }

    @Test
    void filesAreAddedToAReportUnderIfMatch() {
        post(admin(), Q1, List.of(file("scan.pdf", PDF))).expectStatus().isCreated();

        attach(leadEditor(), "2024-Q1", null, List.of(file("photo.png", PNG))).expectStatus().isEqualTo(428);
        attach(leadEditor(), "2024-Q1", "\"0\"", List.of(file("photo.png", PNG)))
            .expectStatus().isOk()
            .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
            .expectBody().jsonPath("$.attachments[*].filename").isEqualTo(List.of("scan.pdf", "photo.png"));

        assertThat(storedFiles()).isEqualTo(2);
        assertThat(history("2024-Q1")).first().extracting(AuditEntry::action).isEqualTo("ATTACHMENTS_ADDED");
    }

    @Test
    void aReportTakesAtMostTenFiles() {
        post(admin(), Q1, Stream.generate(() -> file("scan.pdf", PDF)).limit(11).toList())
            .expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("attachments");

        assertThat(stored()).isEmpty();
        assertThat(storedFiles()).isZero();
    }

    static Stream<String> readOnlyRoles() {
        return ProjectFixtures.readOnlyRoles().stream();
    }

    @ParameterizedTest
    @MethodSource("readOnlyRoles")
    void rolesThatOnlyReadMayNotReportNorCorrect(String role) {
        post(admin(), Q1).expectStatus().isCreated();

        post(role(role), Q1.replace("2024-Q1", "2024-Q2")).expectStatus().isForbidden();
        post(role(role), Q1.replace("2024-Q1", "2024-Q2"), List.of(file("scan.pdf", PDF))).expectStatus()
            .isForbidden();
        put(role(role), "2024-Q1", "\"0\"", Q1).expectStatus().isForbidden();
        attach(role(role), "2024-Q1", "\"0\"", List.of(file("scan.pdf", PDF))).expectStatus().isForbidden();

        assertThat(stored()).singleElement().satisfies(report -> assertThat(report.version()).isZero());
        assertThat(storedFiles()).isZero();
    }

    @Test
    void editorOfAnotherDepartmentSendingFilesGets404BeforeTheFilesAreRead() {
        byte[] text = "not a scan".getBytes(StandardCharsets.UTF_8);

        post(editorOf("water"), Q1, List.of(file("notes.txt", text))).expectStatus().isNotFound();
        post(editorOf("water"), Q1, List.of(file("big.pdf", pdfOfSize(65 * 1024)))).expectStatus().isNotFound();

        assertThat(stored()).isEmpty();
        assertThat(storedFiles()).isZero();
    }

    @Test
    void editorOfAnotherDepartmentGets404AndChangesNothing() {
        post(admin(), Q1).expectStatus().isCreated();

        post(editorOf("water"), Q1.replace("2024-Q1", "2024-Q2")).expectStatus().isNotFound();
        post(editorOf("water"), Q1.replace("2024-Q1", "2024-Q2"), List.of(file("scan.pdf", PDF)))
            .expectStatus().isNotFound();
        put(editorOf("water"), "2024-Q1", "\"0\"", Q1.replace("20,", "90,")).expectStatus().isNotFound();
        attach(editorOf("water"), "2024-Q1", "\"0\"", List.of(file("scan.pdf", PDF))).expectStatus().isNotFound();

        assertThat(stored()).singleElement().satisfies(report -> assertThat(report.version()).isZero());
        assertThat(storedFiles()).isZero();
    }

    @Test
    void requestsWithoutTokenAreUnauthorized() {
        post(admin(), Q1, List.of(file("scan.pdf", PDF))).expectStatus().isCreated();
        String file = stored().get(0).attachments().get(0).id();

        post(ProjectFixtures.none(), Q1.replace("2024-Q1", "2024-Q2")).expectStatus().isUnauthorized();
        put(ProjectFixtures.none(), "2024-Q1", "\"0\"", Q1).expectStatus().isUnauthorized();
        attach(ProjectFixtures.none(), "2024-Q1", "\"0\"", List.of(file("scan.pdf", PDF))).expectStatus()
            .isUnauthorized();
        for (String path : List.of("", "/2024-Q1", "/2024-Q1/history", "/2024-Q1/attachments/" + file)) {
            client.get().uri("/api/v1/projects/" + project.code() + "/reports" + path).exchange()
                .expectStatus().isUnauthorized();
        }
        assertThat(stored()).singleElement().satisfies(report -> assertThat(report.version()).isZero());
    }

    static Stream<String> everyRole() {
        return PlatformRoles.ALL.stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("everyRole")
    void everyPlatformRoleReadsReportsAndTheirFilesBureauStaffTheirHistory(String role) {
        post(admin(), Q1, List.of(file("scan.pdf", PDF))).expectStatus().isCreated();
        String file = stored().get(0).attachments().get(0).id();
        String reports = "/api/v1/projects/" + project.code() + "/reports";

        for (String path : List.of(reports, reports + "/2024-Q1", reports + "/2024-Q1/attachments/" + file)) {
            client.get().uri(path).headers(role(role)).exchange().expectStatus().isOk();
        }
        boolean staff = List.of("eco-admin", "bureau-editor", "bureau-viewer", "plan-reviewer").contains(role);
        client.get().uri(reports + "/2024-Q1/history").headers(role(role)).exchange()
            .expectStatus().isEqualTo(staff ? 200 : 403);
    }

    @Test
    void reportsOfAnUnknownProjectAre404() {
        client.get().uri("/api/v1/projects/P2099-01/reports").headers(admin()).exchange()
            .expectStatus().isNotFound();
        client.post().uri("/api/v1/projects/P2099-01/reports").headers(admin())
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Q1).exchange()
            .expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec post(Consumer<HttpHeaders> who, String body) {
        return post(who, body, (String) null);
    }

    private WebTestClient.ResponseSpec post(Consumer<HttpHeaders> who, String body, String idempotencyKey) {
        return sendJson(client.post().uri("/api/v1/projects/{code}/reports", project.code())
            .headers(headers -> {
                if (idempotencyKey != null) {
                    headers.set(IdempotencyKeys.HEADER, idempotencyKey);
                }
            }), who, null, body);
    }

    private WebTestClient.ResponseSpec post(Consumer<HttpHeaders> who, String body, List<NamedFile> files) {
        MultipartBodyBuilder multipart = new MultipartBodyBuilder();
        multipart.part("report", body, MediaType.APPLICATION_JSON);
        files.forEach(file -> multipart.part("attachments", file.content()).filename(file.name()));
        return client.post().uri("/api/v1/projects/{code}/reports", project.code())
            .headers(who)
            .body(BodyInserters.fromMultipartData(multipart.build()))
            .exchange();
    }

    private WebTestClient.ResponseSpec put(Consumer<HttpHeaders> who, String period, String ifMatch, String body) {
        return sendJson(client.put().uri("/api/v1/projects/{code}/reports/{period}", project.code(), period), who,
                ifMatch, body);
    }

    private WebTestClient.ResponseSpec attach(Consumer<HttpHeaders> who, String period, String ifMatch,
            List<NamedFile> files) {
        MultipartBodyBuilder multipart = new MultipartBodyBuilder();
        files.forEach(file -> multipart.part("attachments", file.content()).filename(file.name()));
        return client.post().uri("/api/v1/projects/{code}/reports/{period}/attachments", project.code(), period)
            .headers(who)
            .headers(ifMatchHeader(ifMatch))
            .body(BodyInserters.fromMultipartData(multipart.build()))
            .exchange();
    }

    private record NamedFile(String name, byte[] content) {
    }

    private static NamedFile file(String name, byte[] content) {
        return new NamedFile(name, content);
    }

    private List<ProgressReport> stored() {
        return template.find(Query.query(Criteria.where("projectCode").is(project.code())), ProgressReport.class)
            .collectList().block();
    }

    private long storedFiles() {
        return template.getCollection("fs.files")
            .flatMap(files -> Mono.from(files.countDocuments(
                    new Document("metadata.projectCode", project.code()))))
            .block();
    }

    private List<AuditEntry> history(String period) {
        return audit.history(ProgressReports.ENTITY, project.code() + "/" + period, PageQuery.first()).block().items();
    }

    private static byte[] officePackage(String mainPart) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : List.of("[Content_Types].xml", "_rels/.rels", mainPart)) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] pdfOfSize(int size) {
        byte[] content = new byte[size];
        System.arraycopy(PDF, 0, content, 0, PDF.length);
        return content;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
