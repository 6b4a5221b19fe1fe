package org.ecoplan.common.testapp;

import java.util.function.Consumer;

import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.TestJwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error reaches the client as RFC 9457 problem+json that names what is wrong and nothing internal. */
@WithTestApplication
@ExtendWith(OutputCaptureExtension.class)
class ProblemJsonTest {

    static final String SAMPLES = "/api/v1/samples";

    static final String VALIDATION = "https://ecoplan.example/problems/validation";

    @Autowired
    WebTestClient client;

    Consumer<HttpHeaders> editor;

    @BeforeEach
    void token() {
        editor = TestJwts.token("env-editor", PlatformRoles.BUREAU_EDITOR).department("env").bearer();
    }

    WebTestClient.BodyContentSpec post(String path, String json, int status) {
        return client.post()
            .uri(path)
            .headers(editor)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(json)
            .exchange()
            .expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .consumeWith(result -> assertNoInternals(new String(result.getResponseBodyContent())))
            .jsonPath("$.status")
            .isEqualTo(status);
    }

    WebTestClient.BodyContentSpec get(String path, int status) {
        return client.get()
            .uri(path)
            .headers(editor)
            .exchange()
            .expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .consumeWith(result -> assertNoInternals(new String(result.getResponseBodyContent())))
            .jsonPath("$.status")
            .isEqualTo(status);
    }

    static void assertNoInternals(String body) {
        assertThat(body).doesNotContain("Exception", "java.", "tools.jackson", "org.springframework", "org.ecoplan",
                "\tat ", "hunter2");
    }

    @Test
    void validRequestPasses() {
        client.post()
            .uri(SAMPLES)
            .headers(editor)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("""
                    {"name": "Dongting outlet", "count": 3, "medium": "WATER", "sampledOn": "2025-06-01"}""")
            .exchange()
            .expectStatus()
            .isOk();
    }

    @Test
    void validationListsEveryInvalidField() {
        post(SAMPLES, """
                {"name": " ", "count": -2, "items": [{"name": "ok"}, {"name": ""}]}""", 400)
            .jsonPath("$.type").isEqualTo(VALIDATION)
            .jsonPath("$.title").isEqualTo("The request is invalid")
            .jsonPath("$.instance").isEqualTo(SAMPLES)
            .jsonPath("$.detail").isEqualTo("3 inputs are invalid; see errors.")
            .jsonPath("$.errors.length()").isEqualTo(3)
            .jsonPath("$.errors[0].field").isEqualTo("count")
            .jsonPath("$.errors[0].message").isEqualTo("must be greater than 0")
            .jsonPath("$.errors[1].field").isEqualTo("items[1].name")
            .jsonPath("$.errors[1].message").isEqualTo("must not be blank")
            .jsonPath("$.errors[2].field").isEqualTo("name")
            .jsonPath("$.errors[2].message").isEqualTo("must not be blank");
    }

