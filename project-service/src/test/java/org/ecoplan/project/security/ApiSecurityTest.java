package org.ecoplan.project.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.bson.Document;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.ErrorDisclosure;
import org.ecoplan.common.testing.OpenEndpoints;
import org.ecoplan.common.testing.TestJwts;
import org.ecoplan.project.ProjectFixtures;
import org.ecoplan.project.ProjectServiceTest;
import org.ecoplan.project.catalog.Project;
import org.ecoplan.project.catalog.ProjectStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * OWASP API Security Top 10 (2023) cases against project-service directly: object level (API1), property level
 * (API3), resource consumption (API4), function level (API5), the configuration review (API8) and what errors and
 * logs disclose. Every refused write is checked to have left the stored project as it was.
 */
@ProjectServiceTest
@ExtendWith(OutputCaptureExtension.class)
class ApiSecurityTest {

    private static final String PROJECTS = "/api/v1/projects";

    private static final String REPORT = """
            {"period": "2024-Q1", "physicalProgress": 20, "disbursedToDate": {"amount": 25, "unit": "万元"}}""";

    @Autowired
    private WebTestClient client;

    @Autowired
    private ReactiveMongoTemplate template;

    @Autowired
    private ProjectFixtures fixtures;

    @Autowired
    private ApplicationContext context;

    private String code;

