package org.ecoplan.indicator.catalog;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.ecoplan.common.testing.AuthorizationMatrix;
import org.ecoplan.common.testing.AuthorizationMatrix.Case;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * indicator-service's rows of the platform's authorization matrix, called directly on the service: the same answers
 * as through the gateway (defence in depth). The rows read the seeded plan, so no request changes what another sees.
 */
@IndicatorServiceTest
class AuthorizationMatrixTest {

    private static final AuthorizationMatrix MATRIX = AuthorizationMatrix.read(Path.of("..", "authorization"),
            "indicator-service");

    @Autowired
    private WebTestClient client;

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryIdentityAsTheMatrixSays() {
        return MATRIX.tests(this::call);
    }

    private void call(Case matrixCase) {
        client.method(matrixCase.row().method())
            .uri(matrixCase.row().path())
            .headers(matrixCase.identity().credentials())
            .exchange()
            .expectStatus()
            .isEqualTo(matrixCase.expectedStatus());
    }
}
