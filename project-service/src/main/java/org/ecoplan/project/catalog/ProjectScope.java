package org.ecoplan.project.catalog;

import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.security.PlatformRoles;

/**
 * Who may change a project and what hangs off it: {@code eco-admin}, and a {@code bureau-editor} of its lead
 * department. Roles are checked before (method security); this is the data scope. For anyone else a change
 * answers 404, as for a project that does not exist (DESIGN's rule, so that codes cannot be probed).
 */
public final class ProjectScope {

    private ProjectScope() {
    }

    public static boolean mayChange(EcoPrincipal who, Project project) {
        return who.hasRole(PlatformRoles.ECO_ADMIN) || (who.hasRole(PlatformRoles.BUREAU_EDITOR)
                && who.department().filter(project.leadDepartment()::equals).isPresent());
    }
}
