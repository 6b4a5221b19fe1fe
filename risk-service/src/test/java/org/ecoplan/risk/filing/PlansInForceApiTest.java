package org.ecoplan.risk.filing;

import static org.ecoplan.risk.filing.FilingFixtures.PATH;
import static org.ecoplan.risk.filing.FilingFixtures.enterprise;
import static org.ecoplan.risk.filing.FilingFixtures.viewer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.common.testing.MongoTestConfiguration;
import org.ecoplan.common.testing.TestJwts;
import org.ecoplan.common.time.BureauDay;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.risk.grading.RiskLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/** Review deadlines, plans to revise, the public list and the summary, over plans filed at chosen dates. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@Import({ MongoTestConfiguration.class, TestJwts.class })
class PlansInForceApiTest {

    private static final LocalDate TODAY = LocalDate.now(BureauDay.ZONE);

    @Autowired
    private WebTestClient client;

    @Autowired
    private ReactiveMongoTemplate template;

    @Autowired
    private Filings filings;

    /**
     * Five enterprises: one plan overdue, one due within 30 days, one within 90, one far off whose enterprise now
     * grades higher than filed, and one superseded; plus a draft.
     */
    @BeforeEach
    void fileFivePlans() {
        template.dropCollection("enterprises").block();
        template.remove(new Query(), EmergencyPlanFiling.class).block();
        template.remove(new Query(), "audit").block();
        template.insertAll(List.of(enterprise("E-430602-0011", "TEST00000000000011", RiskLevel.GENERAL),
                enterprise("E-430602-0012", "TEST00000000000012", RiskLevel.LARGER),
                enterprise("E-430602-0013", "TEST00000000000013", null),
                enterprise("E-430602-0014", "TEST00000000000014", RiskLevel.MAJOR))).blockLast();
        template.insertAll(List.of(filed("overdue", "E-430602-0011", 1, RiskLevel.GENERAL, TODAY.minusDays(1)),
                filed("due-30", "E-430602-0012", 2, RiskLevel.LARGER, TODAY.plusDays(20)),
                filed("due-90", "E-430602-0013", 3, RiskLevel.GENERAL, TODAY.plusDays(60)),
                filed("raised", "E-430602-0014", 4, RiskLevel.LARGER, TODAY.plusDays(400)),
                withStatus(filed("old", "E-430602-0014", 5, RiskLevel.GENERAL, TODAY.plusDays(10)),
                        FilingStatus.SUPERSEDED),
                withStatus(filed("draft", "E-430602-0013", 6, RiskLevel.GENERAL, null), FilingStatus.DRAFT)))
            .blockLast();
    }

    @Test
    void deadlinesListOverdueRemindersAndPlansToRevise() {
        client.get().uri(PATH + "/deadlines").headers(viewer().bearer()).exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.asOf").isEqualTo(TODAY.toString())
            .jsonPath("$.overdue[*].filingId").isEqualTo(List.of("overdue"))
            .jsonPath("$.overdue[0].review.daysLeft").isEqualTo(-1)
            .jsonPath("$.reminders.30[*].filingId").isEqualTo(List.of("due-30"))
            .jsonPath("$.reminders.90[*].filingId").isEqualTo(List.of("due-90"))
            .jsonPath("$.revisionRequired[*].filingId").isEqualTo(List.of("raised"))
            .jsonPath("$.revisionRequired[0].filedLevel").isEqualTo("LARGER")
            .jsonPath("$.revisionRequired[0].currentLevel").isEqualTo("MAJOR");
    }

    @Test
    void aHigherCurrentLevelMarksThePlanRevisionRequiredOnceAndAuditsIt() {
        client.get().uri(PATH + "/raised").headers(viewer().bearer()).exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.status").isEqualTo("REVISION_REQUIRED")
            .jsonPath("$.revisionReason").value(reason -> org.assertj.core.api.Assertions
                .assertThat((String) reason).contains("重大").contains("较大"));
        client.get().uri(PATH + "/deadlines").headers(viewer().bearer()).exchange().expectStatus().isOk();
        client.get().uri(PATH + "/raised/history").headers(viewer().bearer()).exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.total").isEqualTo(1)
            .jsonPath("$.items[0].action").isEqualTo("REVISION_REQUIRED")
            .jsonPath("$.items[0].actor.subject").isEqualTo("system")
            .jsonPath("$.items[0].before.status").isEqualTo("FILED");
        // A level at or below the filed one requires nothing.
        client.get().uri(PATH + "/due-30").headers(viewer().bearer()).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("FILED");
    }

    @Test
    void aPlanLeftInForceBesideANewerOneIsSupersededWhenRead() {
        template.insert(filed("newer", "E-430602-0012", 7, RiskLevel.LARGER, TODAY.plusYears(3))).block();

        client.get().uri(PATH + "/due-30").headers(viewer().bearer()).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SUPERSEDED");
        client.get().uri(PATH + "/due-30/history").headers(viewer().bearer()).exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.items[0].action").isEqualTo("SUPERSEDED")
            .jsonPath("$.items[0].actor.subject").isEqualTo("system");
        client.get().uri(PATH + "/newer").headers(viewer().bearer()).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("FILED");
    }

    @Test
    void theDeadlinesBringEveryPlanUpToDateInOnePass() {
        template.insert(filed("newer", "E-430602-0012", 7, RiskLevel.LARGER, TODAY.plusYears(3))).block();

        client.get().uri(PATH + "/deadlines").headers(viewer().bearer()).exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.revisionRequired[0].filingId").isEqualTo("raised")
            .jsonPath("$.revisionRequired[0].currentLevel").isEqualTo("MAJOR")
            .jsonPath("$.overdue[0].currentLevel").isEqualTo("GENERAL");

        StepVerifier.create(template.findById("due-30", EmergencyPlanFiling.class).map(EmergencyPlanFiling::status))
            .expectNext(FilingStatus.SUPERSEDED).verifyComplete();
        StepVerifier.create(template.findById("raised", EmergencyPlanFiling.class).map(EmergencyPlanFiling::status))
            .expectNext(FilingStatus.REVISION_REQUIRED).verifyComplete();
        StepVerifier.create(template.findById("newer", EmergencyPlanFiling.class).map(EmergencyPlanFiling::status))
            .expectNext(FilingStatus.FILED).verifyComplete();
    }

    @Test
    void aStepTheStateMachineDoesNotAllowIsRefusedAndNothingIsStored() {
        EmergencyPlanFiling old = template.findById("old", EmergencyPlanFiling.class).block();
        StepVerifier.create(filings.save(old, old.change().status(FilingStatus.FILED, null).build(), "REVIVED"))
            .expectErrorSatisfies(error -> org.assertj.core.api.Assertions.assertThat(error)
                .isInstanceOfSatisfying(ApiProblem.class,
                        problem -> org.assertj.core.api.Assertions.assertThat(problem.getStatusCode().value())
                            .isEqualTo(409)))
            .verify();
        org.assertj.core.api.Assertions.assertThat(template.findById("old", EmergencyPlanFiling.class).block()
            .status()).isEqualTo(FilingStatus.SUPERSEDED);
    }

    @Test
    void summaryCountsFilingsPlansAndEnterprises() {
        client.get().uri(PATH + "/summary").headers(TestJwts.token("city", "integrator-read").bearer()).exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.filingsByStatus.FILED").isEqualTo(3)
            .jsonPath("$.filingsByStatus.REVISION_REQUIRED").isEqualTo(1)
            .jsonPath("$.filingsByStatus.SUPERSEDED").isEqualTo(1)
            .jsonPath("$.filingsByStatus.DRAFT").isEqualTo(1)
            .jsonPath("$.filingsByStatus.SUBMITTED").isEqualTo(0)
            .jsonPath("$.overdueReviews").isEqualTo(1)
            .jsonPath("$.revisionRequired").isEqualTo(1)
            .jsonPath("$.enterprisesByRiskLevel.GENERAL").isEqualTo(1)
            .jsonPath("$.enterprisesByRiskLevel.LARGER").isEqualTo(1)
            .jsonPath("$.enterprisesByRiskLevel.MAJOR").isEqualTo(1)
            .jsonPath("$.enterprisesByRiskLevel.UNGRADED").isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void publicListShowsPlansInForceOnlyWithoutLogin() {
        client.get().uri(PATH + "/public?size=10").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.total").isEqualTo(4)
            .jsonPath("$.items[*].filingNumber").value(numbers -> org.assertj.core.api.Assertions
                .assertThat((List<Object>) numbers).doesNotContain("430602-2023-005-L", "430602-2023-006-L"))
            .jsonPath("$.items[0].riskLevelZh").exists();
    }

    private static EmergencyPlanFiling filed(String id, String enterpriseId, int serial, RiskLevel level,
            LocalDate reviewDue) {
        LocalDate filedOn = reviewDue == null ? null : reviewDue.minusYears(3);
        return new EmergencyPlanFiling(id, enterpriseId, new LocalizedName("企业" + id, null), "430602",
                TODAY.minusYears(3), level, false, FilingStatus.FILED, List.of(), List.of(), null, false, false, 0,
                List.of(), null, List.of(), "430602-2023-%03d-%s".formatted(serial, level.letter()), level, filedOn,
                "reviewer", reviewDue, null, Instant.now(), "e", null);
    }

    private static EmergencyPlanFiling withStatus(EmergencyPlanFiling filing, FilingStatus status) {
        return filing.change().status(status, null).build();
    }
}
