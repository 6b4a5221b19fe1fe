package org.ecoplan.common.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A clock tests move by hand instead of sleeping. {@code @Import(TestClock.class)} into a
 * {@code @SpringBootTest} replaces the application's clock. It starts at the real current time (to the
 * millisecond, as MongoDB stores instants), so that a real MongoDB's TTL monitor, which runs on its own clock,
 * sees the dates it writes as current.
 */
public class TestClock extends Clock {

    private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The test clock runs in UTC only");
    }

    @Override
    public Instant instant() {
        return now;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }
}
