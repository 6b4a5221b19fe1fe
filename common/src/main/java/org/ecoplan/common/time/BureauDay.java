package org.ecoplan.common.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The bureau's calendar day. "Today" for a schedule, a deadline or a year's progress, and the dates of what people
 * record, are days in Beijing time, whatever zone the servers and the application's clock (UTC) run in: at 17:00 UTC
 * it is already tomorrow in 岳阳, and a year turns there eight hours before it does in UTC.
 */
public final class BureauDay {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BureauDay() {
    }

    public static LocalDate today(Clock clock) {
        return of(clock.instant());
    }

    /** The bureau's day at an instant. */
    public static LocalDate of(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
