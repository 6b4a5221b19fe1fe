package org.ecoplan.project.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoplan.project.ProjectFixtures.admin;
import static org.ecoplan.project.ProjectFixtures.editorOf;
import static org.ecoplan.project.ProjectFixtures.ifMatch;
import static org.ecoplan.project.ProjectFixtures.ifMatchHeader;
import static org.ecoplan.project.ProjectFixtures.leadEditor;
import static org.ecoplan.project.ProjectFixtures.role;
import static org.ecoplan.project.ProjectFixtures.sendJson;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.ecoplan.common.audit.AuditEntry;
import org.ecoplan.common.audit.AuditTrail;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.project.ProjectFixtures;
import org.ecoplan.project.ProjectServiceTest;
import org.ecoplan.common.time.BureauDay;
import org.ecoplan.project.catalog.Milestone;
import org.ecoplan.project.catalog.Project;
import org.ecoplan.project.catalog.ProjectStatus;
import org.ecoplan.project.catalog.Projects;
import org.ecoplan.project.catalog.StatusChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@ProjectServiceTest
class LifecycleApiTest {

    @Autowired
    private WebTestClient client;

    @Autowired
    private Clock clock;

    @Autowired
    private AuditTrail audit;

    @Autowired
    private ProjectFixtures fixtures;

    // Transitions

