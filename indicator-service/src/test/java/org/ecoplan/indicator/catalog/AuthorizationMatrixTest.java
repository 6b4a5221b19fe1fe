package org.ecoplan.indicator.catalog;

import java.util.UUID;

import org.ecoplan.common.testing.AuthorizationMatrix;
import org.ecoplan.common.testing.AuthorizationMatrix.Case;
import org.ecoplan.common.testing.AuthorizationMatrixTests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

/**
 * indicator-service's rows of the platform's authorization matrix, called directly on the service: the same answers
 * as through the gateway (defence in depth). The reads use the seeded plan; every write gets an indicator (and an
 * observation) of its own, so that no request changes what another sees.
 */
@IndicatorServiceTest
class AuthorizationMatrixTest extends AuthorizationMatrixTests {

    AuthorizationMatrixTest() {
        super("indicator-service",
                "PUT /api/v1/indicators/{code}/target",
                "POST /api/v1/indicators/observations/import", "POST /api/v1/air-quality/aqi",
                "POST /api/v1/air-quality/hourly", "GET /api/v1/air-quality/daily", "GET /api/v1/air-quality/annual",
                "POST /api/v1/air-quality/annual/derive", "POST /api/v1/water-quality/classify",
                "GET /api/v1/water-quality/sites/{code}", "POST /api/v1/water-quality/sites",
                "PUT /api/v1/water-quality/sites/{code}", "DELETE /api/v1/water-quality/sites/{code}",
                "GET /api/v1/water-quality/sites/{code}/annual", "GET /api/v1/water-quality/sites/{code}/samples",
                "POST /api/v1/water-quality/sites/{code}/samples",
                "DELETE /api/v1/water-quality/sites/{code}/samples/{id}");
    }

    @Autowired
    private ReactiveMongoTemplate template;

    @Override
    protected void call(Case matrixCase) {
        String path = matrixCase.row().path();
        if (path.contains("{indicator}")) {
            String code = Fixtures.indicator(template, AuthorizationMatrix.OWN_DEPARTMENT, "μg/m³").code();
            if (path.contains("{observation}")) {
                JsonNode observation = client.post().uri("/api/v1/indicators/{code}/observations", code)
                    .headers(Fixtures.editor(AuthorizationMatrix.OWN_DEPARTMENT))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(matrix.body("observation.json"))
                    .exchange()
                    .expectStatus().isCreated()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
                path = path.replace("{observation}", observation.get("id").asString());
            }
            path = path.replace("{indicator}", code);
        }
        matrix.send(client, matrixCase, path, "\"0\"",
                body -> body.replace("{newCode}", "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase()))
            .expectStatus().isEqualTo(matrixCase.expectedStatus());
    }
}
