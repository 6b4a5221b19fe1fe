package org.ecoplan.project.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The bureau's calendar day. Dates of transitions, milestones and reports are days in Beijing time, whatever zone
 * the servers and the application's clock (UTC) run in: at 07:00 UTC it is already tomorrow in 岳阳.
 */
public final class BureauDay {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BureauDay() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }
}
