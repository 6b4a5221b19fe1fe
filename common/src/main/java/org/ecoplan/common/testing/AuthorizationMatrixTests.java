package org.ecoplan.common.testing;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import org.ecoplan.common.testing.AuthorizationMatrix.Case;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * A service's matrix test: every row for every identity, and no {@code /api/**} endpoint of the running service
 * without a row. The service's test says how a case is called (its fixtures and placeholders).
 */
public abstract class AuthorizationMatrixTests {

    /** The service's rows. */
    protected final AuthorizationMatrix matrix;

    @Autowired
    protected WebTestClient client;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    /** @param service the service's name in the matrix's first column */
    protected AuthorizationMatrixTests(String service) {
        this.matrix = AuthorizationMatrix.read(Path.of("..", "authorization"), service);
    }

    /** Sends the case's request and checks its status. */
    protected abstract void call(Case matrixCase);

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryIdentityAsTheMatrixSays() {
        return matrix.tests(this::call);
    }

    @Test
    void everyEndpointHasItsRow() {
        Assertions.assertEquals(Set.of(), matrix.unlisted(mappings),
                "The service's endpoints without a row in authorization/matrix.csv");
    }
}
