package org.ecoplan.risk.calendar;

/** A date in a year whose holiday arrangement the State Council has not published (or the service lacks). */
public class CalendarNotPublishedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int year;

    public CalendarNotPublishedException(int year) {
        super("No official holiday calendar is published for " + year);
        this.year = year;
    }

    public int year() {
        return year;
    }
}
