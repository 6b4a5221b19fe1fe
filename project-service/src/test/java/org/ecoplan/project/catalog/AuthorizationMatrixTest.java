package org.ecoplan.project.catalog;

import org.ecoplan.common.testing.AuthorizationMatrixTests;
import org.ecoplan.project.ProjectServiceTest;

/**
 * project-service's rows of the platform's authorization matrix. Each request that names a project gets one of its
 * own, led by the matrix's own department, so that the writes of one identity cannot change what the next one sees.
 */
@ProjectServiceTest
class AuthorizationMatrixTest extends AuthorizationMatrixTests {

    AuthorizationMatrixTest() {
        super("project-service");
    }
}
