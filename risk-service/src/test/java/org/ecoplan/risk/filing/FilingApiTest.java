package org.ecoplan.risk.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoplan.risk.filing.FilingFixtures.ENTERPRISE_A;
import static org.ecoplan.risk.filing.FilingFixtures.ENTERPRISE_B;
import static org.ecoplan.risk.filing.FilingFixtures.EXE;
import static org.ecoplan.risk.filing.FilingFixtures.PATH;
import static org.ecoplan.risk.filing.FilingFixtures.PDF;
import static org.ecoplan.risk.filing.FilingFixtures.PNG;
import static org.ecoplan.risk.filing.FilingFixtures.XLSX;
import static org.ecoplan.risk.filing.FilingFixtures.enterprise;
import static org.ecoplan.risk.filing.FilingFixtures.enterpriseA;
import static org.ecoplan.risk.filing.FilingFixtures.enterpriseB;
import static org.ecoplan.risk.filing.FilingFixtures.request;
import static org.ecoplan.risk.filing.FilingFixtures.reviewer;
import static org.ecoplan.risk.filing.FilingFixtures.upload;
import static org.ecoplan.risk.filing.FilingFixtures.viewer;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ecoplan.common.audit.AuditTrail;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.MongoTestConfiguration;
import org.ecoplan.common.testing.TestJwts;
import org.ecoplan.common.time.BureauDay;
import org.ecoplan.risk.calendar.OfficialCalendar;
import org.ecoplan.risk.grading.RiskLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The filing workflow end to end: enterprise, reviewer and bureau, with every document rule. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ecoplan.filings.max-document-size=64KB")
@AutoConfigureWebTestClient(timeout = "60s")
@Import({ MongoTestConfiguration.class, TestJwts.class })
class FilingApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private static final List<String> KINDS = List.of("filing-form", "plan", "risk-assessment", "resource-survey",
            "expert-review");

    @Autowired
    private WebTestClient client;

    @Autowired
    private ReactiveMongoTemplate template;

    @Autowired
    private OfficialCalendar calendar;

    @Autowired
    private DocumentStore store;

    @MockitoSpyBean
    private AuditTrail audit;

    @BeforeEach
    void registerEnterprises() {
        template.remove(new Query(), EmergencyPlanFiling.class).block();
        template.remove(new Query(), FilingNumbers.COUNTERS).block();
        template.remove(new Query(), FilingNumbers.ISSUED).block();
        template.remove(new Query(), "fs.files").block();
        template.remove(new Query(), "fs.chunks").block();
        template.dropCollection("enterprises").block();
        template.insertAll(List.of(enterprise(ENTERPRISE_A, "91430602MA4PK1R35Q", RiskLevel.LARGER),
                enterprise(ENTERPRISE_B, "91430602MA4QB7D694", null))).blockLast();
    }

    @Test
    void enterpriseFilesAndReviewerAcceptsWithNumberAndReceipt() throws Exception {
        String id = completeDraft(today().minusDays(3));
        EntityExchangeResult<Map<String, Object>> submitted = post(enterpriseA(), id, "submit", eTag(id));
        assertThat(submitted.getStatus().value()).isEqualTo(200);
        assertThat(submitted.getResponseBody()).containsEntry("status", "SUBMITTED").containsEntry("late", false)
            .containsEntry("checkDueOn", calendar.plusWorkingDays(today(), 5, true).date().toString());

        client.get().uri(PATH + "/review-queue").headers(reviewer().bearer()).exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.items[0].filing.id").isEqualTo(id)
            .jsonPath("$.items[0].workingDaysLeft").isEqualTo(
                    calendar.workingDaysBetween(today(), calendar.plusWorkingDays(today(), 5, true).date(), true)
                        .workingDays());

        Map<String, Object> filed = post(reviewer(), id, "accept", eTag(id)).getResponseBody();
        assertThat(filed).containsEntry("status", "FILED")
            .containsEntry("filingNumber", "430602-" + today().getYear() + "-001-M")
            .containsEntry("nextReviewDueOn", today().plusYears(3).toString());

        byte[] pdf = client.get().uri(PATH + "/" + id + "/receipt").headers(enterpriseA().bearer()).exchange()
            .expectStatus().isOk()
            .expectHeader().contentType(MediaType.APPLICATION_PDF)
            .expectBody(byte[].class).returnResult().getResponseBody();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("430602-" + today().getYear() + "-001-M",
                    "91430602MA4PK1R35Q");
        }

        client.get().uri(PATH + "/" + id + "/history?size=50").headers(viewer().bearer()).exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.items[*].action").isEqualTo(List.of("ACCEPTED", "SUBMITTED", "DOCUMENT_UPLOADED",
                    "DOCUMENT_UPLOADED", "DOCUMENT_UPLOADED", "DOCUMENT_UPLOADED", "DOCUMENT_UPLOADED", "CREATED"))
            .jsonPath("$.items[0].actor.username").isEqualTo("reviewer");

        // The public register needs no login and shows only what the rules publish.
        client.get().uri(PATH + "/public").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.total").isEqualTo(1)
            .jsonPath("$.items[0].filingNumber").isEqualTo("430602-" + today().getYear() + "-001-M")
            .jsonPath("$.items[0].enterpriseName.zh").isEqualTo("测试企业" + ENTERPRISE_A)
            .jsonPath("$.items[0].riskLevel").isEqualTo("LARGER")
            .jsonPath("$.items[0].documents").doesNotExist();
    }

    @Test
    void theFilingTakesTheGradedLevelNotTheDeclaredOne() {
        // Declaring above the grade files at the grade: the letter is the bureau's word.
        String above = completeDraft(today().minusDays(1), "MAJOR");
        post(enterpriseA(), above, "submit", eTag(above));
        Map<String, Object> filed = post(reviewer(), above, "accept", eTag(above)).getResponseBody();
        assertThat(filed).containsEntry("filingNumber", "430602-" + today().getYear() + "-001-M")
            .containsEntry("filedLevel", "LARGER").containsEntry("declaredLevel", "MAJOR");
        client.get().uri(PATH + "/public").exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.items[0].riskLevel").isEqualTo("LARGER");

        // Declaring below the grade cannot be accepted; the reviewer returns it.
        String below = completeDraft(today().minusDays(1), "GENERAL");
        post(enterpriseA(), below, "submit", eTag(below));
        String submitted = eTag(below);
        client.post().uri(PATH + "/" + below + "/accept").headers(reviewer().bearer())
            .header(HttpHeaders.IF_MATCH, submitted).exchange()
            .expectStatus().isEqualTo(409)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                .contains("GENERAL", "LARGER"));
        assertThat(eTag(below)).isEqualTo(submitted);

        // An enterprise not graded yet cannot be filed at all.
        String ungraded = create(enterpriseB(), today().minusDays(1), "MAJOR");
        for (String kind : KINDS) {
            upload(client, enterpriseB(), ungraded, kind, PDF, kind + ".pdf", eTag(ungraded)).expectStatus().isOk();
        }
        post(enterpriseB(), ungraded, "submit", eTag(ungraded));
        post(reviewer(), ungraded, "accept", eTag(ungraded), 409);
        assertThat(template.count(new Query(), FilingNumbers.ISSUED).block()).isEqualTo(1);
    }

    @Test
    void documentIsStoredWithItsSha256AndDownloadsAsUploaded() {
        String id = create(enterpriseA(), today());
        upload(client, enterpriseA(), id, "plan", PNG, "scan.pdf", eTag(id)).expectStatus().isOk()
            .expectBody()
            .jsonPath("$.documents[0].kind").isEqualTo("PLAN")
            .jsonPath("$.documents[0].type").isEqualTo("PNG")
            .jsonPath("$.documents[0].filename").isEqualTo("scan.pdf")
            .jsonPath("$.documents[0].size").isEqualTo(PNG.length)
            .jsonPath("$.documents[0].sha256").isEqualTo(sha256(PNG));
        client.get().uri(PATH + "/" + id + "/documents/plan").headers(viewer().bearer()).exchange()
            .expectStatus().isOk()
            .expectHeader().contentType(MediaType.IMAGE_PNG)
            .expectBody(byte[].class).isEqualTo(PNG);
    }

    @Test
    void anAuditFailureAfterTheUploadIsSavedKeepsTheFileTheFilingPointsAt() {
        String id = create(enterpriseA(), today());
        doReturn(Mono.error(new IllegalStateException("audit store down"))).when(audit)
            .record(eq(Filings.ENTITY), eq(id), eq("DOCUMENT_UPLOADED"), any(), any());
        upload(client, enterpriseA(), id, "plan", PNG, "scan.png", eTag(id)).expectStatus().is5xxServerError();

        client.get().uri(PATH + "/" + id + "/documents/plan").headers(viewer().bearer()).exchange()
            .expectStatus().isOk()
            .expectBody(byte[].class).isEqualTo(PNG);
    }

    @Test
    void submitListsEveryMissingDocumentAndChangesNothing() {
        String id = create(enterpriseA(), today());
        upload(client, enterpriseA(), id, "plan", PDF, "plan.pdf", eTag(id)).expectStatus().isOk();
        String eTag = eTag(id);
        client.post().uri(PATH + "/" + id + "/submit").headers(enterpriseA().bearer())
            .header(HttpHeaders.IF_MATCH, eTag).exchange()
            .expectStatus().isEqualTo(422)
            .expectBody()
            .jsonPath("$.errors[*].field").isEqualTo(List.of("documents.expert-review", "documents.filing-form",
                    "documents.resource-survey", "documents.risk-assessment"));
        assertThat(eTag(id)).isEqualTo(eTag);
        assertThat(get(viewer(), id)).containsEntry("status", "DRAFT");
    }

    @Test
    void lateFilingIsAcceptedAndMarkedLateWithTheWorkingDays() {
        LocalDate signedOn = today().minusDays(60);
        String id = completeDraft(signedOn);
        int lateBy = calendar.workingDaysBetween(calendar.plusWorkingDays(signedOn, 20, true).date(), today(), true)
            .workingDays();
        assertThat(lateBy).isPositive();
        assertThat(post(enterpriseA(), id, "submit", eTag(id)).getResponseBody())
            .containsEntry("status", "SUBMITTED")
            .containsEntry("late", true)
            .containsEntry("lateWorkingDays", lateBy);
    }

    @Test
    @SuppressWarnings("unchecked")
    void returnNoticeListsEveryItemAndTheEnterpriseRefilesIntoTheSameFiling() {
        String id = completeDraft(today().minusDays(1));
        post(enterpriseA(), id, "submit", eTag(id));
        Map<String, Object> returned = client.post().uri(PATH + "/" + id + "/return").headers(reviewer().bearer())
            .header(HttpHeaders.IF_MATCH, eTag(id))
            .bodyValue(Map.of("items", List.of(Map.of("document", "RISK_ASSESSMENT", "problem", "未附风险物质清单"),
                    Map.of("problem", "备案表未盖章"))))
            .exchange()
            .expectStatus().isOk()
            .expectBody(JSON).returnResult().getResponseBody();
        assertThat(returned).containsEntry("status", "RETURNED");
        assertThat(returned.get("returnNotices")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
            .singleElement().satisfies(notice -> assertThat((Map<String, Object>) notice)
                .containsEntry("refileBy", calendar.plusWorkingDays(today(), 10, true).date().toString())
                .containsEntry("issuedBy", "reviewer")
                .extractingByKey("items").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .hasSize(2));

        upload(client, enterpriseA(), id, "risk-assessment", bytes(), "评估报告-修订.pdf", eTag(id))
            .expectStatus().isOk();
        Map<String, Object> refiled = post(enterpriseA(), id, "submit", eTag(id)).getResponseBody();
        assertThat(refiled).containsEntry("status", "SUBMITTED").containsEntry("id", id);
        assertThat(refiled.get("submissions")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
            .hasSize(2);
        assertThat(refiled.get("replacedDocuments")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
            .hasSize(1);
        client.get().uri(PATH + "/" + id + "/history?size=50").headers(enterpriseA().bearer()).exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.items[0].action").isEqualTo("REFILED")
            .jsonPath("$.items[2].action").isEqualTo("RETURNED");
    }

    @Test
    void wrongTypeOrTooLargeUploadStoresNothingAndLeavesTheFilingAsItWas() {
        String id = create(enterpriseA(), today());
        String eTag = eTag(id);
        upload(client, enterpriseA(), id, "plan", EXE, "plan.pdf", eTag).expectStatus().isEqualTo(415)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        upload(client, enterpriseA(), id, "plan", XLSX, "plan.docx", eTag)
            .expectStatus().isEqualTo(415);
        upload(client, enterpriseA(), id, "plan", FilingFixtures.bytes(100 * 1024), "plan.pdf", eTag)
            .expectStatus().isEqualTo(413);
        upload(client, enterpriseA(), id, "plan", new byte[0], "plan.pdf", eTag).expectStatus().isBadRequest();
        upload(client, enterpriseA(), id, "minutes", PDF, "plan.pdf", eTag).expectStatus().isNotFound();
        assertThat(eTag(id)).isEqualTo(eTag);
        assertThat(get(viewer(), id).get("documents")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.LIST).isEmpty();
        assertNothingStored();
    }

    @Test
    void interruptedUploadLeavesNoPartialFile() {
        String id = create(enterpriseA(), today());
        String eTag = eTag(id);
        // Far more than one GridFS chunk (255 kB) arrives before the connection breaks.
        Flux<DataBuffer> broken = Flux.range(0, 20)
            .<DataBuffer>map(i -> DefaultDataBufferFactory.sharedInstance.wrap(FilingFixtures.bytes(32 * 1024)))
            .concatWith(Flux.error(new IllegalStateException("connection reset")));
        StepVerifier.create(store.store(broken, "plan.pdf", 10L * 1024 * 1024))
            .expectErrorMessage("connection reset")
            .verify();
        assertNothingStored();
        assertThat(eTag(id)).isEqualTo(eTag);
    }

    @Test
    void illegalTransitionsAre409AndStaleOrMissingVersions412And428() {
        String id = completeDraft(today());
        String draftTag = eTag(id);
        post(reviewer(), id, "accept", draftTag, 409);
        post(enterpriseA(), id, "submit", "\"999\"", 412);
        client.post().uri(PATH + "/" + id + "/submit").headers(enterpriseA().bearer()).exchange()
            .expectStatus().isEqualTo(428);
        post(enterpriseA(), id, "submit", draftTag);
        post(enterpriseA(), id, "submit", eTag(id), 409);
        upload(client, enterpriseA(), id, "plan", PDF, "plan.pdf", eTag(id)).expectStatus().isEqualTo(409);
        post(reviewer(), id, "accept", eTag(id));
        post(reviewer(), id, "accept", eTag(id), 409);
        client.post().uri(PATH + "/" + id + "/return").headers(reviewer().bearer())
            .header(HttpHeaders.IF_MATCH, eTag(id))
            .bodyValue(Map.of("items", List.of(Map.of("problem", "late remark")))).exchange()
            .expectStatus().isEqualTo(409);
    }

    @Test
    void badInputIs4xxAndChangesNothing() {
        client.post().uri(PATH).headers(enterpriseA().bearer())
            .bodyValue(Map.of("signedOn", "2026-02-30", "declaredLevel", "LARGER", "crossRegion", false)).exchange()
            .expectStatus().isBadRequest();
        client.post().uri(PATH).headers(enterpriseA().bearer())
            .bodyValue(request(today().plusDays(1).toString(), "LARGER", false)).exchange()
            .expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("signedOn");
        client.post().uri(PATH).headers(enterpriseA().bearer())
            .bodyValue(request(today().toString(), "EXTREME", false)).exchange()
            .expectStatus().isBadRequest();
        String id = completeDraft(today());
        post(enterpriseA(), id, "submit", eTag(id));
        client.post().uri(PATH + "/" + id + "/return").headers(reviewer().bearer())
            .header(HttpHeaders.IF_MATCH, eTag(id))
            .bodyValue(Map.of("items", List.of())).exchange()
            .expectStatus().isBadRequest();
        client.post().uri(PATH + "/" + id + "/return").headers(reviewer().bearer())
            .header(HttpHeaders.IF_MATCH, eTag(id))
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"items\": [null]}").exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("items[0]");
        assertThat(template.count(new Query(), EmergencyPlanFiling.class).block()).isEqualTo(1);
        assertThat(get(viewer(), id)).containsEntry("status", "SUBMITTED");
    }

    @Test
    void creatingTwiceWithOneIdempotencyKeyCreatesOneFiling() {
        for (int i = 0; i < 2; i++) {
            client.post().uri(PATH).headers(enterpriseA().bearer()).header("Idempotency-Key", "filing-1")
                .bodyValue(request(today().toString(), "LARGER", false)).exchange()
                .expectStatus().isCreated();
        }
        assertThat(template.count(new Query(), EmergencyPlanFiling.class).block()).isEqualTo(1);
    }

    @Test
    void anotherEnterpriseCanNeitherSeeNorChangeNorDownloadAFiling() {
        String id = completeDraft(today());
        String eTag = eTag(id);
        client.get().uri(PATH + "/" + id).headers(enterpriseB().bearer()).exchange().expectStatus().isNotFound();
        client.get().uri(PATH + "/" + id + "/documents/plan").headers(enterpriseB().bearer()).exchange()
            .expectStatus().isNotFound();
        client.get().uri(PATH + "/" + id + "/history").headers(enterpriseB().bearer()).exchange()
            .expectStatus().isNotFound();
        client.get().uri(PATH + "/" + id + "/receipt").headers(enterpriseB().bearer()).exchange()
            .expectStatus().isNotFound();
        upload(client, enterpriseB(), id, "plan", PDF, "plan.pdf", eTag).expectStatus().isNotFound();
        client.put().uri(PATH + "/" + id).headers(enterpriseB().bearer()).header(HttpHeaders.IF_MATCH, eTag)
            .bodyValue(request(today().toString(), "GENERAL", false)).exchange().expectStatus().isNotFound();
        post(enterpriseB(), id, "submit", eTag, 404);
        client.get().uri(PATH).headers(enterpriseB().bearer()).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
        // An enterprise account without enterprise_id sees nothing either.
        client.get().uri(PATH + "/" + id).headers(TestJwts.token("odd", PlatformRoles.ENTERPRISE).bearer())
            .exchange().expectStatus().isNotFound();
        assertThat(eTag(id)).isEqualTo(eTag);
        client.get().uri(PATH).headers(enterpriseA().bearer()).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(1);
    }

    @Test
    void rolesMatrix() {
        String id = completeDraft(today());
        // Bureau staff read every filing and its documents, and change nothing.
        for (TestJwts.Token staff : List.of(viewer(), reviewer(), TestJwts.token("admin", PlatformRoles.ECO_ADMIN),
                TestJwts.token("editor", PlatformRoles.BUREAU_EDITOR).department("env"))) {
            client.get().uri(PATH + "/" + id).headers(staff.bearer()).exchange().expectStatus().isOk();
            client.get().uri(PATH + "/" + id + "/documents/plan").headers(staff.bearer()).exchange()
                .expectStatus().isOk();
            client.get().uri(PATH + "/deadlines").headers(staff.bearer()).exchange().expectStatus().isOk();
            client.post().uri(PATH).headers(staff.bearer()).bodyValue(request(today().toString(), "LARGER", false))
                .exchange().expectStatus().isForbidden();
            upload(client, staff, id, "plan", PDF, "plan.pdf", eTag(id)).expectStatus().isForbidden();
            post(staff, id, "submit", eTag(id), 403);
        }
        // Only reviewers and eco-admin decide.
        for (TestJwts.Token other : List.of(viewer(), enterpriseA(),
                TestJwts.token("editor", PlatformRoles.BUREAU_EDITOR).department("env"))) {
            client.get().uri(PATH + "/review-queue").headers(other.bearer()).exchange().expectStatus().isForbidden();
            post(other, id, "accept", eTag(id), 403);
        }
        // Integrators read the overview's counts only; enterprises none of the bureau's views.
        TestJwts.Token integrator = TestJwts.token("city", PlatformRoles.INTEGRATOR_READ);
        client.get().uri(PATH + "/summary").headers(integrator.bearer()).exchange().expectStatus().isOk();
        client.get().uri(PATH + "/" + id).headers(integrator.bearer()).exchange().expectStatus().isForbidden();
        client.get().uri(PATH + "/deadlines").headers(enterpriseA().bearer()).exchange().expectStatus().isForbidden();
        client.get().uri(PATH + "/summary").headers(enterpriseA().bearer()).exchange().expectStatus().isForbidden();
        // Without a token only the public list answers.
        client.get().uri(PATH).exchange().expectStatus().isUnauthorized();
        client.get().uri(PATH + "/" + id).exchange().expectStatus().isUnauthorized();
        client.get().uri(PATH + "/summary").exchange().expectStatus().isUnauthorized();
        client.get().uri(PATH + "/public").exchange().expectStatus().isOk();
    }

    /** Waits out the second removal of a broken upload, which catches a chunk whose insert was in flight. */
    private void assertNothingStored() {
        Mono.defer(() -> Mono.zip(template.count(new Query(), "fs.files"), template.count(new Query(), "fs.chunks")))
            .filter(counts -> counts.getT1() == 0 && counts.getT2() == 0)
            .repeatWhenEmpty(attempts -> attempts.delayElements(Duration.ofMillis(100)))
            .timeout(Duration.ofSeconds(5))
            .block();
    }

    private String completeDraft(LocalDate signedOn) {
        return completeDraft(signedOn, "LARGER");
    }

    private String completeDraft(LocalDate signedOn, String declaredLevel) {
        String id = create(enterpriseA(), signedOn, declaredLevel);
        for (String kind : KINDS) {
            upload(client, enterpriseA(), id, kind, PDF, kind + ".pdf", eTag(id)).expectStatus().isOk();
        }
        return id;
    }

    private String create(TestJwts.Token who, LocalDate signedOn) {
        return create(who, signedOn, "LARGER");
    }

    private String create(TestJwts.Token who, LocalDate signedOn, String declaredLevel) {
        return (String) client.post().uri(PATH).headers(who.bearer())
            .bodyValue(request(signedOn.toString(), declaredLevel, false)).exchange()
            .expectStatus().isCreated()
            .expectBody(JSON).returnResult().getResponseBody().get("id");
    }

    private String eTag(String id) {
        return client.get().uri(PATH + "/" + id).headers(reviewer().bearer()).exchange()
            .expectStatus().isOk()
            .returnResult(String.class).getResponseHeaders().getETag();
    }

    private Map<String, Object> get(TestJwts.Token who, String id) {
        return client.get().uri(PATH + "/" + id).headers(who.bearer()).exchange()
            .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    private EntityExchangeResult<Map<String, Object>> post(TestJwts.Token who, String id, String action,
            String eTag) {
        return client.post().uri(PATH + "/" + id + "/" + action).headers(who.bearer())
            .header(HttpHeaders.IF_MATCH, eTag).exchange()
            .expectStatus().isOk()
            .expectBody(JSON).returnResult();
    }

    private void post(TestJwts.Token who, String id, String action, String eTag, int status) {
        client.post().uri(PATH + "/" + id + "/" + action).headers(who.bearer())
            .header(HttpHeaders.IF_MATCH, eTag).exchange()
            .expectStatus().isEqualTo(status);
    }

    private static byte[] bytes() {
        return "%PDF-1.7\nrevised\n".getBytes(StandardCharsets.US_ASCII);
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(content));
        }
        catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static LocalDate today() {
        return LocalDate.now(BureauDay.ZONE);
    }
}
