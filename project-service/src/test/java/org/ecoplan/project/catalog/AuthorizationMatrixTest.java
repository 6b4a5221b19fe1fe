package org.ecoplan.project.catalog;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import org.ecoplan.common.idempotency.IdempotencyKeys;
import org.ecoplan.common.testing.AuthorizationMatrix;
import org.ecoplan.common.testing.AuthorizationMatrix.Case;
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

    @Autowired
    private WebTestClient client;

    @Autowired
    private ReactiveMongoTemplate template;

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryIdentityAsTheMatrixSays() {
        return MATRIX.cases().stream().map(matrixCase -> dynamicTest(matrixCase.toString(), () -> call(matrixCase)));
    }

    private void call(Case matrixCase) {
        String code = Fixtures.project().lead(AuthorizationMatrix.OWN_DEPARTMENT).store(template).code();
        WebTestClient.RequestBodySpec request = client.method(matrixCase.row().method())
            .uri(matrixCase.row().path().replace("{project}", code))
            .headers(matrixCase.identity().credentials());
        String body = MATRIX.body(matrixCase.row());
        if (matrixCase.row().writes()) {
            request.header(HttpHeaders.IF_MATCH, "\"0\"").header(IdempotencyKeys.HEADER, UUID.randomUUID().toString());
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body.replace("{newCode}", Fixtures.newCode()).replace("{period}", "2024-Q1"));
        }
        request.exchange().expectStatus().isEqualTo(matrixCase.expectedStatus());
    }
}
