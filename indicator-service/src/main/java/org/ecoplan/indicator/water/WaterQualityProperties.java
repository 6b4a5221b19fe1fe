package org.ecoplan.indicator.water;

import java.util.Set;

import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param editingDepartments the departments whose {@code bureau-editor}s keep the monitoring sites and enter
 *                           samples, besides {@code eco-admin}
 */
@ConfigurationProperties("ecoplan.water-quality")
@Validated
record WaterQualityProperties(@NotEmpty Set<String> editingDepartments) {
}
