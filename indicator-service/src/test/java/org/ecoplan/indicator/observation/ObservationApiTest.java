package org.ecoplan.indicator.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoplan.indicator.catalog.Fixtures.admin;
import static org.ecoplan.indicator.catalog.Fixtures.editor;
import static org.ecoplan.indicator.catalog.Fixtures.otherAdmin;
import static org.ecoplan.indicator.catalog.Fixtures.role;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.ecoplan.common.idempotency.IdempotencyKeys;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.AuthenticationFailures;
import org.ecoplan.common.testing.AuthenticationFailures.Call;
import org.ecoplan.common.testing.TestClock;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.indicator.catalog.Fixtures;
import org.ecoplan.indicator.catalog.Indicator;
import org.ecoplan.indicator.catalog.IndicatorServiceTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

@IndicatorServiceTest
class ObservationApiTest {

    private static final String INDICATORS = "/api/v1/indicators";

    private static final Derivation AIR_2024 = new Derivation("AIR_ANNUAL", "城陵矶/2024",
            "/api/v1/air-quality/annual?station=城陵矶&year=2024");

    @Autowired
    private WebTestClient client;

    @Autowired
    private ReactiveMongoTemplate template;

    @Autowired
    private Observations observations;

    @Autowired
    private TestClock clock;

    @TestFactory
    Stream<DynamicTest> whoIsNoPlatformUserIsTurnedAwayFromEveryObservationEndpoint() {
        String one = INDICATORS + "/AIR-PM25/observations/any";
        return AuthenticationFailures.of(client, Call.get(INDICATORS + "/observations"),
                Call.get(INDICATORS + "/AIR-PM25/observations"),
                Call.post(INDICATORS + "/AIR-PM25/observations", MediaType.APPLICATION_JSON, entry("2023", "33")),
                Call.get(one), Call.put(one, MediaType.APPLICATION_JSON, entry("2023", "34")), Call.delete(one),
                Call.post(one + "/approve"),
                Call.post(one + "/return", MediaType.APPLICATION_JSON, "{\"reason\": \"复核\"}"),
                Call.get(one + "/history"));
    }

    // ---- submission

    @Test
    void editorOfTheDepartmentSubmitsAValueForApproval() {
        Indicator indicator = Fixtures.indicator(template, "env", "μg/m³");

        EntityExchangeResult<JsonNode> created = client.post().uri(observationsOf(indicator))
            .headers(editor("env")).contentType(MediaType.APPLICATION_JSON).bodyValue(entry("2023", "33.5"))
            .exchange()
            .expectStatus().isCreated()
            .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
            .expectBody(JsonNode.class).returnResult();

        JsonNode observation = created.getResponseBody();
        assertThat(created.getResponseHeaders().getLocation()).hasToString(
                observationsOf(indicator) + "/" + observation.get("id").asString());
        assertThat(observation.get("indicatorCode").asString()).isEqualTo(indicator.code());
        assertThat(observation.get("period").asString()).isEqualTo("2023");
        assertThat(observation.get("value").decimalValue()).isEqualByComparingTo("33.5");
        assertThat(observation.get("unit").asString()).isEqualTo("μg/m³");
        assertThat(observation.get("source").asString()).isEqualTo("岳阳市生态环境监测中心");
        assertThat(observation.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(observation.get("outlier").asBoolean()).isFalse();
        assertThat(observation.get("submittedBy").asString()).isEqualTo("env-editor");
        assertThat(observation.get("submittedAt").asString()).isEqualTo(clock.instant().toString());
        assertThat(observations.approvedSeries(indicator.code()).collectList().block()).isEmpty();
        assertThat(actions(indicator, observation)).containsExactly("SUBMITTED");
    }

    @Test
    void adminSubmitsForAnyDepartment() {
        Indicator indicator = Fixtures.indicator(template, "land", "km²");
        submit(indicator, admin(), entry("2023", "2.48"));
    }

    @Test
    void editorOfAnotherDepartmentGets403() {
        Indicator indicator = Fixtures.indicator(template, "env", "%");
        client.post().uri(observationsOf(indicator)).headers(editor("water")).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(entry("2023", "50"))
            .exchange()
            .expectStatus().isForbidden()
            .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                .contains("belongs to department env"));
        assertThat(stored(indicator)).isZero();
    }