    @Test
    void malformedJsonSays400WithPosition() {
        post(SAMPLES, "{\"name\": \"x\", \"count\": 3", 400)
            .jsonPath("$.type").isEqualTo("about:blank")
            .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                .startsWith("The request body is not valid JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            count as text     | {"name": "x", "count": "three"}                 | count     | must be an integer | Field 'count' must be an integer (got 'three').
            count as object   | {"name": "x", "count": {"n": 3}}                | count     | must be an integer | Field 'count' must be an integer.
            date malformed    | {"name": "x", "count": 1, "sampledOn": "June"}  | sampledOn | must be a date like 2025-12-31 | Field 'sampledOn' must be a date like 2025-12-31 (got 'June').
            unknown enum      | {"name": "x", "count": 1, "medium": "FIRE"}     | medium    | must be one of: AIR, WATER, SOIL | Field 'medium' must be one of: AIR, WATER, SOIL (got 'FIRE').
            items not a list  | {"name": "x", "count": 1, "items": 7}           | items     | must be an array | Field 'items' must be an array.
            """)
    void wrongTypeNamesTheFieldAndWhatItMustBe(String why, String json, String field, String message,
            String detail) {
        post(SAMPLES, json, 400)
            .jsonPath("$.type").isEqualTo(VALIDATION)
            .jsonPath("$.detail").isEqualTo(detail)
            .jsonPath("$.errors.length()").isEqualTo(1)
            .jsonPath("$.errors[0].field").isEqualTo(field)
            .jsonPath("$.errors[0].message").isEqualTo(message);
    }

    @Test
    void bodyOfTheWrongShapeSays400() {
        post(SAMPLES, "[1, 2]", 400).jsonPath("$.detail").isEqualTo("The request body must be an object.");
    }

    @Test
    void missingBodySays400() {
        client.post()
            .uri(SAMPLES)
            .headers(editor)
            .contentType(MediaType.APPLICATION_JSON)
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.detail")
            .isEqualTo("The request body is missing.");
    }

    @Test
    void oversizeBodySays413() {
        String name = "x".repeat(8 * 1024);
        post(SAMPLES, "{\"name\": \"" + name + "\", \"count\": 1}", 413)
            .jsonPath("$.title").isEqualTo("Content Too Large")
            .jsonPath("$.detail").isEqualTo("The request body is larger than this service accepts.");
    }

    @Test
    void unknownPathSays404() {
        get("/api/v1/no-such-thing", 404)
            .jsonPath("$.title").isEqualTo("Not Found")
            .jsonPath("$.instance").isEqualTo("/api/v1/no-such-thing")
            .jsonPath("$.detail").isEqualTo("No resource at /api/v1/no-such-thing");
    }

    @Test
    void apiProblemNotFoundKeepsItsDetail() {
        get(SAMPLES + "/42", 404)
            .jsonPath("$.type").isEqualTo("about:blank")
            .jsonPath("$.title").isEqualTo("Not Found")
            .jsonPath("$.detail").isEqualTo("Sample 42 does not exist")
            .jsonPath("$.instance").isEqualTo(SAMPLES + "/42");
    }

    @Test
    void apiProblemUnprocessableListsItsErrors() {
        post(SAMPLES + "/rule", "{}", 422)
            .jsonPath("$.type").isEqualTo(VALIDATION)
            .jsonPath("$.detail").isEqualTo("The sample breaks two rules")
            .jsonPath("$.instance").isEqualTo(SAMPLES + "/rule")
            .jsonPath("$.errors[0].field").isEqualTo("count")
            .jsonPath("$.errors[1].field").isEqualTo("sampledOn");
    }

    @Test
    void responseStatusExceptionKeepsItsReason() {
        get(SAMPLES + "/gone", 410).jsonPath("$.detail").isEqualTo("Samples moved to the archive");
    }

    @Test
    void versionChangedBeforeTheWriteSays412() {
        get(SAMPLES + "/stale", 412)
            .jsonPath("$.title").isEqualTo("Precondition Failed")
            .jsonPath("$.detail").isEqualTo("The resource has changed since you read it: read it again and retry "
                    + "with its current ETag in If-Match.");
    }

    @Test
    void pathVariableOfWrongTypeNamesTheParameter() {
        get(SAMPLES + "/abc", 400)
            .jsonPath("$.type").isEqualTo(VALIDATION)
            .jsonPath("$.detail").isEqualTo("Parameter 'id' must be an integer.")
            .jsonPath("$.errors[0].field").isEqualTo("id");
    }

    @Test
    void constrainedRequestParameterNamesTheParameter() {
        get(SAMPLES + "/limited?max=11", 400)
            .jsonPath("$.type").isEqualTo(VALIDATION)
            .jsonPath("$.errors[0].field").isEqualTo("max")
            .jsonPath("$.errors[0].message").isEqualTo("must be less than or equal to 10");
    }

    @Test
    void missingRequestParameterSays400() {
        get(SAMPLES + "/limited", 400).jsonPath("$.detail").value(detail -> assertThat((String) detail)
            .contains("'max'"));
    }

    @Test
    void pageQueryDefaultsApply() {
        client.get()
            .uri(SAMPLES)
            .headers(editor)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items.length()").isEqualTo(2)
            .jsonPath("$.total").isEqualTo(2)
            .jsonPath("$.page").isEqualTo(0)
            .jsonPath("$.size").isEqualTo(20);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            size=201        | size | must be less than or equal to 200
            size=0          | size | must be greater than or equal to 1
            page=-1         | page | must be greater than or equal to 0
            size=ten        | size | must be an integer
            """)
    void pageQueryOutOfRangeSays400(String query, String field, String message) {
        get(SAMPLES + "?" + query, 400)
            .jsonPath("$.type").isEqualTo(VALIDATION)
            .jsonPath("$.errors.length()").isEqualTo(1)
            .jsonPath("$.errors[0].field").isEqualTo(field)
            .jsonPath("$.errors[0].message").isEqualTo(message);
    }

    @Test
    void constraintViolationFromAServiceListsEveryField() {
        post(SAMPLES + "/checked", """
                {"name": "", "count": 0}""", 400)
            .jsonPath("$.type").isEqualTo(VALIDATION)
            .jsonPath("$.errors.length()").isEqualTo(2)
            .jsonPath("$.errors[0].field").isEqualTo("request.count")
            .jsonPath("$.errors[1].field").isEqualTo("request.name");
    }

    @Test
    void wrongMethodSays405WithAllowHeader() {
        client.delete()
            .uri(SAMPLES + "/me")
            .headers(editor)
            .exchange()
            .expectStatus()
            .isEqualTo(405)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .exists(HttpHeaders.ALLOW);
    }

    @Test
    void unsupportedMediaTypeSays415() {
        client.post()
            .uri(SAMPLES)
            .headers(editor)
            .contentType(MediaType.TEXT_PLAIN)
            .bodyValue("name=x")
            .exchange()
            .expectStatus()
            .isEqualTo(415)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void unexpectedFailureSays500WithoutDetailsAndIsLogged(CapturedOutput output) {
        get(SAMPLES + "/boom", 500)
            .jsonPath("$.title").isEqualTo("Internal Server Error")
            .jsonPath("$.detail").isEqualTo("An unexpected error occurred. It has been logged.")
            .jsonPath("$.instance").isEqualTo(SAMPLES + "/boom");
        assertThat(output).contains("GET /api/v1/samples/boom failed", "database password is hunter2");
    }
}
