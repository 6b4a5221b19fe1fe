package org.ecoplan.project.catalog;

import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import org.ecoplan.common.idempotency.IdempotencyKeys;
import org.ecoplan.common.testing.AuthorizationMatrix;
import org.ecoplan.common.testing.AuthorizationMatrix.Case;
import org.ecoplan.project.ProjectFixtures;
import org.ecoplan.project.ProjectServiceTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * project-service's rows of the platform's authorization matrix, called directly on the service: the same answers
 * as through the gateway (defence in depth). Each request gets a project of its own, led by the matrix's own
 * department, so that the writes of one identity cannot change what the next one sees.
 */
@ProjectServiceTest
class AuthorizationMatrixTest {

    private static final AuthorizationMatrix MATRIX = AuthorizationMatrix.read(Path.of("..", "authorization"),
            "project-service");

    private static final String PERIOD = "2024-Q1";

    /** The report of {reportedProject}, made by eco-admin before the request. */
    private static final String REPORT = MATRIX.body("project-report.json");

    @Autowired
    private WebTestClient client;

    @Autowired
    private ReactiveMongoTemplate template;

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryIdentityAsTheMatrixSays() {
        return MATRIX.tests(this::call);
    }

    private void call(Case matrixCase) {
        String code = ProjectFixtures.project().lead(AuthorizationMatrix.OWN_DEPARTMENT).store(template).code();
        String path = matrixCase.row().path();
        if (path.contains("{reportedProject}")) {
            report(code).expectStatus().isCreated();
            path = path.replace("{reportedProject}", code);
        }
        WebTestClient.RequestBodySpec request = client.method(matrixCase.row().method())
            .uri(placeholdersFilled(path, code))
            .headers(matrixCase.identity().credentials());
        if (matrixCase.row().writes()) {
            request.header(HttpHeaders.IF_MATCH, "\"0\"").header(IdempotencyKeys.HEADER, UUID.randomUUID().toString());
        }
        String body = MATRIX.body(matrixCase.row());
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue(placeholdersFilled(body, code));
        }
        request.exchange().expectStatus().isEqualTo(matrixCase.expectedStatus());
    }

    private WebTestClient.ResponseSpec report(String code) {
        return client.post()
            .uri("/api/v1/projects/{code}/reports", code)
            .headers(AuthorizationMatrix.Identity.ECO_ADMIN.credentials())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(placeholdersFilled(REPORT, code))
            .exchange();
    }

    private static String placeholdersFilled(String text, String code) {
        return text.replace("{project}", code).replace("{newCode}", ProjectFixtures.newCode())
            .replace("{period}", PERIOD);
    }
}
