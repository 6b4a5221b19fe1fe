package org.ecoplan.risk.filing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Deadlines of the rules are counted in days of the bureau's own time zone, not UTC's. */
final class BeijingDate {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BeijingDate() {
    }

    static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }
}
