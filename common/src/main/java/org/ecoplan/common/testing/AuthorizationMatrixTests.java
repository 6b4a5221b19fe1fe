package org.ecoplan.common.testing;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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

    @Autowired
    protected WebTestClient client;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    protected abstract AuthorizationMatrix matrix();

    /** Sends the case's request and checks its status. */
    protected abstract void call(Case matrixCase);

    /** The endpoints whose rows are still to be written; filling one must take it off the list. */
    protected List<String> stillWithoutRows() {
        return List.of();
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryIdentityAsTheMatrixSays() {
        return matrix().tests(this::call);
    }

    @Test
    void everyEndpointHasItsRow() {
        Set<String> expected = new TreeSet<>(stillWithoutRows());
        Assertions.assertEquals(expected, matrix().unlisted(mappings),
                "The service's endpoints without a row in authorization/matrix.csv");
    }
}
