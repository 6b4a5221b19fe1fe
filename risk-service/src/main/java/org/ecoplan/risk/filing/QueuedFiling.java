package org.ecoplan.risk.filing;

/**
 * A submission in the reviewers' queue.
 *
 * @param workingDaysLeft of the bureau's 5, after today; negative once the check is overdue
 * @param estimated whether the count crossed a year without a published calendar
 */
public record QueuedFiling(EmergencyPlanFiling filing, int workingDaysLeft, boolean overdue, boolean estimated) {
}