    @ParameterizedTest(name = "{0} may not submit")
    @MethodSource("org.ecoplan.indicator.catalog.Fixtures#readOnlyRoles")
    void readOnlyRolesMayNotSubmit(String role) {
        Indicator indicator = Fixtures.indicator(template, "env", "%");
        client.post().uri(observationsOf(indicator)).headers(role(role)).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(entry("2023", "50"))
            .exchange()
            .expectStatus().isForbidden();
        assertThat(stored(indicator)).isZero();
    }

    @Test
    void submissionForAnUnknownIndicatorIs404() {
        client.post().uri(INDICATORS + "/T-NONE/observations").headers(admin()).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(entry("2023", "33"))
            .exchange()
            .expectStatus().isNotFound();
    }

    static Stream<Arguments> outOfRange() {
        return Stream.of(Arguments.of("%", "100.5", "100.5 % is above 100: a percentage is a share of a whole"),
                Arguments.of("%", "-1", "-1 % is below 0: a percentage is a share of a whole"),
                Arguments.of("μg/m³", "-3", "-3 μg/m³ is below 0: a concentration cannot be negative"),
                Arguments.of("万吨", "-0.01", "-0.01 万吨 is below 0: a mass cannot be negative"));
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("outOfRange")
    void valueOutsideTheUnitsRangeIs422AndStoresNothing(String unit, String value, String why) {
        Indicator indicator = Fixtures.indicator(template, "env", unit);
        client.post().uri(observationsOf(indicator)).headers(editor("env")).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(entry("2023", value))
            .exchange()
            .expectStatus().isEqualTo(422)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field").isEqualTo("value")
            .jsonPath("$.errors[0].message").isEqualTo(why);
        assertThat(stored(indicator)).isZero();
    }

    @Test
    void malformedPeriodOrMissingSourceIs400() {
        Indicator indicator = Fixtures.indicator(template, "env", "%");
        client.post().uri(observationsOf(indicator)).headers(editor("env")).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(entry("2023-13", "50"))
            .exchange()
            .expectStatus().isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field").isEqualTo("period")
            .jsonPath("$.errors[0].message").isEqualTo("must be a year like 2023 or a month like 2023-05 (month 01 to 12)");
        client.post().uri(observationsOf(indicator)).headers(editor("env")).contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"period\": \"2023\", \"value\": 50, \"method\": \"统计\"}")
            .exchange()
            .expectStatus().isBadRequest()
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("source");
        assertThat(stored(indicator)).isZero();
    }

    @Test
    void outlierAgainstTheApprovedHistoryIsAcceptedButFlagged() {
        Indicator indicator = Fixtures.indicator(template, "env", "μg/m³");
        String[] history = { "36", "35", "34", "37", "36" };
        for (int i = 0; i < history.length; i++) {
            observations.recordDerived(indicator.code(), Period.ofYear(2018 + i), new BigDecimal(history[i]), "城陵矶站",
                    "HJ 663", new Derivation("AIR_ANNUAL", "城陵矶/" + (2018 + i), "/x")).block();
        }

        JsonNode outlier = submit(indicator, editor("env"), entry("2023", "60"));
        assertThat(outlier.get("outlier").asBoolean()).isTrue();
        assertThat(outlier.get("outlierReason").asString()).isEqualTo(
                "robust z-score 16.2 against the median 36 of 5 approved values (flagged beyond ±3.5)");

        JsonNode usual = submit(indicator, editor("env"), entry("2023", "35"));
        assertThat(usual.get("outlier").asBoolean()).isFalse();
        JsonNode monthly = submit(indicator, editor("env"), entry("2023-01", "60"));
        assertThat(monthly.get("outlier").asBoolean()).as("monthly values are not judged against yearly ones")
            .isFalse();

        assertThat(observations.outliers().map(Observation::id).collectList().block())
            .contains(outlier.get("id").asString())
            .doesNotContain(usual.get("id").asString());
        client.get().uri(INDICATORS + "/observations?outlier=true&indicatorCode=" + indicator.code())
            .headers(admin()).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.total").isEqualTo(1);
    }

    // ---- approval

