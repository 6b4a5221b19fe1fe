package org.ecoplan.project.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The bureau's calendar day. "Today" for a schedule or the portfolio, and the dates of transitions, milestones and
 * reports, are days in Beijing time, whatever zone the servers and the application's clock (UTC) run in: at 17:00 UTC
 * it is already tomorrow in 岳阳, and a year turns there eight hours before it does in UTC.
 */
public final class BureauDay {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BureauDay() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }
}
