package dev.incident.postmortem.domain;

import java.time.Duration;

/** Exponential backoff between tries: initial, twice that, four times ..., capped at max. */
public record Backoff(Duration initial, Duration max) {

    /** The wait after the {@code failedTries}-th failed try (1 for the first failure). */
    public Duration after(int failedTries) {
        int doublings = Math.min(Math.max(failedTries - 1, 0), 30);
        Duration wait = initial.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