    @Test
    void adminApprovesWhichLocksTheValueAndMakesItCount() {
        Indicator indicator = Fixtures.indicator(template, "env", "%");
        JsonNode submitted = submit(indicator, editor("env"), entry("2023", "91.5"));
        clock.advance(Duration.ofMinutes(5));

        client.post().uri(one(indicator, submitted) + "/approve").headers(admin()).header(HttpHeaders.IF_MATCH, "\"0\"")
            .exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
            .expectBody()
            .jsonPath("$.status").isEqualTo("APPROVED")
            .jsonPath("$.decidedBy").isEqualTo("eco-admin")
            .jsonPath("$.decidedAt").isEqualTo(clock.instant().toString());

        assertThat(observations.approvedSeries(indicator.code()).collectList().block()).containsExactly(
                new ObservedValue(Period.ofYear(2023), new BigDecimal("91.5"), submitted.get("id").asString(), false));

        client.put().uri(one(indicator, submitted)).headers(editor("env")).header(HttpHeaders.IF_MATCH, "\"1\"")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(entry("2023", "95"))
            .exchange()
            .expectStatus().isEqualTo(409);
        client.delete().uri(one(indicator, submitted)).headers(admin()).header(HttpHeaders.IF_MATCH, "\"1\"")
            .exchange()
            .expectStatus().isEqualTo(409);
        client.post().uri(one(indicator, submitted) + "/approve").headers(otherAdmin())
            .header(HttpHeaders.IF_MATCH, "\"1\"")
            .exchange()
            .expectStatus().isEqualTo(409);
        assertThat(actions(indicator, submitted)).containsExactly("APPROVED", "SUBMITTED");
    }

    static Stream<String> everyRoleButAdmin() {
        return Stream.concat(Stream.of(PlatformRoles.BUREAU_EDITOR), Fixtures.readOnlyRoles().stream());
    }

