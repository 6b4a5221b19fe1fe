package org.ecoplan.risk.calendar;

import java.time.LocalDate;

/**
 * A date found by counting working days.
 *
 * @param estimated true when the count crossed a year the State Council has not published, where only weekends
 *        were taken as days off
 */
public record WorkingDay(LocalDate date, boolean estimated) {
}
