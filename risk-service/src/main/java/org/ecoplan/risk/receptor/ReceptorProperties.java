package org.ecoplan.risk.receptor;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param defaultRadiusKm the radius when none is asked for: HJ 941-2018 5.3 looks at the population within 5 km
 * @param maxRadiusKm the largest radius asked for; the district is about 30 km across, so 50 km covers it from
 *        anywhere inside
 */
@Validated
@ConfigurationProperties("ecoplan.receptors")
public record ReceptorProperties(
        @NotNull @DecimalMin("0.1") @DefaultValue("5") Double defaultRadiusKm,
        @NotNull @DecimalMin("0.1") @DefaultValue("50") Double maxRadiusKm) {
}