    @ParameterizedTest(name = "{0} may not approve or return")
    @MethodSource("everyRoleButAdmin")
    void onlyAdminDecides(String role) {
        Indicator indicator = Fixtures.indicator(template, "env", "%");
        JsonNode submitted = submit(indicator, admin(), entry("2023", "50"));
        client.post().uri(one(indicator, submitted) + "/approve").headers(role(role))
            .header(HttpHeaders.IF_MATCH, "\"0\"")
            .exchange()
            .expectStatus().isForbidden();
        client.post().uri(one(indicator, submitted) + "/return").headers(role(role))
            .header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"reason\": \"来源不明\"}")
            .exchange()
            .expectStatus().isForbidden();
    }

    @Test
    void editorCannotApproveItsOwnObservationNorAnAdminTheirs() {
        Indicator indicator = Fixtures.indicator(template, "env", "%");
        JsonNode byEditor = submit(indicator, editor("env"), entry("2023", "50"));
        client.post().uri(one(indicator, byEditor) + "/approve").headers(editor("env"))
            .header(HttpHeaders.IF_MATCH, "\"0\"")
            .exchange()
            .expectStatus().isForbidden();

        JsonNode byAdmin = submit(indicator, admin(), entry("2022", "50"));
        client.post().uri(one(indicator, byAdmin) + "/approve").headers(admin()).header(HttpHeaders.IF_MATCH, "\"0\"")
            .exchange()
            .expectStatus().isForbidden()
            .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("four-eyes"));
        client.post().uri(one(indicator, byAdmin) + "/approve").headers(otherAdmin())
            .header(HttpHeaders.IF_MATCH, "\"0\"")
            .exchange()
            .expectStatus().isOk();
    }

    @Test
    void approvalWithoutIfMatchIs428AndWithAStaleOne412() {
        Indicator indicator = Fixtures.indicator(template, "env", "%");
        JsonNode submitted = submit(indicator, editor("env"), entry("2023", "50"));
        String approve = one(indicator, submitted) + "/approve";

        client.post().uri(approve).headers(admin()).exchange().expectStatus().isEqualTo(428);
        client.put().uri(one(indicator, submitted)).headers(editor("env")).header(HttpHeaders.IF_MATCH, "\"0\"")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(entry("2023", "55"))
            .exchange()
            .expectStatus().isOk();
        client.post().uri(approve).headers(admin()).header(HttpHeaders.IF_MATCH, "\"0\"").exchange()
            .expectStatus().isEqualTo(412);
        client.post().uri(approve).headers(admin()).header(HttpHeaders.IF_MATCH, "\"1\"").exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.value").isEqualTo(55);
    }

    @Test
    void returnedObservationIsRevisedAndSubmittedAgainEveryStepAudited() {
        Indicator indicator = Fixtures.indicator(template, "water", "%");
        JsonNode submitted = submit(indicator, editor("water"), entry("2023", "88"));

        client.post().uri(one(indicator, submitted) + "/return").headers(admin()).header(HttpHeaders.IF_MATCH, "\"0\"")
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\": \"请附监测报告编号\"}")
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.status").isEqualTo("RETURNED")
            .jsonPath("$.returnReason").isEqualTo("请附监测报告编号");

        client.put().uri(one(indicator, submitted)).headers(editor("water")).header(HttpHeaders.IF_MATCH, "\"1\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(entry("2023", "88.2").replace("自动监测", "监测报告 2023-117"))
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.status").isEqualTo("SUBMITTED")
            .jsonPath("$.value").isEqualTo(88.2)
            .jsonPath("$.returnReason").doesNotExist()
            .jsonPath("$.version").isEqualTo(2);

        client.post().uri(one(indicator, submitted) + "/approve").headers(admin()).header(HttpHeaders.IF_MATCH, "\"2\"")
            .exchange()
            .expectStatus().isOk();

        JsonNode history = history(indicator, submitted);
        assertThat(history.get("items").valueStream().map(entry -> entry.get("action").asString()))
            .containsExactly("APPROVED", "REVISED", "RETURNED", "SUBMITTED");
        assertThat(history.at("/items/1/before/value").decimalValue()).isEqualByComparingTo("88");
        assertThat(history.at("/items/1/after/value").decimalValue()).isEqualByComparingTo("88.2");
        assertThat(history.at("/items/1/actor/username").asString()).isEqualTo("water-editor");
        assertThat(history.at("/items/2/actor/username").asString()).isEqualTo("eco-admin");
    }

    @Test
    void returnNeedsAReason() {
        Indicator indicator = Fixtures.indicator(template, "env", "%");
        JsonNode submitted = submit(indicator, editor("env"), entry("2023", "50"));
        client.post().uri(one(indicator, submitted) + "/return").headers(admin()).header(HttpHeaders.IF_MATCH, "\"0\"")
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\": \" \"}")
            .exchange()
            .expectStatus().isBadRequest();
    }

    @Test
    void withdrawnObservationIsGoneAndAudited() {
        Indicator indicator = Fixtures.indicator(template, "env", "%");
        JsonNode submitted = submit(indicator, editor("env"), entry("2023", "50"));

        client.delete().uri(one(indicator, submitted)).headers(editor("water")).header(HttpHeaders.IF_MATCH, "\"0\"")
            .exchange()
            .expectStatus().isForbidden();
        client.delete().uri(one(indicator, submitted)).headers(editor("env")).exchange()
            .expectStatus().isEqualTo(428);
        client.delete().uri(one(indicator, submitted)).headers(editor("env")).header(HttpHeaders.IF_MATCH, "\"0\"")
            .exchange()
            .expectStatus().isNoContent();

        client.get().uri(one(indicator, submitted)).headers(admin()).exchange().expectStatus().isNotFound();
        JsonNode history = history(indicator, submitted);
        assertThat(actions(indicator, submitted)).containsExactly("WITHDRAWN", "SUBMITTED");
        assertThat(history.at("/items/0/before/value").decimalValue()).isEqualByComparingTo("50");
        assertThat(history.at("/items/0/after").isNull()).isTrue();
    }

    @Test
    void revisionByAnotherDepartmentIs403AndByAReadOnlyRole403() {
        Indicator indicator = Fixtures.indicator(template, "env", "%");
        JsonNode submitted = submit(indicator, editor("env"), entry("2023", "50"));
        for (Consumer<HttpHeaders> token : List.of(editor("water"), role(PlatformRoles.BUREAU_VIEWER))) {
            client.put().uri(one(indicator, submitted)).headers(token).header(HttpHeaders.IF_MATCH, "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(entry("2023", "51"))
                .exchange()
                .expectStatus().isForbidden();
        }
    }

    // ---- reading

    static Stream<Arguments> readers() {
        return Stream.of(Arguments.of(PlatformRoles.ECO_ADMIN, 200), Arguments.of(PlatformRoles.BUREAU_EDITOR, 200),
                Arguments.of(PlatformRoles.BUREAU_VIEWER, 200), Arguments.of(PlatformRoles.PLAN_REVIEWER, 200),
                Arguments.of(PlatformRoles.ENTERPRISE, 403), Arguments.of(PlatformRoles.INTEGRATOR_READ, 403),
                Arguments.of(PlatformRoles.INTEGRATOR_WRITE, 403));
    }

    @ParameterizedTest(name = "{0} reads observations: {1}")
    @MethodSource("readers")
    void bureauStaffReadTheWorkingData(String role, int status) {
        Indicator indicator = Fixtures.indicator(template, "env", "%");
        JsonNode submitted = submit(indicator, editor("env"), entry("2023", "50"));
        for (String uri : List.of(observationsOf(indicator), one(indicator, submitted),
                one(indicator, submitted) + "/history", INDICATORS + "/observations?status=SUBMITTED")) {
            client.get().uri(uri).headers(role(role)).exchange().expectStatus().isEqualTo(status);
        }
    }

    @Test
    void approvalQueueListsSubmittedObservationsOldestFirst() {
        Indicator indicator = Fixtures.indicator(template, "env", "%");
        JsonNode first = submit(indicator, editor("env"), entry("2021", "50"));
        clock.advance(Duration.ofMinutes(1));
        JsonNode second = submit(indicator, editor("env"), entry("2022", "51"));
        clock.advance(Duration.ofMinutes(1));
        JsonNode approved = submit(indicator, editor("env"), entry("2023", "52"));
        client.post().uri(one(indicator, approved) + "/approve").headers(admin()).header(HttpHeaders.IF_MATCH, "\"0\"")
            .exchange().expectStatus().isOk();

        JsonNode queue = client.get().uri(INDICATORS + "/observations?status=SUBMITTED&indicatorCode=" + indicator.code())
            .headers(admin()).exchange()
            .expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(queue.get("items").valueStream().map(item -> item.get("id").asString()))
            .containsExactly(first.get("id").asString(), second.get("id").asString());

        client.get().uri(observationsOf(indicator) + "?status=APPROVED").headers(role(PlatformRoles.BUREAU_VIEWER))
            .exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].period").isEqualTo("2023");
    }

    @Test
    void observationOfAnotherIndicatorIs404() {
        Indicator indicator = Fixtures.indicator(template, "env", "%");
        Indicator other = Fixtures.indicator(template, "env", "%");
        JsonNode submitted = submit(indicator, editor("env"), entry("2023", "50"));
        client.get().uri(observationsOf(other) + "/" + submitted.get("id").asString()).headers(admin()).exchange()
            .expectStatus().isNotFound();
    }

    // ---- the contract

    @Test
    void theMostRecentlyApprovedValueOfAPeriodCounts() {
        Indicator indicator = Fixtures.indicator(template, "env", "%");
        JsonNode first = submit(indicator, editor("env"), entry("2023", "90"));
        JsonNode correction = submit(indicator, editor("env"), entry("2023", "91"));
        JsonNode earlier = submit(indicator, editor("env"), entry("2022", "89"));
        approve(indicator, correction);
        clock.advance(Duration.ofSeconds(1));
        approve(indicator, first);
        clock.advance(Duration.ofSeconds(1));
        approve(indicator, earlier);

        assertThat(observations.approvedSeries(indicator.code()).collectList().block()).containsExactly(
                new ObservedValue(Period.ofYear(2022), new BigDecimal("89"), earlier.get("id").asString(), false),
                new ObservedValue(Period.ofYear(2023), new BigDecimal("90"), first.get("id").asString(), false));
    }

    @Test
    void derivedValueIsRecordedOnceApprovedAndReplacedWhenItsDataChange() {
        Indicator indicator = Fixtures.indicator(template, "env", "μg/m³");

        Observation recorded = observations.recordDerived(indicator.code(), Period.ofYear(2024),
                new BigDecimal("33"), "城陵矶站", "HJ 663-2013 年均值", AIR_2024).block();
        Observation again = observations.recordDerived(indicator.code(), Period.ofYear(2024),
                new BigDecimal("33.0"), "城陵矶站", "HJ 663-2013 年均值", AIR_2024).block();

        assertThat(recorded.status()).isEqualTo(ObservationStatus.APPROVED);
        assertThat(recorded.decidedBy()).isEqualTo("derived:AIR_ANNUAL");
        assertThat(recorded.derivation()).isEqualTo(AIR_2024);
        assertThat(again.id()).isEqualTo(recorded.id());
        assertThat(again.version()).isEqualTo(recorded.version());
        assertThat(stored(indicator)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        Observation replaced = observations.recordDerived(indicator.code(), Period.ofYear(2024),
                new BigDecimal("32"), "城陵矶站", "HJ 663-2013 年均值", AIR_2024).block();
        assertThat(replaced.id()).isEqualTo(recorded.id());
        assertThat(replaced.version()).isEqualTo(recorded.version() + 1);
        assertThat(stored(indicator)).isEqualTo(1);
        assertThat(observations.approvedSeries(indicator.code()).collectList().block()).containsExactly(
                new ObservedValue(Period.ofYear(2024), new BigDecimal("32"), recorded.id(), true));
        assertThat(template.count(Query.query(Criteria.where("entityId").is(recorded.id())), "audit").block())
            .isEqualTo(2);

        client.get().uri(observationsOf(indicator) + "/" + recorded.id()).headers(admin()).exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.derivation.link").isEqualTo(AIR_2024.link())
            .jsonPath("$.derivation.reference").isEqualTo("城陵矶/2024");
        client.put().uri(observationsOf(indicator) + "/" + recorded.id()).headers(admin())
            .header(HttpHeaders.IF_MATCH, "\"1\"").contentType(MediaType.APPLICATION_JSON).bodyValue(entry("2024", "30"))
            .exchange()
            .expectStatus().isEqualTo(409);
    }

    @Test
    void derivedValueIsWithdrawnWithItsHistoryOnceItsDataNoLongerYieldOne() {
        Indicator indicator = Fixtures.indicator(template, "env", "μg/m³");
        JsonNode reported = submit(indicator, editor("env"), entry("2024", "35"));
        approve(indicator, reported);
        clock.advance(Duration.ofMinutes(1));
        observations.recordDerived(indicator.code(), Period.ofYear(2024), new BigDecimal("33"), "城陵矶站",
                "HJ 663-2013 年均值", AIR_2024).block();
        JsonNode derived = client.get().uri(observationsOf(indicator) + "?size=1&sort=-decidedAt")
            .headers(admin()).exchange()
            .expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody().at("/items/0");
        assertThat(derived.get("decidedBy").asString()).isEqualTo("derived:AIR_ANNUAL");

        assertThat(observations.withdrawDerived(indicator.code(), Period.ofYear(2024), AIR_2024.reference()).block())
            .isTrue();

        assertThat(observations.approvedSeries(indicator.code()).collectList().block()).as("the reported value counts again")
            .containsExactly(new ObservedValue(Period.ofYear(2024), new BigDecimal("35"), reported.get("id").asString(),
                    false));
        client.get().uri(one(indicator, derived)).headers(admin()).exchange().expectStatus().isNotFound();
        JsonNode history = history(indicator, derived);
        assertThat(actions(indicator, derived)).containsExactly("WITHDRAWN", "DERIVED");
        assertThat(history.at("/items/0/before/value").decimalValue()).isEqualByComparingTo("33");
        assertThat(history.at("/items/0/after").isNull()).isTrue();
        assertThat(observations.withdrawDerived(indicator.code(), Period.ofYear(2024), AIR_2024.reference()).block())
            .as("nothing left to withdraw").isFalse();
        assertThat(actions(indicator, derived)).hasSize(2);
    }

    @Test
    void concurrentRecordingOfOneDerivedValueKeepsOne() {
        Indicator indicator = Fixtures.indicator(template, "env", "μg/m³");
        Flux.range(0, 10)
            .parallel(10)
            .runOn(Schedulers.boundedElastic())
            .flatMap(i -> observations.recordDerived(indicator.code(), Period.ofYear(2024), new BigDecimal("33"),
                    "城陵矶站", "HJ 663", AIR_2024))
            .sequential()
            .blockLast();
        assertThat(stored(indicator)).isEqualTo(1);
    }

    @Test
    void derivedValueOutOfRangeIsRefused() {
        Indicator indicator = Fixtures.indicator(template, "env", "%");
        StepVerifier.create(observations.recordDerived(indicator.code(), Period.ofYear(2024), new BigDecimal("101"),
                "城陵矶站", "HJ 663", AIR_2024))
            .expectErrorSatisfies(failure -> assertThat(failure).isInstanceOfSatisfying(ApiProblem.class,
                    problem -> assertThat(problem.getStatusCode().value()).isEqualTo(422)))
            .verify();
        assertThat(stored(indicator)).isZero();
    }

    // ---- idempotency

    @Test
    void retriedSubmissionReturnsTheFirstResult() {
        Indicator indicator = Fixtures.indicator(template, "env", "%");
        String key = UUID.randomUUID().toString();
        JsonNode first = submitWithKey(indicator, key, entry("2023", "50"), 201);
        JsonNode retry = submitWithKey(indicator, key, entry("2023", "50"), 201);

        assertThat(retry).isEqualTo(first);
        assertThat(stored(indicator)).isEqualTo(1);
        submitWithKey(indicator, key, entry("2023", "51"), 422);
        assertThat(stored(indicator)).isEqualTo(1);
    }

    @Test
    void twentyConcurrentSubmissionsWithOneKeyCreateExactlyOne() {
        Indicator indicator = Fixtures.indicator(template, "env", "%");
        String key = UUID.randomUUID().toString();

        List<Integer> statuses = Flux.range(0, 20)
            .parallel(20)
            .runOn(Schedulers.boundedElastic())
            .map(i -> client.post().uri(observationsOf(indicator)).headers(editor("env"))
                .header(IdempotencyKeys.HEADER, key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(entry("2023", "50"))
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value())
            .sequential()
            .collectList()
            .block();

        assertThat(stored(indicator)).isEqualTo(1);
        assertThat(statuses).contains(201).allSatisfy(status -> assertThat(status).isIn(201, 409));
        assertThat(template.count(Query.query(Criteria.where("action").is("SUBMITTED")
            .and("after.indicatorCode").is(indicator.code())), "audit").block()).isEqualTo(1);
    }

    // ---- helpers

    private JsonNode submit(Indicator indicator, Consumer<HttpHeaders> token, String entry) {
        return client.post().uri(observationsOf(indicator)).headers(token).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(entry)
            .exchange()
            .expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode submitWithKey(Indicator indicator, String key, String entry, int status) {
        return client.post().uri(observationsOf(indicator)).headers(editor("env")).header(IdempotencyKeys.HEADER, key)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(entry)
            .exchange()
            .expectStatus().isEqualTo(status)
            .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private void approve(Indicator indicator, JsonNode observation) {
        client.post().uri(one(indicator, observation) + "/approve").headers(admin())
            .header(HttpHeaders.IF_MATCH, "\"" + observation.get("version").asLong() + "\"")
            .exchange()
            .expectStatus().isOk();
    }

    private JsonNode history(Indicator indicator, JsonNode observation) {
        return client.get().uri(one(indicator, observation) + "/history").headers(role(PlatformRoles.BUREAU_VIEWER))
            .exchange()
            .expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private List<String> actions(Indicator indicator, JsonNode observation) {
        return history(indicator, observation).get("items").valueStream()
            .map(entry -> entry.get("action").asString())
            .toList();
    }

    private long stored(Indicator indicator) {
        return template.count(Query.query(Criteria.where("indicatorCode").is(indicator.code())), Observation.class)
            .block();
    }

    private static String observationsOf(Indicator indicator) {
        return INDICATORS + "/" + indicator.code() + "/observations";
    }

    private static String one(Indicator indicator, JsonNode observation) {
        return observationsOf(indicator) + "/" + observation.get("id").asString();
    }

    private static String entry(String period, String value) {
        return """
                {"period": "%s", "value": %s, "source": "岳阳市生态环境监测中心", "method": "自动监测", "note": "测试"}"""
            .formatted(period, value);
    }
}
