package dev.trellis.advisory;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: the system clock in UTC (what platform's FoundationClock gives by
 * default), unless a test sets a fixed instant; {@link #reset()} goes back to the system clock.
 * Replaces FoundationClock, a default bean, for the whole test run.
 */
@Singleton
public class TestClock extends Clock {
    private volatile Instant fixed;

    /** From now on, "now" is {@code instant} (and "today" its date in UTC). */
    public void set(Instant instant) {
        fixed = instant;
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return fixed == null ? Clock.system(zone) : Clock.fixed(fixed, zone);
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at == null ? Instant.now() : at;
    }
}
