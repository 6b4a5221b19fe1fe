package org.ecoplan.common.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Stream;

import org.ecoplan.common.testing.AuthorizationMatrix.Case;
import org.ecoplan.common.testing.MatrixFixtures.Call;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * A service's matrix test: every row for every identity, called directly on the service (defence in depth: the
 * same answers as through the gateway), with the fixtures {@link MatrixFixtures} makes through the service's API;
 * and no {@code /api/**} endpoint of the running service without a row.
 */
public abstract class AuthorizationMatrixTests {

    /** The service's rows. */
    private final AuthorizationMatrix matrix;

    @Autowired
    private WebTestClient client;

    @Autowired
    private Clock clock;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    /** @param service the service's name in the matrix's first column */
    protected AuthorizationMatrixTests(String service) {
        this.matrix = AuthorizationMatrix.read(Path.of("..", "authorization"), service);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryIdentityAsTheMatrixSays() {
        MatrixFixtures fixtures = new MatrixFixtures(matrix, ApiClient.withTestTokens(client), clock);
        return matrix.tests(matrixCase -> {
            Call call = fixtures.prepare(matrixCase.row());
            matrix.send(client, matrixCase, call.path(), call.ifMatch(), call.placeholders())
                .expectStatus().isEqualTo(matrixCase.expectedStatus());
        });
    }

    @Test
    void everyEndpointHasItsRow() {
        Assertions.assertEquals(Set.of(), matrix.unlisted(mappings),
                "The service's endpoints without a row in authorization/matrix.csv");
    }
}
