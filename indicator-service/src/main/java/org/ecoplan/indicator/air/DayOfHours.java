package org.ecoplan.indicator.air;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The hourly concentrations of one station on one local day: hour 0 is 00:00-01:00, any value missing. */
public final class DayOfHours {

    public static final int HOURS = 24;

    private final LocalDate date;

    private final BigDecimal[][] values = new BigDecimal[Pollutant.all().length][HOURS];

    public DayOfHours(LocalDate date) {
        this.date = date;
    }

    public LocalDate date() {
        return date;
    }

    /** Sets the hour's value of the pollutant; null leaves it missing. */
    public DayOfHours put(int hour, Pollutant pollutant, BigDecimal value) {
        values[pollutant.ordinal()][hour] = value;
        return this;
    }

    /** The value, null when missing. */
    public BigDecimal value(Pollutant pollutant, int hour) {
        return values[pollutant.ordinal()][hour];
    }
}
