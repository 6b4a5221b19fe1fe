package org.ecoplan.risk.calendar;

/**
 * How many working days lie between two dates.
 *
 * @param workingDays after {@code from} up to and including {@code to}; negative when {@code to} is before
 *        {@code from}
 * @param estimated as in {@link WorkingDay}
 */
public record WorkingDayCount(int workingDays, boolean estimated) {
}
