package org.ecoplan.risk.filing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One submission of a filing to the bureau: the first, or a refiling after a return.
 *
 * @param submittedOn the day in Beijing
 * @param checkDueOn the last day of the bureau's 5 working days to check it
 * @param estimated whether a count crossed a year without a published calendar
 */
public record Submission(Instant at, LocalDate submittedOn, String by, LocalDate checkDueOn, boolean estimated) {
}
