package org.ecoplan.indicator.water;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.AuthenticationFailures;
import org.ecoplan.common.testing.AuthenticationFailures.Call;
import org.ecoplan.common.testing.TestJwts;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

class ClassifyApiTest extends WaterApiTests {

    private static final String ISSUE_EXAMPLE = """
            {"waterbody": "LAKE", "parameters": {"do": 6.2, "codmn": 4.5, "cod": 18, "bod5": 3.5, "nh3n": 0.8,
             "tp": 0.04, "tn": 0.9, "ph": 7.4}}""";

    @Test
    void answersTheIssueExampleExactly() {
        JsonNode answer = classify(ISSUE_EXAMPLE, viewer()).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(answer.get("class").asString()).isEqualTo("III");
        assertThat(texts(answer.get("limitingParameters"))).containsExactly("codmn", "cod", "bod5", "nh3n", "tp", "tn");
        assertThat(answer.get("parameterClasses").properties().stream()
                .map(entry -> Map.entry(entry.getKey(), entry.getValue().asString())))
                .containsExactly(Map.entry("do", "II"), Map.entry("codmn", "III"), Map.entry("cod", "III"),
                        Map.entry("bod5", "III"), Map.entry("nh3n", "III"), Map.entry("tp", "III"),
                        Map.entry("tn", "III"), Map.entry("ph", "I"));
        assertThat(answer.has("notClassified")).isFalse();
        assertThat(answer.get("standard").asString()).isEqualTo("GB 3838-2002");
    }

    @Test
    void aRiversNitrogenIsReportedAsNotClassifiedAndDecidesNothing() {
        classify("""
                {"waterbody": "RIVER", "parameters": {"tn": 3.1, "nh3n": 0.3, "tp": 0.15}}""", viewer())
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.class").isEqualTo("III")
                .jsonPath("$.limitingParameters").isEqualTo(List.of("tp"))
                .jsonPath("$.parameterClasses.tn").doesNotExist()
                .jsonPath("$.notClassified").isEqualTo(List.of("tn"));
    }

    @Test
    void aReservoirIsClassedWithTheLakeLimits() {
        classify("""
                {"waterbody": "RESERVOIR", "parameters": {"tp": 0.08, "tn": 0.4}}""", viewer())
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.class").isEqualTo("IV")
                .jsonPath("$.parameterClasses.tn").isEqualTo("II");
    }

    @Test
    void pHOutsideSixToNineIsWorseThanV() {
        classify("""
                {"waterbody": "RIVER", "parameters": {"do": 8, "ph": 9.2}}""", viewer())
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.class").isEqualTo("劣V")
                .jsonPath("$.limitingParameters").isEqualTo(List.of("ph"));
    }

    @Test
    void aSingleParameterIsEnough() {
        classify("""
                {"waterbody": "RIVER", "parameters": {"nh3n": 1.2}}""", viewer())
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.class").isEqualTo("IV")
                .jsonPath("$.parameterClasses.length()").isEqualTo(1);
    }

    @Test
    void listsEveryBadFieldWith422() {
        JsonNode problem = classify("""
                {"waterbody": "SEA", "parameters": {"do": -1, "chla": 12, "TP": 0.1, "ph": 15, "cod": null}}""",
                viewer())
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("detail").asString()).isEqualTo("6 inputs are invalid; see errors.");
        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactly("parameters.TP", "parameters.chla", "parameters.cod", "parameters.do",
                        "parameters.ph", "waterbody");
        assertThat(problem.get("errors").valueStream().map(error -> error.get("message").asString()))
                .contains("cannot be negative", "must be between 0 and 14", "must be a number",
                        "must be one of [RIVER, LAKE, RESERVOIR]")
                .anySatisfy(message -> assertThat(message).startsWith("is not a parameter of GB 3838-2002"));
    }

    @Test
    void noParametersIs422() {
        classify("""
                {"waterbody": "LAKE", "parameters": {}}""", viewer())
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("parameters")
                .jsonPath("$.errors[0].message").isEqualTo("must name at least one parameter, e.g. {\"do\": 6.2}");
        classify("""
                {"waterbody": "LAKE"}""", viewer())
                .expectStatus().isEqualTo(422);
    }

    @Test
    void onlyParametersWithoutALimitForTheWaterbodyIs422() {
        classify("""
                {"waterbody": "RIVER", "parameters": {"tn": 1.2}}""", viewer())
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("parameters")
                .jsonPath("$.errors[0].message")
                .isEqualTo("must include a parameter with a class limit for a RIVER; there is none for tn");
    }

    @Test
    void aValueThatIsNoNumberIsMalformed() {
        classify("""
                {"waterbody": "LAKE", "parameters": {"do": "plenty"}}""", viewer())
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("parameters.do");
        classify("{\"waterbody\": ", viewer()).expectStatus().isBadRequest();
    }

    static List<String> everyPlatformRole() {
        return PlatformRoles.ALL.stream().sorted().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPlatformRole")
    void everyPlatformRoleMayClassifyBecauseNothingIsStoredOrRevealed(String role) {
        classify(ISSUE_EXAMPLE, TestJwts.token("someone", role).bearer()).expectStatus().isOk();
    }

    @Test
    void anEditorOfAnyDepartmentMayClassify() {
        classify(ISSUE_EXAMPLE, TestJwts.token("land-editor", PlatformRoles.BUREAU_EDITOR).department("land").bearer())
                .expectStatus().isOk();
    }

    @TestFactory
    Stream<DynamicTest> whoIsNoPlatformUserIsTurnedAway() {
        return AuthenticationFailures.of(client,
                Call.post("/api/v1/water-quality/classify", MediaType.APPLICATION_JSON, ISSUE_EXAMPLE));
    }

    private WebTestClient.ResponseSpec classify(String body, Consumer<HttpHeaders> token) {
        return client.post().uri("/api/v1/water-quality/classify").headers(token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    static Consumer<HttpHeaders> viewer() {
        return TestJwts.token("viewer", PlatformRoles.BUREAU_VIEWER).bearer();
    }
}
