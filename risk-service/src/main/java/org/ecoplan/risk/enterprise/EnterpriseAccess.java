package org.ecoplan.risk.enterprise;

import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.security.PlatformRoles;

/**
 * Who may do what to enterprises, as {@code @PreAuthorize} expressions for the role, and {@link #mayChange} for
 * the data scope. Another department's or enterprise's record answers 404 like an unknown id (DESIGN).
 */
final class EnterpriseAccess {

    /** Register enterprises, one by one or by import. */
    static final String REGISTRARS = "hasAnyRole('eco-admin', 'bureau-editor')";

    /** Change an enterprise's record or its risk sources; {@link #mayChange} narrows it to the right ones. */
    static final String CHANGERS = "hasAnyRole('eco-admin', 'bureau-editor', 'enterprise')";

    /** The audit trail names people: bureau staff and the enterprise itself read it, integrators do not. */
    static final String HISTORY_READERS = "hasAnyRole('eco-admin', 'bureau-editor', 'bureau-viewer', "
            + "'plan-reviewer', 'enterprise')";

    private EnterpriseAccess() {
    }

    /**
     * eco-admin, a bureau-editor of the supervising department, or the enterprise's own account (which is held to
     * its own enterprise whatever other roles it has, as in {@link EnterpriseScope}).
     */
    static boolean mayChange(EcoPrincipal who, Enterprise enterprise) {
        if (who.hasRole(PlatformRoles.ENTERPRISE)) {
            return who.enterpriseId().filter(enterprise.id()::equals).isPresent();
        }
        return who.hasRole(PlatformRoles.ECO_ADMIN) || who.hasRole(PlatformRoles.BUREAU_EDITOR)
                && who.department().filter(enterprise.supervisingDepartment()::equals).isPresent();
    }

    /**
     * Contact people's names, phones and e-mails are personal data for the bureau and the enterprise itself; the
     * integrators' systems get enterprises without them, and gradings without who graded.
     */
    static boolean seesPeople(EcoPrincipal who) {
        return who.hasRole(PlatformRoles.ECO_ADMIN) || who.hasRole(PlatformRoles.BUREAU_EDITOR)
                || who.hasRole(PlatformRoles.BUREAU_VIEWER) || who.hasRole(PlatformRoles.PLAN_REVIEWER)
                || who.hasRole(PlatformRoles.ENTERPRISE);
    }

    static boolean isEnterprise(EcoPrincipal who) {
        return who.hasRole(PlatformRoles.ENTERPRISE);
    }
}
