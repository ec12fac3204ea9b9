package dev.incident.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import jakarta.inject.Singleton;

/** The tests' clock: stands still until a test moves it on. Replaces the system clock bean. */
@Singleton
public class AdjustableClock extends Clock {

    public static final Instant START = Instant.parse("2026-12-03T10:00:00Z");

    private volatile Instant now = START;

    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock is UTC only");
    }
}
