package org.ecoplan.indicator.catalog;

/**
 * Who may call what in indicator-service, as {@code @PreAuthorize} expressions. Reading the plan is open to every
 * platform role (common's security already requires one); the rest is for bureau staff.
 */
public final class Access {

    /** Platform administrators: the catalogue's structure and the approval of observations. */
    public static final String ADMIN = "hasRole('eco-admin')";

    /** Who changes data at all; {@link DepartmentScope} then narrows editors to their department. */
    public static final String EDITORS = "hasAnyRole('eco-admin', 'bureau-editor')";

    /**
     * Bureau staff read the working data behind the published figures: observations before approval, who
     * entered and decided what (the audit trail). Enterprises and integrators see approved values only.
     */
    public static final String BUREAU_STAFF = "hasAnyRole('eco-admin', 'bureau-editor', 'bureau-viewer', "
            + "'plan-reviewer')";

    private Access() {
    }
}
