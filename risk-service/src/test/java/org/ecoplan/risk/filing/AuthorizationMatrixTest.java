package org.ecoplan.risk.filing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Stream;

import org.ecoplan.common.idempotency.IdempotencyKeys;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.AuthorizationMatrix;
import org.ecoplan.common.testing.AuthorizationMatrix.Case;
import org.ecoplan.common.testing.AuthorizationMatrix.Identity;
import org.ecoplan.common.testing.TestJwts;
import org.ecoplan.risk.RiskServiceTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;

/**
 * risk-service's rows of the platform's authorization matrix, called directly on the service: the same answers as
 * through the gateway (defence in depth). The rows read the demo enterprises and one draft filing of the matrix's
 * own enterprise with its plan document, made once: no row changes what another sees.
 */
@RiskServiceTest
class AuthorizationMatrixTest {

    private static final AuthorizationMatrix MATRIX = AuthorizationMatrix.read(Path.of("..", "authorization"),
            "risk-service");

    @Autowired
    private WebTestClient client;

    @Autowired
    private Clock clock;

    private String plan;

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryIdentityAsTheMatrixSays() {
        return MATRIX.tests(this::call);
    }

    private void call(Case matrixCase) {
        WebTestClient.RequestBodySpec request = client.method(matrixCase.row().method())
            .uri(matrixCase.row().path().replace("{plan}", matrixCase.row().path().contains("{plan}") ? plan() : ""))
            .headers(matrixCase.identity().credentials());
        if (matrixCase.row().writes()) {
            request.header(HttpHeaders.IF_MATCH, "\"0\"").header(IdempotencyKeys.HEADER, UUID.randomUUID().toString());
        }
        String body = MATRIX.body(matrixCase.row());
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        }
        request.exchange().expectStatus().isEqualTo(matrixCase.expectedStatus());
    }

    /** The draft filing of {@link AuthorizationMatrix#OWN_ENTERPRISE}, with its plan uploaded. */
    private String plan() {
        if (plan == null) {
            TestJwts.Token own = TestJwts.token("matrix-enterprise-own", PlatformRoles.ENTERPRISE)
                .enterpriseId(AuthorizationMatrix.OWN_ENTERPRISE);
            EntityExchangeResult<JsonNode> draft = client.post().uri(FilingFixtures.PATH)
                .headers(Identity.ENTERPRISE_OWN.credentials())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(FilingFixtures.request(LocalDate.ofInstant(clock.instant(), BeijingDate.ZONE).minusDays(1)
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