    @BeforeEach
    void projectOfTheLeadDepartmentWithAMilestone() {
        Project project = fixtures.insert(ProjectStatus.UNDER_CONSTRUCTION);
        code = project.code();
        client.put().uri(PROJECTS + "/" + code + "/milestones/m1").headers(ProjectFixtures.admin())
            .header(HttpHeaders.IF_MATCH, ProjectFixtures.ifMatch(project))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"name\": {\"zh\": \"主体完工\"}, \"plannedDate\": \"2024-06-30\"}")
            .exchange()
            .expectStatus().is2xxSuccessful();
    }

    // API1: broken object level authorization

    @Test
    void anotherDepartmentsEditorWritesNothingAndGets404() {
        Document stored = project();
        Consumer<HttpHeaders> other = ProjectFixtures.editorOf("water");
        String eTag = eTag();
        List<WebTestClient.ResponseSpec> writes = List.of(
                json(HttpMethod.PATCH, "", other, eTag, "{\"location\": \"别处\"}"),
                json(HttpMethod.POST, "/transitions", other, eTag, "{\"to\": \"SUSPENDED\", \"reason\": \"越权\"}"),
                json(HttpMethod.PUT, "/milestones/m1", other, eTag,
                        "{\"name\": {\"zh\": \"改期\"}, \"plannedDate\": \"2030-01-01\", \"reason\": \"越权\"}"),
                client.delete().uri(PROJECTS + "/" + code + "/milestones/m1?reason=越权").headers(other)
                    .header(HttpHeaders.IF_MATCH, eTag).exchange(),
                json(HttpMethod.POST, "/reports", other, null, REPORT));
        for (WebTestClient.ResponseSpec write : writes) {
            write.expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }

        assertThat(project()).isEqualTo(stored);
        assertThat(reports()).isZero();
    }

    // API3: broken object property level authorization

    @ParameterizedTest
    @ValueSource(strings = { "{\"status\": \"COMPLETED\"}", "{\"statusHistory\": []}", "{\"milestones\": []}",
            "{\"modifications\": []}", "{\"code\": \"P2021-01\"}" })
    void statusMilestonesAndModificationsChangeOnlyThroughTheirOwnEndpoints(String change) {
        Document stored = project();
        json(HttpMethod.PATCH, "", ProjectFixtures.leadEditor(), eTag(), change)
            .expectStatus().isEqualTo(422)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(project()).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"id\": \"forged\"}", "{\"version\": 99}", "{\"createdBy\": \"intruder\"}",
            "{\"location\": \"别处\", \"lastModifiedBy\": \"intruder\"}", "{\"approved\": true}" })
    void unknownAndServerOwnedFieldsAreRefusedWith400(String change) {
        Document stored = project();
        json(HttpMethod.PATCH, "", ProjectFixtures.leadEditor(), eTag(), change)
            .expectStatus().isBadRequest()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(project()).isEqualTo(stored);
    }

    @Test
    void anEditorDoesNotHandTheProjectToAnotherDepartment() {
        Document stored = project();
        json(HttpMethod.PATCH, "", ProjectFixtures.leadEditor(), eTag(), "{\"leadDepartment\": \"water\"}")
            .expectStatus().isForbidden();

        assertThat(project()).isEqualTo(stored);
    }

    @Test
    void aNewProjectTakesNoServerOwnedFields() {
        long projects = template.count(new Query(), "projects").block();
        client.post().uri(PROJECTS).headers(ProjectFixtures.admin()).contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"code\": \"" + ProjectFixtures.newCode() + "\", \"status\": \"ACCEPTED\", \"version\": 5}")
            .exchange()
            .expectStatus().is4xxClientError();

        assertThat(template.count(new Query(), "projects").block()).isEqualTo(projects);
    }

    // API5: broken function level authorization

    @Test
    void onlyEcoAdminCreatesProjectsAndReadOnlyRolesWriteNothing() throws IOException {
        String newProject = Files.readString(Path.of("..", "authorization", "bodies", "project-new.json"))
            .replace("{newCode}", ProjectFixtures.newCode());
        long projects = template.count(new Query(), "projects").block();
        Document stored = project();
        for (String role : List.of(PlatformRoles.BUREAU_EDITOR, PlatformRoles.BUREAU_VIEWER,
                PlatformRoles.PLAN_REVIEWER, PlatformRoles.ENTERPRISE, PlatformRoles.INTEGRATOR_READ,
                PlatformRoles.INTEGRATOR_WRITE)) {
            Consumer<HttpHeaders> token = TestJwts.token("security-" + role, role).department("env")
                .enterpriseId("E-430602-0001").bearer();
            client.post().uri(PROJECTS).headers(token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(newProject)
                .exchange()
                .expectStatus().isForbidden();
            if (!role.equals(PlatformRoles.BUREAU_EDITOR)) {
                json(HttpMethod.PATCH, "", token, eTag(), "{\"location\": \"别处\"}").expectStatus().isForbidden();
                json(HttpMethod.POST, "/transitions", token, eTag(), "{\"to\": \"SUSPENDED\", \"reason\": \"越权\"}")
                    .expectStatus().isForbidden();
            }
        }

        assertThat(template.count(new Query(), "projects").block()).isEqualTo(projects);
        assertThat(project()).isEqualTo(stored);
    }

    // API4: unrestricted resource consumption

    @ParameterizedTest
    @ValueSource(strings = { PROJECTS, PROJECTS + "/areas", PROJECTS + "/P2021-01/reports",
            PROJECTS + "/P2021-01/history" })
    void aPageLargerThanTheCapIsRefused(String list) {
        client.get().uri(list + "?size=100000").headers(ProjectFixtures.admin()).exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void aJsonBodyOverTheLimitIsRefusedWith413() {
        Document stored = project();
        json(HttpMethod.PATCH, "", ProjectFixtures.leadEditor(), eTag(),
                "{\"location\": \"" + "大".repeat(400_000) + "\"}")
            .expectStatus().isEqualTo(413)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(project()).isEqualTo(stored);
    }

    @Test
    void aReportOfManyPartsIsRefusedAndStoresNothing() {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("report", REPORT).contentType(MediaType.APPLICATION_JSON);
        for (int part = 0; part < 200; part++) {
            body.part("attachments", new ByteArrayResource(new byte[] { 'x' }) {
                @Override
                public String getFilename() {
                    return "part.pdf";
                }
            }).contentType(MediaType.APPLICATION_PDF);
        }
        client.post().uri(PROJECTS + "/" + code + "/reports").headers(ProjectFixtures.leadEditor())
            .contentType(MediaType.MULTIPART_FORM_DATA)
            .body(BodyInserters.fromMultipartData(body.build()))
            .exchange()
            .expectStatus().is4xxClientError()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(reports()).isZero();
    }

    @Test
    void veryLongQueryStringsAndHeadersAreRefusedCleanly() {
        client.get().uri(PROJECTS + "?type=" + "x".repeat(20_000)).headers(ProjectFixtures.admin()).exchange()
            .expectStatus().isEqualTo(414);
        client.get().uri(PROJECTS).headers(ProjectFixtures.admin()).header("X-Filler", "x".repeat(20_000))
            .exchange()
            .expectStatus().isEqualTo(431);
    }

    // API8: security misconfiguration, and what errors and logs disclose

    @Test
    void onlyTheReviewedEndpointsAnswerWithoutAToken() {
        assertThat(OpenEndpoints.reachableWithoutToken(client, OpenEndpoints.mapped(context)))
            .isEqualTo(OpenEndpoints.allowed("project-service"));
    }

    @Test
    void errorBodiesDiscloseNoInternals() {
        List<WebTestClient.ResponseSpec> failures = List.of(
                json(HttpMethod.PATCH, "", ProjectFixtures.admin(), eTag(), "{\"location\": "),
                json(HttpMethod.PATCH, "", ProjectFixtures.admin(), eTag(), "{\"startYear\": \"soon\"}"),
                json(HttpMethod.POST, "/transitions", ProjectFixtures.admin(), eTag(), "{\"to\": \"FLYING\"}"),
                json(HttpMethod.PATCH, "", ProjectFixtures.admin(), "\"999\"", "{\"location\": \"别处\"}"),
                client.post().uri(PROJECTS).headers(ProjectFixtures.admin()).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("[1, 2]").exchange(),
                client.get().uri(PROJECTS + "?size=abc&sort=$where").headers(ProjectFixtures.admin()).exchange(),
                client.get().uri(PROJECTS + "/nowhere/reports/1999-Q9").headers(ProjectFixtures.admin()).exchange(),
                client.get().uri(PROJECTS).exchange());
        ErrorDisclosure.assertClientErrorsDiscloseNothing(failures);
    }

    @Test
    void tokensNeverReachTheLogsNorTheErrors(CapturedOutput output) {
        ErrorDisclosure.assertCredentialsNeverDisclosed(output::getAll,
                TestJwts.token("env-editor", PlatformRoles.BUREAU_EDITOR).department("env"),
                List.of(bearer -> client.patch().uri(PROJECTS + "/" + code).headers(bearer)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(ErrorDisclosure.BODY_WITH_PASSWORD).exchange()));
    }

    private WebTestClient.ResponseSpec json(HttpMethod method, String path, Consumer<HttpHeaders> who, String eTag,
            String body) {
        return client.method(method).uri(PROJECTS + "/" + code + path).headers(who)
            .headers(ProjectFixtures.ifMatchHeader(eTag))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private String eTag() {
        return client.get().uri(PROJECTS + "/" + code).headers(ProjectFixtures.admin()).exchange()
            .expectStatus().isOk()
            .returnResult(Void.class).getResponseHeaders().getETag();
    }

    private Document project() {
        return template.findOne(Query.query(Criteria.where("code").is(code)), Document.class, "projects").block();
    }

    private long reports() {
        return template.count(Query.query(Criteria.where("projectCode").is(code)), "progress_reports").block();
    }
}
