package org.ecoplan.risk.filing;

import org.ecoplan.common.testing.AuthorizationMatrixTests;
import org.ecoplan.risk.RiskServiceTest;

/**
 * risk-service's rows of the platform's authorization matrix. The rows read the demo enterprises and filings of the
 * matrix's own enterprise, made through the API as its account would; the writes change receptors and filings made
 * for them, or set what the demo enterprise already holds.
 */
@RiskServiceTest
class AuthorizationMatrixTest extends AuthorizationMatrixTests {

    AuthorizationMatrixTest() {
        super("risk-service");
    }
}
