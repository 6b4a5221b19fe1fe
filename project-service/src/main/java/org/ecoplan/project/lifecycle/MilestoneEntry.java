package org.ecoplan.project.lifecycle;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.ecoplan.common.i18n.LocalizedName;

/**
 * A milestone as an editor sends it: the whole milestone, which replaces the stored one.
 *
 * @param actualDate      when the step was reached; null while it is not (also to take back a wrong date)
 * @param plannedProgress percent complete due on {@code plannedDate}, optional
 * @param reason          why the planned date moves; required exactly when it does
 */
record MilestoneEntry(@NotNull LocalizedName name, @NotNull LocalDate plannedDate, LocalDate actualDate,
        @DecimalMin("0") @DecimalMax("100") BigDecimal plannedProgress, @Size(max = Milestones.MAX_TEXT) String note,
        @Size(max = Milestones.MAX_TEXT) String reason) {
}
