package org.ecoplan.indicator.air;

import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.security.PlatformRoles;
import org.springframework.stereotype.Component;

/**
 * Who may report monitoring data: the platform administrator, partner systems that report data, and bureau editors
 * of the department responsible for air quality (生态环境局, {@code env}). Used by {@code @PreAuthorize}.
 */
@Component
public class AirDataReporters {

    private final AirQualityProperties properties;

    AirDataReporters(AirQualityProperties properties) {
        this.properties = properties;
    }

    public boolean allows(Object principal) {
        if (!(principal instanceof EcoPrincipal caller)) {
            return false;
        }
        return caller.hasRole(PlatformRoles.ECO_ADMIN) || caller.hasRole(PlatformRoles.INTEGRATOR_WRITE)
                || caller.hasRole(PlatformRoles.BUREAU_EDITOR)
                        && caller.department().filter(properties.department()::equals).isPresent();
    }
}
