package org.ecoplan.risk.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoplan.risk.enterprise.Fixtures.ENTERPRISES;
import static org.ecoplan.risk.enterprise.Fixtures.ENTERPRISE_A;
import static org.ecoplan.risk.enterprise.Fixtures.ENTERPRISE_B;
import static org.ecoplan.risk.enterprise.Fixtures.admin;
import static org.ecoplan.risk.enterprise.Fixtures.editor;
import static org.ecoplan.risk.enterprise.Fixtures.enterprise;
import static org.ecoplan.risk.enterprise.Fixtures.register;
import static org.ecoplan.risk.enterprise.Fixtures.role;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;

import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.TestClock;
import org.ecoplan.common.time.BureauDay;
import org.ecoplan.risk.RiskServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@RiskServiceTest
class RiskSourcesApiTest {

    /**
     * A 己内酰胺 chain plant: air Q = 50/10 benzene + 80/10 cyclohexane + 10/5 ammonia + 2/10 hydrogen = 15.2 (Q2),
     * water Q = 15 (hydrogen counts for air only); two hazardous processes give 20 points, so air M = 25 (M2) and
     * water M = 20 (M1). Air E2 Q2 M2 is 较大, water E3 Q2 M1 一般.
     */
    private static final String SOURCES = """
            {"substances": [{"cas": "71-43-2", "maxQuantity": 50}, {"cas": "110-82-7", "maxQuantity": 80},
                            {"cas": "7664-41-7", "maxQuantity": 10}, {"cas": "1333-74-0", "maxQuantity": 2}],
             "processUnits": [{"name": "苯加氢装置", "process": "HAZARDOUS_PROCESS", "sets": 1},
                              {"name": "环己烷氧化装置", "process": "HAZARDOUS_PROCESS", "sets": 1}],
             "air": {"controlScore": 5, "e": "E2", "reasons": ["5 km 内人口约 3 万人"]},
             "water": {"controlScore": 0, "e": "E3", "reasons": ["下游 10 km 内无饮用水水源"]},
             "lastPenaltyOrIncident": %s}
            """;

    @Autowired
    private WebTestClient client;

    @Autowired
    private TestClock clock;

    @Autowired
    private ReactiveMongoTemplate template;

    @Test
    void changingTheSourcesRegradesTheEnterpriseAndKeepsAGradingHistory() {
        String id = register(client, "岳阳市己内酰胺测试有限公司").get("id").asString();

        put(id, admin(), "\"0\"", SOURCES.formatted("null"))
            .expectStatus().isOk()
            .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
            .expectBody()
            .jsonPath("$.riskLevel").isEqualTo("LARGER")
            .jsonPath("$.riskCode").isEqualTo("较大[较大-大气(Q2-M2-E2)+一般-水(Q2-M1-E3)]")
            .jsonPath("$.grade.air.q").isEqualTo(15.2)
            .jsonPath("$.grade.water.q").isEqualTo(15)
            .jsonPath("$.substances[1].name.zh").isEqualTo("环己烷")
            .jsonPath("$.substances[1].criticalQuantity").isEqualTo(10)
            .jsonPath("$.substances[1].unit").isEqualTo("t")
            .jsonPath("$.processUnits[0].points").isEqualTo(10);

        String lastYear = "\"" + today().minusYears(1) + "\"";
        put(id, editor("env"), "\"1\"", SOURCES.formatted(lastYear))
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.riskLevel").isEqualTo("MAJOR")
            .jsonPath("$.riskCode").isEqualTo("重大[较大-大气(Q2-M2-E2)+一般-水(Q2-M1-E3)]")
            .jsonPath("$.grade.raised").isEqualTo(true);

        JsonNode stored = get(ENTERPRISES + "/" + id, role(PlatformRoles.PLAN_REVIEWER));
        assertThat(stored.get("riskLevel").asString()).isEqualTo("MAJOR");
        assertThat(stored.get("riskCode").asString()).startsWith("重大[");
        assertThat(stored.has("riskSources")).isFalse();

        JsonNode gradings = get(ENTERPRISES + "/" + id + "/gradings", role(PlatformRoles.BUREAU_VIEWER));
        assertThat(gradings.get("total").asInt()).isEqualTo(2);
        assertThat(gradings.at("/items/0/riskLevel").asString()).isEqualTo("MAJOR");
        assertThat(gradings.at("/items/0/previousLevel").asString()).isEqualTo("LARGER");
        assertThat(gradings.at("/items/0/by/username").asString()).isEqualTo("env-editor");
        assertThat(gradings.at("/items/1/previousLevel").isNull()).isTrue();
        assertThat(gradings.at("/items/1/grade/air/mClass").asString()).isEqualTo("M2");

        JsonNode history = get(ENTERPRISES + "/" + id + "/history", admin());
        assertThat(history.at("/items/0/action").asString()).isEqualTo("RISK_SOURCES_CHANGED");
        assertThat(history.at("/items/0/before/riskLevel").asString()).isEqualTo("LARGER");
        assertThat(history.at("/items/0/after/lastPenaltyOrIncident").asString())
            .isEqualTo(today().minusYears(1).toString());

        JsonNode level = get(ENTERPRISES + "?riskLevel=MAJOR&size=200", admin());
        assertThat(level.get("items").valueStream().map(item -> item.get("id").asString())).contains(id);
    }

