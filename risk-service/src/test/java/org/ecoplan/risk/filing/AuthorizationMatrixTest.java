package org.ecoplan.risk.filing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.AuthorizationMatrix;
import org.ecoplan.common.testing.AuthorizationMatrix.Case;
import org.ecoplan.common.testing.AuthorizationMatrixTests;
import org.ecoplan.common.testing.AuthorizationMatrix.Identity;
import org.ecoplan.common.testing.TestJwts;
import org.ecoplan.common.time.BureauDay;
import org.ecoplan.risk.RiskServiceTest;
import org.ecoplan.risk.enterprise.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import tools.jackson.databind.JsonNode;

/**
 * risk-service's rows of the platform's authorization matrix, called directly on the service: the same answers as
 * through the gateway (defence in depth). The rows read the demo enterprises and one draft filing of the matrix's
 * own enterprise with its plan document, made once; the writes change receptors made for them, or set what the
 * demo enterprise already holds.
 */
@RiskServiceTest
class AuthorizationMatrixTest extends AuthorizationMatrixTests {

    AuthorizationMatrixTest() {
        super("risk-service",
                "POST /api/v1/enterprises/import",
                "PUT /api/v1/enterprises/{id}/risk-sources", "PUT /api/v1/emergency-plans/{id}/documents/{kind}",
                "POST /api/v1/emergency-plans/{id}/submit", "POST /api/v1/emergency-plans/{id}/accept",
                "POST /api/v1/emergency-plans/{id}/return", "GET /api/v1/emergency-plans/{id}/receipt");
    }

    @Autowired
    private Clock clock;

    private String plan;

    @Override
    protected void call(Case matrixCase) {
        String path = matrixCase.row().path();
        if (path.contains("{plan}")) {
            path = path.replace("{plan}", plan());
        }
        if (path.contains("{receptor}")) {
            String code = newReceptor();
            client.post().uri("/api/v1/receptors")
                .headers(Identity.ECO_ADMIN.credentials())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(matrix.body("risk-receptor.json").replace("{newReceptor}", code))
                .exchange()
                .expectStatus().isCreated();
            path = path.replace("{receptor}", code);
        }
        boolean changes = matrixCase.row().writes() && !matrixCase.row().method().equals(HttpMethod.POST);
        String called = path;
        // A receptor's change keeps its code: the body names the receptor of the path.
        matrix.send(client, matrixCase, called, changes ? currentETag(called) : null, body -> called.startsWith(
                "/api/v1/receptors/") ? body.replace("{newReceptor}", lastSegment(called)) : placeholdersFilled(body))
            .expectStatus().isEqualTo(matrixCase.expectedStatus());
    }

    private String currentETag(String path) {
        return client.get().uri(path).headers(Identity.ECO_ADMIN.credentials()).exchange()
            .expectStatus().isOk()
            .returnResult(Void.class).getResponseHeaders().getETag();
    }

    private String placeholdersFilled(String text) {
        return text.replace("{newReceptor}", newReceptor())
            .replace("{creditCode}", Fixtures.creditCode())
            .replace("{yesterday}", LocalDate.ofInstant(clock.instant(), BureauDay.ZONE).minusDays(1).toString());
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String newReceptor() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** The draft filing of {@link AuthorizationMatrix#OWN_ENTERPRISE}, with its plan uploaded. */
    private String plan() {
        if (plan == null) {
            TestJwts.Token own = TestJwts.token("matrix-enterprise-own", PlatformRoles.ENTERPRISE)
                .enterpriseId(AuthorizationMatrix.OWN_ENTERPRISE);
            EntityExchangeResult<JsonNode> draft = client.post().uri(FilingFixtures.PATH)
                .headers(Identity.ENTERPRISE_OWN.credentials())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(FilingFixtures.request(LocalDate.ofInstant(clock.instant(), BureauDay.ZONE).minusDays(1)
                    .toString(), "LARGER", false))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult();
            String id = draft.getResponseBody().get("id").asString();
            FilingFixtures.upload(client, own, id, "plan", FilingFixtures.PDF, "plan.pdf",
                    draft.getResponseHeaders().getETag()).expectStatus().isOk();
            plan = id;
        }
        return plan;
    }
}
