package org.ecoplan.indicator.water;

import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.security.PlatformRoles;
import org.springframework.stereotype.Component;

/**
 * Who may change the monitoring sites and their samples: {@code eco-admin}, and the {@code bureau-editor}s of the
 * departments configured in {@code ecoplan.water-quality.editing-departments}. Used in
 * {@code @PreAuthorize("@waterEditors.mayEdit(principal)")}.
 * <p>
 * The scope is the department, not the site: surface-water monitoring is shared work (see the package documentation), so an
 * editor of either department edits every site. Sites and samples are readable by every platform role, so an
 * editor of another department gets 403, not the 404 that hides objects elsewhere.
 */
@Component("waterEditors")
class WaterEditors {

    private final WaterQualityProperties properties;

    WaterEditors(WaterQualityProperties properties) {
        this.properties = properties;
    }

    public boolean mayEdit(EcoPrincipal principal) {
        return principal.hasRole(PlatformRoles.ECO_ADMIN) || (principal.hasRole(PlatformRoles.BUREAU_EDITOR)
                && principal.department().filter(properties.editingDepartments()::contains).isPresent());
    }
}
