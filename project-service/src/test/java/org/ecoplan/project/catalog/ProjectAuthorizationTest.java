package org.ecoplan.project.catalog;

import static org.ecoplan.project.ProjectFixtures.admin;
import static org.ecoplan.project.ProjectFixtures.editorOf;
import static org.ecoplan.project.ProjectFixtures.newCode;
import static org.ecoplan.project.ProjectFixtures.role;

import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.TestJwts;
import org.ecoplan.project.ProjectFixtures;
import org.ecoplan.project.ProjectServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who may change projects, for every identity of the platform. Reading (list, detail, history, export, areas) is
 * open to every platform role, which ProjectApiTest runs for each of them.
 */
@ProjectServiceTest
class ProjectAuthorizationTest {

    private static final String PROJECTS = "/api/v1/projects";

    @Autowired
    private WebTestClient client;

    @Autowired
    private ReactiveMongoTemplate template;

    static Stream<String> everyRoleButAdmin() {
        return Stream.concat(Stream.of(PlatformRoles.BUREAU_EDITOR), ProjectFixtures.readOnlyRoles().stream());
    }

    // ---- POST /api/v1/projects

    @Test
    void adminCreates() {
        create(admin(), newCode()).expectStatus().isCreated();
    }

    @ParameterizedTest(name = "{0} may not create")
    @MethodSource("everyRoleButAdmin")
    void onlyAdminCreates(String role) {
        String code = newCode();
        create(role(role), code)
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri(PROJECTS + "/" + code).headers(admin()).exchange().expectStatus().isNotFound();
    }

    @Test
    void createWithoutTokenIsUnauthorized() {
        create(headers -> { }, newCode()).expectStatus().isUnauthorized();
    }

    // ---- PATCH /api/v1/projects/{code}

    @Test
    void adminAndEditorsOfTheLeadDepartmentChange() {
        Project project = ProjectFixtures.project().lead("land", "water").store(template);
        change(admin(), project.code(), "\"0\"").expectStatus().isOk();
        change(editorOf("land"), project.code(), "\"1\"").expectStatus().isOk();
    }

    @ParameterizedTest(name = "an editor of {0}")
    @MethodSource("otherDepartments")
    void editorOfAnotherDepartmentGets404LikeForAnUnknownProject(String department) {
        Project project = ProjectFixtures.project().lead("land", "water").store(template);

        change(editorOf(department), project.code(), "\"0\"")
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("There is no project with code " + project.code());
        change(admin(), "T-NOWHERE", "\"0\"")
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("There is no project with code T-NOWHERE");
        assertUnchanged(project);
    }

    static Stream<String> otherDepartments() {
        // water cooperates on the project: cooperating is not leading
        return Stream.of("env", "dev", "water");
    }

    @Test
    void editorWithoutDepartmentGets404() {
        Project project = ProjectFixtures.project().lead("env").store(template);
        change(TestJwts.token("nobody", PlatformRoles.BUREAU_EDITOR).bearer(), project.code(), "\"0\"")
                .expectStatus().isNotFound();
        assertUnchanged(project);
    }

    @ParameterizedTest(name = "{0} may not change")
    @MethodSource("org.ecoplan.project.ProjectFixtures#readOnlyRoles")
    void readOnlyRolesMayNotChange(String role) {
        Project project = ProjectFixtures.project().lead("env").store(template);
        change(role(role), project.code(), "\"0\"")
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertUnchanged(project);
    }

    @Test
    void changeWithoutTokenIsUnauthorized() {
        Project project = ProjectFixtures.project().store(template);
        change(headers -> { }, project.code(), "\"0\"")
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertUnchanged(project);
    }

    private WebTestClient.ResponseSpec create(Consumer<HttpHeaders> token, String code) {
        return client.post().uri(PROJECTS).headers(token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ProjectChangeApiTest.draft(code))
                .exchange();
    }

    private WebTestClient.ResponseSpec change(Consumer<HttpHeaders> token, String code, String ifMatch) {
        return client.patch().uri(PROJECTS + "/" + code).headers(token).header(HttpHeaders.IF_MATCH, ifMatch)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("location", "岳阳-岳阳楼区" + UUID.randomUUID()))
                .exchange();
    }

    private void assertUnchanged(Project project) {
        client.get().uri(PROJECTS + "/" + project.code()).headers(admin()).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody().jsonPath("$.location").isEqualTo(project.location());
        client.get().uri(PROJECTS + "/" + project.code() + "/history").headers(admin()).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(0);
    }
}