    @Test
    void editorOfTheLeadDepartmentStartsConstructionWithDateAndReason() {
        Project planned = fixtures.insert(ProjectStatus.PLANNED);

        JsonNode body = transition(leadEditor(), planned, ifMatch(planned), """
                {"to": "UNDER_CONSTRUCTION", "date": "2024-03-01", "reason": "施工许可已取得"}""")
            .expectStatus().isOk()
            .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + (planned.version() + 1) + "\"")
            .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(body.get("status").asString()).isEqualTo("UNDER_CONSTRUCTION");
        Project stored = fixtures.stored(planned.code());
        assertThat(stored.status()).isEqualTo(ProjectStatus.UNDER_CONSTRUCTION);
        assertThat(stored.statusHistory()).singleElement().satisfies(change -> {
            assertThat(change.from()).isEqualTo(ProjectStatus.PLANNED);
            assertThat(change.to()).isEqualTo(ProjectStatus.UNDER_CONSTRUCTION);
            assertThat(change.date()).isEqualTo(LocalDate.of(2024, 3, 1));
            assertThat(change.reason()).isEqualTo("施工许可已取得");
            assertThat(change.by()).isEqualTo("env-editor");
            assertThat(change.at()).isNotNull();
        });
        assertThat(history(planned)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("STATUS_CHANGED");
            assertThat(entry.actor().username()).isEqualTo("env-editor");
            assertThat(entry.before()).containsEntry("status", "PLANNED");
            assertThat(entry.after()).containsEntry("status", "UNDER_CONSTRUCTION");
        });
    }

    @Test
    void transitionWithoutDateTakesEffectTodayInBeijing() {
        Project planned = fixtures.insert(ProjectStatus.PLANNED);

        transition(admin(), planned, ifMatch(planned), """
                {"to": "SUSPENDED", "reason": "资金未到位"}""").expectStatus().isOk();

        assertThat(fixtures.stored(planned.code()).statusHistory().get(0).date()).isEqualTo(BureauDay.today(clock));
    }

    @Test
    void illegalTransitionAnswers409WithTheAllowedTargetsAndChangesNothing() {
        Project planned = fixtures.insert(ProjectStatus.PLANNED);

        transition(admin(), planned, ifMatch(planned), """
                {"to": "COMPLETED", "date": "2024-03-01", "reason": "已完工"}""")
            .expectStatus().isEqualTo(409)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.current").isEqualTo("PLANNED")
            .jsonPath("$.allowed").isEqualTo(List.of("UNDER_CONSTRUCTION", "SUSPENDED", "CANCELLED"));

        assertUnchanged(planned);
    }

    @ParameterizedTest
    @ValueSource(strings = { "ACCEPTED", "CANCELLED" })
    void finalStatusesAllowNoTransition(String status) {
        Project closed = fixtures.insert(ProjectStatus.valueOf(status));

        transition(admin(), closed, ifMatch(closed), """
                {"to": "UNDER_CONSTRUCTION", "date": "2024-03-01", "reason": "重新启动"}""")
            .expectStatus().isEqualTo(409)
            .expectBody().jsonPath("$.allowed").isEmpty();

        assertUnchanged(closed);
    }

    @Test
    void suspendedProjectResumesOnlyToWhereItWasSuspendedFrom() {
        Project building = fixtures.insert(ProjectStatus.UNDER_CONSTRUCTION);
        Project suspended = transitioned(building, "SUSPENDED", "2024-05-01");

        client.get().uri("/api/v1/projects/{code}/transitions", building.code()).headers(role("bureau-viewer"))
            .exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals(HttpHeaders.ETAG, ifMatch(suspended))
            .expectBody()
            .jsonPath("$.status").isEqualTo("SUSPENDED")
            .jsonPath("$.allowed").isEqualTo(List.of("UNDER_CONSTRUCTION", "CANCELLED"))
            .jsonPath("$.history[0].to").isEqualTo("SUSPENDED");
        transition(admin(), suspended, ifMatch(suspended), """
                {"to": "PLANNED", "date": "2024-06-01", "reason": "恢复"}""")
            .expectStatus().isEqualTo(409);

        transitioned(suspended, "UNDER_CONSTRUCTION", "2024-06-01");
    }

    @Test
    void reachingCompletedChangesTheStatusAndNothingElse() {
        Project building = fixtures.insert(ProjectStatus.UNDER_CONSTRUCTION);
        putMilestone(admin(), building, ifMatch(building), "m1", """
                {"name": {"zh": "主体完工"}, "plannedDate": "2024-06-30"}""").expectStatus().isCreated();
        Project withMilestone = fixtures.stored(building.code());

        Project completed = transitioned(withMilestone, "COMPLETED", "2024-06-20");

        assertThat(completed.milestones()).isEqualTo(withMilestone.milestones());
        assertThat(completed.milestones().get(0).actualDate()).isNull();
        assertThat(completed.modifications()).isEmpty();
    }

    @Test
    void acceptanceThatFindsDefectsSendsTheProjectBackIntoConstruction() {
        Project building = fixtures.insert(ProjectStatus.UNDER_CONSTRUCTION);
        Project completed = transitioned(building, "COMPLETED", "2024-06-20");

        Project rework = transitioned(completed, "UNDER_CONSTRUCTION", "2024-07-10");
        Project again = transitioned(rework, "COMPLETED", "2024-08-10");
        Project accepted = transitioned(again, "ACCEPTED", "2024-09-01");

        assertThat(accepted.statusHistory()).extracting(StatusChange::to).containsExactly(ProjectStatus.COMPLETED,
                ProjectStatus.UNDER_CONSTRUCTION, ProjectStatus.COMPLETED, ProjectStatus.ACCEPTED);
    }

    @Test
    void transitionWithoutReasonOrTargetIs422AndChangesNothing() {
        Project planned = fixtures.insert(ProjectStatus.PLANNED);

        transition(admin(), planned, ifMatch(planned), """
                {"date": "2024-03-01", "reason": "  "}""")
            .expectStatus().isEqualTo(422)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field").isEqualTo("reason")
            .jsonPath("$.errors[1].field").isEqualTo("to");
        transition(admin(), planned, ifMatch(planned), """
                {"to": "UNDER_CONSTRUCTION"}""")
            .expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");

        assertUnchanged(planned);
    }

    @Test
    void transitionDatedInTheFutureOrBeforeThePreviousOneIs422() {
        Project planned = fixtures.insert(ProjectStatus.PLANNED);
        transition(admin(), planned, ifMatch(planned), """
                {"to": "UNDER_CONSTRUCTION", "date": "%s", "reason": "提前登记"}""".formatted(inTwoDays()))
            .expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("date");
        assertUnchanged(planned);

        Project building = transitioned(planned, "UNDER_CONSTRUCTION", "2024-03-01");
        transition(admin(), building, ifMatch(building), """
                {"to": "SUSPENDED", "date": "2024-02-01", "reason": "补录"}""")
            .expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
                .contains("2024-03-01"));
        assertUnchanged(building);
    }

    @Test
    void unknownTargetStatusIs400() {
        Project planned = fixtures.insert(ProjectStatus.PLANNED);

        transition(admin(), planned, ifMatch(planned), """
                {"to": "DONE", "reason": "?"}""").expectStatus().isBadRequest();

        assertUnchanged(planned);
    }

    @Test
    void transitionWithoutIfMatchIs428AndWithAStaleOneIs412() {
        Project planned = fixtures.insert(ProjectStatus.PLANNED);
        String body = """
                {"to": "UNDER_CONSTRUCTION", "date": "2024-03-01", "reason": "开工"}""";

        transition(admin(), planned, null, body).expectStatus().isEqualTo(428);
        transition(admin(), planned, "\"" + (planned.version() + 7) + "\"", body).expectStatus().isEqualTo(412);

        assertUnchanged(planned);
    }

    @Test
    void ofTwoTransitionsSentWithTheSameIfMatchExactlyOneLands() throws Exception {
        Project planned = fixtures.insert(ProjectStatus.PLANNED);
        Callable<Integer> start = () -> transition(admin(), planned, ifMatch(planned), """
                {"to": "UNDER_CONSTRUCTION", "date": "2024-03-01", "reason": "开工"}""")
            .returnResult(String.class).getStatus().value();
        Callable<Integer> cancel = () -> transition(admin(), planned, ifMatch(planned), """
                {"to": "CANCELLED", "date": "2024-03-01", "reason": "取消"}""")
            .returnResult(String.class).getStatus().value();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Integer> statuses = pool.invokeAll(List.of(start, cancel)).stream().map(LifecycleApiTest::get).toList();
            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        }
        finally {
            pool.shutdown();
        }
        Project stored = fixtures.stored(planned.code());
        assertThat(stored.statusHistory()).hasSize(1);
        assertThat(stored.version()).isEqualTo(planned.version() + 1);
        assertThat(history(planned)).hasSize(1);
    }

    static Stream<String> readOnlyRoles() {
        return ProjectFixtures.readOnlyRoles().stream();
    }

    @ParameterizedTest
    @MethodSource("readOnlyRoles")
    void rolesThatOnlyReadMayNotChangeTheStatus(String role) {
        Project planned = fixtures.insert(ProjectStatus.PLANNED);

        transition(role(role), planned, ifMatch(planned), """
                {"to": "UNDER_CONSTRUCTION", "date": "2024-03-01", "reason": "开工"}""")
            .expectStatus().isForbidden()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertUnchanged(planned);
    }

    @Test
    void editorOfAnotherDepartmentGets404AndChangesNothing() {
        Project planned = fixtures.insert(ProjectStatus.PLANNED);

        transition(editorOf("water"), planned, ifMatch(planned), """
                {"to": "UNDER_CONSTRUCTION", "date": "2024-03-01", "reason": "开工"}""")
            .expectStatus().isNotFound()
            .expectBody().jsonPath("$.detail").isEqualTo("There is no project with code " + planned.code());
        putMilestone(editorOf("water"), planned, ifMatch(planned), "m1", """
                {"name": {"zh": "开工"}, "plannedDate": "2024-03-01"}""").expectStatus().isNotFound();
        deleteMilestone(editorOf("water"), planned, ifMatch(planned), "m1", "r").expectStatus().isNotFound();

        assertUnchanged(planned);
    }

    @Test
    void editorWithoutDepartmentGets404() {
        Project planned = fixtures.insert(ProjectStatus.PLANNED);

        transition(role(PlatformRoles.BUREAU_EDITOR), planned, ifMatch(planned), """
                {"to": "UNDER_CONSTRUCTION", "date": "2024-03-01", "reason": "开工"}""")
            .expectStatus().isNotFound();

        assertUnchanged(planned);
    }

    @Test
    void requestsWithoutTokenAreUnauthorized() {
        Project planned = fixtures.insert(ProjectStatus.PLANNED);

        transition(ProjectFixtures.none(), planned, ifMatch(planned), """
                {"to": "UNDER_CONSTRUCTION", "reason": "开工"}""").expectStatus().isUnauthorized();
        putMilestone(ProjectFixtures.none(), planned, ifMatch(planned), "m1", """
                {"name": {"zh": "开工"}, "plannedDate": "2024-03-01"}""").expectStatus().isUnauthorized();
        deleteMilestone(ProjectFixtures.none(), planned, ifMatch(planned), "m1", "r").expectStatus()
            .isUnauthorized();
        client.get().uri("/api/v1/projects/{code}/transitions", planned.code()).exchange()
            .expectStatus().isUnauthorized();

        assertUnchanged(planned);
    }

    @Test
    void unknownProjectIs404() {
        client.post().uri("/api/v1/projects/P2099-01/transitions").headers(admin())
            .header(HttpHeaders.IF_MATCH, "\"0\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("""
                    {"to": "UNDER_CONSTRUCTION", "reason": "开工"}""")
            .exchange()
            .expectStatus().isNotFound();
        client.get().uri("/api/v1/projects/P2099-01/transitions").headers(admin()).exchange()
            .expectStatus().isNotFound();
    }

    @ParameterizedTest
    @MethodSource("everyRole")
    void everyPlatformRoleReadsTheLifecycle(String role) {
        client.get().uri("/api/v1/projects/P2021-01/transitions").headers(role(role)).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.status").isNotEmpty();
    }

    static Stream<String> everyRole() {
        return PlatformRoles.ALL.stream().sorted();
    }

    // Milestones

    @Test
    void puttingANewMilestoneCreatesItWithoutAModification() {
        Project building = fixtures.insert(ProjectStatus.UNDER_CONSTRUCTION);

        JsonNode body = putMilestone(leadEditor(), building, ifMatch(building), "m1", """
                {"name": {"zh": "主体完工", "en": "Main works done"}, "plannedDate": "2024-09-30",
                 "plannedProgress": 80, "note": "按合同"}""")
            .expectStatus().isCreated()
            .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + (building.version() + 1) + "\"")
            .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(body.at("/milestones/0/key").asString()).isEqualTo("m1");
        Project stored = fixtures.stored(building.code());
        assertThat(stored.milestones()).singleElement().satisfies(milestone -> {
            assertThat(milestone.name().zh()).isEqualTo("主体完工");
            assertThat(milestone.plannedDate()).isEqualTo(LocalDate.of(2024, 9, 30));
            assertThat(milestone.plannedProgress()).isEqualByComparingTo("80");
            assertThat(milestone.actualDate()).isNull();
            assertThat(milestone.note()).isEqualTo("按合同");
        });
        assertThat(stored.modifications()).isEmpty();
        assertThat(history(building)).singleElement().extracting(AuditEntry::action).isEqualTo("MILESTONE_CREATED");
    }

    @Test
    void movingAPlannedDateNeedsAReasonAndIsKeptAsAModification() {
        Project building = withMilestone("m1", "2024-09-30");

        putMilestone(admin(), building, ifMatch(building), "m1", """
                {"name": {"zh": "主体完工"}, "plannedDate": "2024-12-31"}""")
            .expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        assertUnchanged(building);

        putMilestone(leadEditor(), building, ifMatch(building), "m1", """
                {"name": {"zh": "主体完工"}, "plannedDate": "2024-12-31", "reason": "汛期停工三个月"}""")
            .expectStatus().isOk();

        Project stored = fixtures.stored(building.code());
        assertThat(stored.milestones()).singleElement().extracting(Milestone::plannedDate)
            .isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(stored.modifications()).singleElement().satisfies(modification -> {
            assertThat(modification.field()).isEqualTo("milestones.m1.plannedDate");
            assertThat(modification.before()).isEqualTo("2024-09-30");
            assertThat(modification.after()).isEqualTo("2024-12-31");
            assertThat(modification.reason()).isEqualTo("汛期停工三个月");
            assertThat(modification.by()).isEqualTo("env-editor");
            assertThat(modification.at()).isNotNull();
        });
        assertThat(history(building)).first().extracting(AuditEntry::action).isEqualTo("MILESTONE_CHANGED");
    }

    @Test
    void reachingAMilestoneIsAPlainUpdate() {
        Project building = withMilestone("m1", "2024-09-30");

        putMilestone(leadEditor(), building, ifMatch(building), "m1", """
                {"name": {"zh": "主体完工"}, "plannedDate": "2024-09-30", "actualDate": "2024-10-08"}""")
            .expectStatus().isOk();

        Project stored = fixtures.stored(building.code());
        assertThat(stored.milestones().get(0).actualDate()).isEqualTo(LocalDate.of(2024, 10, 8));
        assertThat(stored.modifications()).isEmpty();
    }

    @Test
    void sendingTheSameMilestoneAgainWritesNothing() {
        Project building = withMilestone("m1", "2024-09-30");

        putMilestone(admin(), building, ifMatch(building), "m1", """
                {"name": {"zh": "主体完工"}, "plannedDate": "2024-09-30"}""")
            .expectStatus().isOk()
            .expectHeader().valueEquals(HttpHeaders.ETAG, ifMatch(building));

        assertUnchanged(building);
    }

    @Test
    void milestonesAreKeptInPlannedDateOrder() {
        Project building = withMilestone("late", "2025-06-30");

        putMilestone(admin(), building, ifMatch(building), "early", """
                {"name": {"zh": "开工"}, "plannedDate": "2024-02-01"}""").expectStatus().isCreated();

        assertThat(fixtures.stored(building.code()).milestones()).extracting(Milestone::key)
            .containsExactly("early", "late");
    }

    @Test
    void badMilestonesAre4xxAndChangeNothing() {
        Project building = fixtures.insert(ProjectStatus.UNDER_CONSTRUCTION);
        putMilestone(admin(), building, ifMatch(building), "m2", """
                {"name": {"zh": "主体完工"}, "plannedDate": "2024-09-30", "plannedProgress": 80}""")
            .expectStatus().isCreated();
        Project withOne = fixtures.stored(building.code());

        putMilestone(admin(), withOne, ifMatch(withOne), "m3", """
                {"name": {"zh": "竣工"}, "plannedDate": "2025-03-31", "plannedProgress": 60}""")
            .expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("plannedProgress");
        putMilestone(admin(), withOne, ifMatch(withOne), "m3", """
                {"name": {"zh": " "}, "plannedDate": "2025-03-31", "actualDate": "%s"}""".formatted(inTwoDays()))
            .expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.errors.length()").isEqualTo(2);
        putMilestone(admin(), withOne, ifMatch(withOne), "m3", """
                {"name": {"zh": "竣工"}, "plannedDate": "2025-03-31", "plannedProgress": 101}""")
            .expectStatus().isBadRequest();
        putMilestone(admin(), withOne, ifMatch(withOne), "m3", """
                {"name": {"zh": "竣工"}}""")
            .expectStatus().isBadRequest()
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("plannedDate");
        putMilestone(admin(), withOne, ifMatch(withOne), "m.3", """
                {"name": {"zh": "竣工"}, "plannedDate": "2025-03-31"}""")
            .expectStatus().isBadRequest();
        putMilestone(admin(), withOne, null, "m3", """
                {"name": {"zh": "竣工"}, "plannedDate": "2025-03-31"}""")
            .expectStatus().isEqualTo(428);

        assertUnchanged(withOne);
    }

    @Test
    void removingAMilestoneNeedsAReasonAndIsKeptAsAModification() {
        Project building = withMilestone("m1", "2024-09-30");

        deleteMilestone(admin(), building, ifMatch(building), "m1", null)
            .expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        deleteMilestone(admin(), building, ifMatch(building), "m9", "写错了").expectStatus().isNotFound();
        assertUnchanged(building);

        deleteMilestone(leadEditor(), building, ifMatch(building), "m1", "并入竣工节点")
            .expectStatus().isOk()
            .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + (building.version() + 1) + "\"");

        Project stored = fixtures.stored(building.code());
        assertThat(stored.milestones()).isEmpty();
        assertThat(stored.modifications()).singleElement().satisfies(modification -> {
            assertThat(modification.field()).isEqualTo("milestones.m1.plannedDate");
            assertThat(modification.before()).isEqualTo("2024-09-30");
            assertThat(modification.after()).isNull();
            assertThat(modification.reason()).isEqualTo("并入竣工节点");
        });
        assertThat(history(building)).first().extracting(AuditEntry::action).isEqualTo("MILESTONE_DELETED");
    }

    @ParameterizedTest
    @MethodSource("readOnlyRoles")
    void rolesThatOnlyReadMayNotChangeMilestones(String role) {
        Project building = withMilestone("m1", "2024-09-30");

        putMilestone(role(role), building, ifMatch(building), "m2", """
                {"name": {"zh": "竣工"}, "plannedDate": "2025-03-31"}""").expectStatus().isForbidden();
        deleteMilestone(role(role), building, ifMatch(building), "m1", "r").expectStatus().isForbidden();

        assertUnchanged(building);
    }

    private Project withMilestone(String key, String plannedDate) {
        Project building = fixtures.insert(ProjectStatus.UNDER_CONSTRUCTION);
        putMilestone(admin(), building, ifMatch(building), key, """
                {"name": {"zh": "主体完工"}, "plannedDate": "%s"}""".formatted(plannedDate)).expectStatus().isCreated();
        return fixtures.stored(building.code());
    }

    private Project transitioned(Project project, String to, String date) {
        transition(admin(), project, ifMatch(project), """
                {"to": "%s", "date": "%s", "reason": "测试"}""".formatted(to, date)).expectStatus().isOk();
        return fixtures.stored(project.code());
    }

    private WebTestClient.ResponseSpec transition(Consumer<HttpHeaders> who, Project project, String ifMatch,
            String body) {
        return sendJson(client.post().uri("/api/v1/projects/{code}/transitions", project.code()), who, ifMatch, body);
    }

    private WebTestClient.ResponseSpec putMilestone(Consumer<HttpHeaders> who, Project project, String ifMatch,
            String key, String body) {
        return sendJson(client.put().uri("/api/v1/projects/{code}/milestones/{key}", project.code(), key), who,
                ifMatch, body);
    }

    private WebTestClient.ResponseSpec deleteMilestone(Consumer<HttpHeaders> who, Project project, String ifMatch,
            String key, String reason) {
        return client.delete()
            .uri(builder -> builder.path("/api/v1/projects/{code}/milestones/{key}")
                .queryParamIfPresent("reason", Optional.ofNullable(reason))
                .build(project.code(), key))
            .headers(who)
            .headers(ifMatchHeader(ifMatch))
            .exchange();
    }

    private LocalDate inTwoDays() {
        return BureauDay.today(clock).plusDays(2);
    }

    private void assertUnchanged(Project before) {
        Project stored = fixtures.stored(before.code());
        assertThat(stored).isEqualTo(before);
    }

    private List<AuditEntry> history(Project project) {
        return audit.history(Projects.ENTITY, project.code(), PageQuery.first()).block().items();
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
