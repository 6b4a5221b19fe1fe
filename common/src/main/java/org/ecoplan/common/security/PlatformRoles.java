package org.ecoplan.common.security;

import java.util.Set;

/**
 * The realm roles of the Keycloak realm {@code ecoplan}. Spring Security sees each as the authority
 * {@code ROLE_<name>}, so {@code hasRole('eco-admin')} works in {@code @PreAuthorize}.
 */
public final class PlatformRoles {

    /** Platform administrator. */
    public static final String ECO_ADMIN = "eco-admin";

    /** Bureau staff who edit the records of their own department. */
    public static final String BUREAU_EDITOR = "bureau-editor";

    /** Bureau staff who read everything and change nothing. */
    public static final String BUREAU_VIEWER = "bureau-viewer";

    /** Reviewer of emergency-plan filings (应急预案备案). */
    public static final String PLAN_REVIEWER = "plan-reviewer";

    /** An enterprise's own account: sees and changes only its enterprise's data. */
    public static final String ENTERPRISE = "enterprise";

    /** A partner system that reads through the gateway's APIs. */
    public static final String INTEGRATOR_READ = "integrator-read";

    /** A partner system that also reports data. */
    public static final String INTEGRATOR_WRITE = "integrator-write";

    /**
     * Every platform role. Keycloak adds roles of its own to each token ({@code offline_access},
     * {@code default-roles-ecoplan}); a token carrying only those is authenticated but may not use the API.
     */
    public static final Set<String> ALL = Set.of(ECO_ADMIN, BUREAU_EDITOR, BUREAU_VIEWER, PLAN_REVIEWER, ENTERPRISE,
            INTEGRATOR_READ, INTEGRATOR_WRITE);

    private PlatformRoles() {
    }
}