    @Test
    void aPenaltyMoreThanThreeYearsAgoNoLongerRaises() {
        String id = register(client, "岳阳市旧罚测试有限公司").get("id").asString();

        put(id, admin(), "\"0\"", SOURCES.formatted("\"" + today().minusYears(3).minusDays(1) + "\""))
            .expectStatus().isOk()
            .expectBody().jsonPath("$.riskLevel").isEqualTo("LARGER").jsonPath("$.grade.raised").isEqualTo(false);
    }

    @Test
    void aRaiseThatLapsedSinceTheGradingIsDroppedWhenRead() {
        String id = register(client, "岳阳市过期处罚测试有限公司").get("id").asString();
        put(id, admin(), "\"0\"", SOURCES.formatted("\"" + today().minusYears(3) + "\""))
            .expectStatus().isOk()
            .expectBody().jsonPath("$.riskLevel").isEqualTo("MAJOR");
        // Graded 20 days ago, when the penalty of 3 years and 10 days ago was still within its three years.
        template.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update()
            .set("riskSources.lastPenaltyOrIncident", today().minusYears(3).minusDays(10))
            .set("gradedAt", clock.instant().minus(Duration.ofDays(20))), Enterprise.class).block();

        JsonNode read = get(ENTERPRISES + "/" + id, admin());
        assertThat(read.get("riskLevel").asString()).isEqualTo("LARGER");
        assertThat(read.get("riskCode").asString()).startsWith("较大[");
        JsonNode gradings = get(ENTERPRISES + "/" + id + "/gradings", admin());
        assertThat(gradings.get("total").asInt()).isEqualTo(2);
        assertThat(gradings.at("/items/0/previousLevel").asString()).isEqualTo("MAJOR");
        assertThat(gradings.at("/items/0/by/subject").asString()).isEqualTo("system");
        assertThat(get(ENTERPRISES + "/" + id + "/history", admin()).at("/items/0/action").asString())
            .isEqualTo("RAISE_LAPSED");
        assertThat(get(ENTERPRISES + "/" + id, admin()).get("version").asLong())
            .isEqualTo(read.get("version").asLong());
    }

    @Test
    void badSourcesAre422WithEveryFieldAndChangeNothing() {
        String id = register(client, "岳阳市坏源测试有限公司").get("id").asString();
        String bad = SOURCES.formatted("\"" + today().plusDays(1) + "\"")
            .replace("\"110-82-7\"", "\"105-60-2\"")
            .replace("\"7664-41-7\"", "\"71-43-2\"")
            .replace("\"controlScore\": 5", "\"controlScore\": 71")
            .replace("\"sets\": 1}]", "\"sets\": 1}, {\"name\": \"锅炉\", \"process\": \"BOILER\", \"sets\": 1}]");

        put(id, admin(), "\"0\"", bad)
            .expectStatus().isEqualTo(422)
            .expectBody()
            .jsonPath("$.errors[0].field").isEqualTo("air.controlScore")
            .jsonPath("$.errors[1].field").isEqualTo("lastPenaltyOrIncident")
            .jsonPath("$.errors[2].field").isEqualTo("processUnits[2].process")
            .jsonPath("$.errors[3].field").isEqualTo("substances[1].cas")
            .jsonPath("$.errors[4].field").isEqualTo("substances[2].cas")
            .jsonPath("$.errors[4].message").isEqualTo("71-43-2 is listed already at substances[0]; give its "
                    + "largest quantity once");

        put(id, admin(), "\"0\"", "{\"substances\": [], \"processUnits\": []}").expectStatus().isBadRequest();
        put(id, admin(), null, SOURCES.formatted("null")).expectStatus().isEqualTo(428);

        JsonNode unchanged = get(ENTERPRISES + "/" + id + "/risk-sources", admin());
        assertThat(unchanged.get("version").asLong()).isZero();
        assertThat(unchanged.get("riskLevel").isNull()).isTrue();
        assertThat(unchanged.has("substances")).isFalse();
        assertThat(get(ENTERPRISES + "/" + id + "/gradings", admin()).get("total").asInt()).isZero();
    }

    @Test
    void anEnterpriseKeepsItsOwnSourcesAndNeverSeesAnothers() {
        long version = get(ENTERPRISES + "/" + ENTERPRISE_B, admin()).get("version").asLong();
        String noSubstances = """
                {"substances": [{"cas": "68334-30-5", "maxQuantity": 20}], "processUnits": [],
                 "air": {"controlScore": 0, "e": "E2", "reasons": ["城区"]},
                 "water": {"controlScore": 10, "e": "E2", "reasons": ["雨水排入东风湖"]}}
                """;

        put(ENTERPRISE_B, enterprise(ENTERPRISE_A), "\"" + version + "\"", noSubstances).expectStatus().isNotFound();
        client.get().uri(ENTERPRISES + "/" + ENTERPRISE_B + "/risk-sources").headers(enterprise(ENTERPRISE_A))
            .exchange().expectStatus().isNotFound();
        client.get().uri(ENTERPRISES + "/" + ENTERPRISE_B + "/gradings").headers(enterprise(ENTERPRISE_A))
            .exchange().expectStatus().isNotFound();

        put(ENTERPRISE_B, enterprise(ENTERPRISE_B), "\"" + version + "\"", noSubstances)
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.riskCode").isEqualTo("一般[一般-大气(Q0)+一般-水(Q0)]")
            .jsonPath("$.substances[0].media[0]").isEqualTo("WATER");
        client.get().uri(ENTERPRISES + "/" + ENTERPRISE_B + "/gradings").headers(enterprise(ENTERPRISE_B))
            .exchange().expectStatus().isOk();
    }

    @Test
    void anEnterpriseCannotClearOrBackDateItsPenalty() {
        String id = register(client, "岳阳市受罚测试有限公司").get("id").asString();
        String lastYear = "\"" + today().minusYears(1) + "\"";
        put(id, admin(), "\"0\"", SOURCES.formatted(lastYear)).expectStatus().isOk();

        for (String penalty : new String[] { "null", "\"" + today().minusYears(4) + "\"" }) {
            put(id, enterprise(id), "\"1\"", SOURCES.formatted(penalty))
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                    .contains("lastPenaltyOrIncident"));
        }
        String withNote = SOURCES.formatted(lastYear).replace("}\n", ", \"penaltyOrIncidentNote\": \"x\"}\n");
        put(id, enterprise(id), "\"1\"", withNote).expectStatus().isForbidden();
        assertThat(get(ENTERPRISES + "/" + id, admin()).get("riskLevel").asString()).isEqualTo("MAJOR");

        // Sent back as stored, the enterprise changes its other sources.
        String otherControls = SOURCES.formatted(lastYear).replace("\"controlScore\": 5", "\"controlScore\": 6");
        put(id, enterprise(id), "\"1\"", otherControls).expectStatus().isOk();
    }

    @Test
    void editorOfAnotherDepartmentGets404() {
        String id = register(client, "岳阳市他部门测试有限公司").get("id").asString();

        put(id, editor("water"), "\"0\"", SOURCES.formatted("null")).expectStatus().isNotFound();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecoplan.risk.enterprise.Fixtures#readOnlyRoles")
    void readOnlyRolesReadButDoNotChange(String role) {
        client.get().uri(ENTERPRISES + "/" + ENTERPRISE_A + "/risk-sources").headers(role(role)).exchange()
            .expectStatus().isOk();
        put(ENTERPRISE_A, role(role), "\"0\"", SOURCES.formatted("null")).expectStatus().isForbidden();
    }

    @Test
    void withoutTokenIsUnauthorizedAndAnUnknownIdIs404() {
        client.get().uri(ENTERPRISES + "/" + ENTERPRISE_A + "/risk-sources").exchange()
            .expectStatus().isUnauthorized();
        client.get().uri(ENTERPRISES + "/" + ENTERPRISE_A + "/gradings").exchange().expectStatus().isUnauthorized();
        client.put().uri(ENTERPRISES + "/" + ENTERPRISE_A + "/risk-sources").header(HttpHeaders.IF_MATCH, "\"0\"")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(SOURCES.formatted("null")).exchange()
            .expectStatus().isUnauthorized();
        put("E-430602-9999", admin(), "\"0\"", SOURCES.formatted("null")).expectStatus().isNotFound();
        client.get().uri(ENTERPRISES + "/E-" + UUID.randomUUID() + "/gradings").headers(admin()).exchange()
            .expectStatus().isNotFound();
    }

    private LocalDate today() {
        return BureauDay.of(clock.instant());
    }

    private WebTestClient.ResponseSpec put(String id, Consumer<HttpHeaders> token, String ifMatch, String body) {
        return client.put().uri(ENTERPRISES + "/" + id + "/risk-sources").headers(token)
            .headers(Fixtures.ifMatch(ifMatch))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private JsonNode get(String uri, Consumer<HttpHeaders> token) {
        return Fixtures.read(client, uri, token);
    }
}
