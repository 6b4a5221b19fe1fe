package org.ecoplan.project.catalog;

import java.util.function.UnaryOperator;

import org.ecoplan.common.testing.AuthorizationMatrix;
import org.ecoplan.common.testing.AuthorizationMatrix.Case;
import org.ecoplan.common.testing.AuthorizationMatrix.Identity;
import org.ecoplan.common.testing.AuthorizationMatrixTests;
import org.ecoplan.project.ProjectFixtures;
import org.ecoplan.project.ProjectServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;

import tools.jackson.databind.JsonNode;

/**
 * project-service's rows of the platform's authorization matrix, called directly on the service: the same answers
 * as through the gateway (defence in depth). Each request gets a project of its own, led by the matrix's own
 * department, so that the writes of one identity cannot change what the next one sees.
 */
@ProjectServiceTest
class AuthorizationMatrixTest extends AuthorizationMatrixTests {

    private static final String PERIOD = "2024-Q1";

    AuthorizationMatrixTest() {
        super("project-service");
    }

    @Autowired
    private ReactiveMongoTemplate template;

    @Override
    protected void call(Case matrixCase) {
        String code = ProjectFixtures.project().lead(AuthorizationMatrix.OWN_DEPARTMENT).store(template).code();
        String path = matrixCase.row().path();
        String version = "\"0\"";
        String attachment = "";
        if (path.contains("{reportedProject}")) {
            EntityExchangeResult<JsonNode> report = client.post()
                .uri("/api/v1/projects/{code}/reports", code)
                .headers(Identity.ECO_ADMIN.credentials())
                .body(BodyInserters.fromMultipartData(matrix.parts("project-report-with-file.parts",
                        text -> placeholdersFilled(text, code))))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult();
            version = report.getResponseHeaders().getETag();
            attachment = report.getResponseBody().get("attachments").get(0).get("id").asString();
        }
        if (path.contains("{milestonedProject}")) {
            version = client.put()
                .uri("/api/v1/projects/{code}/milestones/m1", code)
                .headers(Identity.ECO_ADMIN.credentials())
                .header(HttpHeaders.IF_MATCH, version)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(matrix.body("project-milestone.json"))
                .exchange()
                .expectStatus().isCreated()
                .returnResult(Void.class).getResponseHeaders().getETag();
        }
        String fixtureAttachment = attachment;
        UnaryOperator<String> filled = text -> placeholdersFilled(text, code).replace("{attachment}", fixtureAttachment);
        String filledPath = filled.apply(path.replace("{reportedProject}", code).replace("{milestonedProject}", code));
        matrix.send(client, matrixCase, filledPath, version, filled).expectStatus()
            .isEqualTo(matrixCase.expectedStatus());
    }

    private static String placeholdersFilled(String text, String code) {
        return text.replace("{project}", code).replace("{newCode}", ProjectFixtures.newCode())
            .replace("{period}", PERIOD);
    }
}
