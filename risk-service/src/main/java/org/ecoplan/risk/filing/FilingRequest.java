package org.ecoplan.risk.filing;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import org.ecoplan.risk.grading.RiskLevel;

/**
 * What an enterprise states of its plan when it creates a filing or corrects it.
 *
 * @param signedOn the day the plan was signed and issued
 * @param declaredLevel the risk level its plan declares
 * @param crossRegion whether its environmental risk reaches across administrative regions
 */
public record FilingRequest(@NotNull LocalDate signedOn, @NotNull RiskLevel declaredLevel,
        @NotNull Boolean crossRegion) {
}
