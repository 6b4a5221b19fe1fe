package org.ecoplan.indicator.catalog;

import org.ecoplan.common.testing.AuthorizationMatrixTests;

/**
 * indicator-service's rows of the platform's authorization matrix. The reads use the seeded plan; every write gets an
 * indicator (and an observation), or a monitoring site (and a sample), of its own, so that no request changes what
 * another sees.
 */
@IndicatorServiceTest
class AuthorizationMatrixTest extends AuthorizationMatrixTests {

    AuthorizationMatrixTest() {
        super("indicator-service");
    }
}
