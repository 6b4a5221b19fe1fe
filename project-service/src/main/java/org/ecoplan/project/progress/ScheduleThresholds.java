package org.ecoplan.project.progress;

import java.math.BigDecimal;
import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a project's schedule status changes (see {@link ScheduleAssessment}).
 *
 * @param milestoneGrace how long a milestone may be late before the project counts as delayed; within it the
 *                       project is at risk. A month: the bureau's reporting rhythm is monthly, so a step a few days
 *                       late is often reached before anyone could have reported it
 * @param delayedGap     percentage points by which reported progress may trail planned progress before the project
 *                       counts as delayed
 * @param atRiskGap      the smaller gap from which it is at risk
 * @param reportingGap   how long a project under construction may go without a progress report before it is at risk:
 *                       a quarter plus a month, so that quarterly reporters who report a month after the quarter are
 *                       not flagged
 */
public record ScheduleThresholds(@NotNull @DefaultValue("30d") Duration milestoneGrace,
        @NotNull @DecimalMin("0") @DefaultValue("20") BigDecimal delayedGap,
        @NotNull @DecimalMin("0") @DefaultValue("10") BigDecimal atRiskGap,
        @NotNull @DefaultValue("120d") Duration reportingGap) {

    @AssertTrue(message = "atRiskGap must be below delayedGap")
    public boolean isGapsOrdered() {
        return atRiskGap == null || delayedGap == null || atRiskGap.compareTo(delayedGap) < 0;
    }
}
