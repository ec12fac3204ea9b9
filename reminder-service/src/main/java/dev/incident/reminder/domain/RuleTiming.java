package dev.incident.reminder.domain;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import dev.incident.events.model.Severity;

/**
 * How often one reminder rule fires: a default interval, optional intervals per severity, and a
 * switch to turn the rule off.
 */
public record RuleTiming(boolean enabled, Duration interval, Map<Severity, Duration> bySeverity) {

    public RuleTiming {
        requirePositive(interval);
        bySeverity = Map.copyOf(bySeverity);
        bySeverity.values().forEach(RuleTiming::requirePositive);
    }

    /** The same interval for every severity. */
    public static RuleTiming every(Duration interval) {
        return new RuleTiming(true, interval, Map.of());
    }

    /** The interval for an incident of {@code severity} (null while unknown), if the rule is on. */
    public Optional<Duration> intervalFor(Severity severity) {
        if (!enabled) {
            return Optional.empty();
        }
        return Optional.of(
                severity == null ? interval : bySeverity.getOrDefault(severity, interval));
    }

    private static void requirePositive(Duration interval) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("a reminder interval must be positive: " + interval);
        }
    }
}
