package org.ecoplan.project.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoplan.project.ProjectFixtures.reductions;
import static org.ecoplan.project.ProjectFixtures.report;
import static org.ecoplan.project.ProjectFixtures.viewer;

import java.util.stream.Stream;

import org.bson.Document;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.MongoTestConfiguration;
import org.ecoplan.common.testing.TestJwts;
import org.ecoplan.project.ProjectFixtures;
import org.ecoplan.project.catalog.Project;
import org.ecoplan.project.catalog.ProjectStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The findings over the seeded Table 4, with reports and an extra project stored as their owners store them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The build machine's two cores are shared by several builds; under that load 5 s (the default) was exceeded.
@AutoConfigureWebTestClient(timeout = "30s")
@Import({ MongoTestConfiguration.class, TestJwts.class })
class QualityApiTest {

    private static final String QUALITY = "/api/v1/projects/quality";

    private static final String REPORTS = "progress_reports";

    @Autowired
    private WebTestClient client;

    @Autowired
    private ReactiveMongoTemplate template;

    @AfterEach
    void removeWhatTheTestAdded() {
        template.remove(new Query(), REPORTS).block();
        template.remove(Query.query(Criteria.where("code").regex("^T-")), Project.class).block();
    }

    @Test
    void theSeedsReservoirIsFlaggedForItsInvestmentPerTonne() {
        JsonNode findings = findings();

        assertThat(findings.get("total").asInt()).isEqualTo(1);
        JsonNode reservoir = findings.at("/items/0");
        assertThat(reservoir.get("code").asString()).isEqualTo("INVESTMENT_OUTLIER");
        assertThat(reservoir.get("projectCode").asString()).isEqualTo("P2021-01");
        assertThat(reservoir.get("severity").asString()).isEqualTo("WARNING");
        assertThat(reservoir.at("/message/zh").asString()).contains("213倍", "总投资230000万元");
        assertThat(reservoir.at("/message/en").asString()).contains("213 times");
        assertThat(reservoir.at("/figures/0/name").asString()).isEqualTo("totalInvestment");
        assertThat(reservoir.at("/figures/0/value").decimalValue()).isEqualByComparingTo("230000");
        assertThat(reservoir.at("/figures/0/unit").asString()).isEqualTo("万元");
        assertThat(reservoir.at("/figures/0").has("pollutant")).isFalse();
        assertThat(reservoir.get("figures").valueStream()
            .filter(figure -> figure.get("name").asString().equals("ratioToPeerMedian"))
            .map(figure -> figure.get("pollutant").asString() + "=" + figure.get("value").asString()))
            .containsExactly("COD=153", "TN=153", "TP=213", "NH3_N=177");
    }

    @Test
    void reportsThatGoBackwardsOrClaimTooMuchAreFlaggedAndKeptAsTheyAre() {
        storeReport("P2021-02", "2024-03", "3000", "COD", "20");
        storeReport("P2021-02", "2024-Q2", "2500", "COD", "30");
        storeReport("P2021-02", "2024-09", "12000", "COD", "60");

        assertThat(findings().get("items").valueStream()
            .filter(finding -> finding.get("projectCode").asString().equals("P2021-02"))
            .map(finding -> finding.get("code").asString() + "/" + finding.get("severity").asString()))
            .containsExactly("ACHIEVED_ABOVE_EXPECTED/WARNING", "DISBURSED_DECREASED/ERROR",
                    "DISBURSED_ABOVE_TOTAL/WARNING");
        assertThat(template.count(new Query(), REPORTS).block()).isEqualTo(3);
        assertThat(template.findOne(Query.query(Criteria.where("period").is("2024-Q2")), Document.class, REPORTS)
            .block()
            .get("disbursedToDate", Document.class)
            .get("amount")
            .toString()).isEqualTo("2500");
    }

    @Test
    void aProjectCompletedBeforeItStartsIsFlagged() {
        ProjectFixtures.project().code("T-01").type("农业农村污染防治").years(2025, 2023).investment("500")
            .status(ProjectStatus.PLANNED).expecting().store(template);

        JsonNode finding = findings().get("items").valueStream()
            .filter(item -> item.get("projectCode").asString().equals("T-01"))
            .findFirst()
            .orElseThrow();
        assertThat(finding.get("code").asString()).isEqualTo("COMPLETION_BEFORE_START");
        assertThat(finding.get("severity").asString()).isEqualTo("ERROR");
        assertThat(finding.at("/message/en").asString()).isEqualTo("Completion year 2023 is before start year 2025.");
    }

    static Stream<String> roles() {
        return PlatformRoles.ALL.stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roles")
    void everyPlatformRoleReadsTheFindings(String role) {
        client.get().uri(QUALITY).headers(TestJwts.token("someone", role).department("water").bearer()).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.items[0].projectCode").isEqualTo("P2021-01");
    }

    @Test
    void tokenWithoutPlatformRoleIsForbidden() {
        client.get().uri(QUALITY).headers(TestJwts.token("stranger", "offline_access").bearer()).exchange()
            .expectStatus().isForbidden()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private JsonNode findings() {
        return client.get().uri(QUALITY).headers(viewer()).exchange()
            .expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private void storeReport(String project, String period, String disbursed, String pollutant, String achieved) {
        template.insert(report(project, period, disbursed, reductions(pollutant + "=" + achieved))).block();
    }
}
