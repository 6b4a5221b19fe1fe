package org.ecoplan.indicator.air;

import java.time.LocalDate;

/** No edition of a standard's table applies on the date asked about (data from before GB 3095-2012 took effect). */
public class StandardNotInForceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StandardNotInForceException(String table, LocalDate date) {
        super("No edition of " + table + " is in force on " + date);
    }
}
