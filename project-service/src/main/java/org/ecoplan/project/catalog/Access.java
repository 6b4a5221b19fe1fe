package org.ecoplan.project.catalog;

/**
 * Who may call what in project-service, as {@code @PreAuthorize} expressions. Reading the plan's projects is
 * open to every platform role (common's security already requires one).
 */
public final class Access {

    /** Platform administrators: adding projects. */
    public static final String ADMIN = "hasRole('eco-admin')";

    /** Who changes projects at all; {@link ProjectScope} then narrows editors to their lead department's. */
    public static final String EDITORS = "hasAnyRole('eco-admin', 'bureau-editor')";

    private Access() {
    }
}
