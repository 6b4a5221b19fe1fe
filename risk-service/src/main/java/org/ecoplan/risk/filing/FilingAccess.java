package org.ecoplan.risk.filing;

/**
 * Who may call what on filings, as {@code @PreAuthorize} expressions; {@link Filings} then limits enterprise
 * accounts to their own enterprise's filings.
 */
final class FilingAccess {

    /** The enterprise files; nobody files for it. */
    static final String ENTERPRISE = "hasRole('enterprise')";

    /** Reviewers decide on filings; eco-admin may stand in. */
    static final String REVIEWERS = "hasAnyRole('plan-reviewer', 'eco-admin')";

    /** Bureau staff read every filing. */
    static final String BUREAU = "hasAnyRole('eco-admin', 'bureau-editor', 'bureau-viewer', 'plan-reviewer')";

    /** Bureau staff, and enterprises for their own filings. */
    static final String READERS = "hasAnyRole('eco-admin', 'bureau-editor', 'bureau-viewer', 'plan-reviewer', "
            + "'enterprise')";

    /** The overview's counts name no enterprise, so integrators may read them too. */
    static final String SUMMARY = "hasAnyRole('eco-admin', 'bureau-editor', 'bureau-viewer', 'plan-reviewer', "
            + "'integrator-read', 'integrator-write')";

    private FilingAccess() {
    }
}
