package org.ecoplan.project.catalog;

/**
 * Who may call what on projects, as {@code @PreAuthorize} expressions. Reading the plan's projects, their schedules
 * and reports is open to every platform role (common's security already requires one).
 */
public final class ProjectAccess {

    /** Platform administrators: adding projects. */
    public static final String ADMIN = "hasRole('eco-admin')";

    /** Who changes projects at all; {@link ProjectScope} then narrows editors to their lead department's. */
    public static final String EDITORS = "hasAnyRole('eco-admin', 'bureau-editor')";

    /** Bureau staff read who changed what (the audit trail), as for the indicators. */
    public static final String BUREAU_STAFF = "hasAnyRole('eco-admin', 'bureau-editor', 'bureau-viewer', "
            + "'plan-reviewer')";

    private ProjectAccess() {
    }
}
