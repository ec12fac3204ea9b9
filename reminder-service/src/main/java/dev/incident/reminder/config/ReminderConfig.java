package dev.incident.reminder.config;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import dev.incident.events.model.ReminderRule;
import dev.incident.events.model.Severity;
import dev.incident.reminder.domain.ReminderRules;
import dev.incident.reminder.domain.RuleTiming;

/** The reminder rules and how the service runs them. */
@ConfigMapping(prefix = "reminder")
public interface ReminderConfig {

    /** Investigating or fixing: remind this long after the last customer-facing update. */
    Rule customerUpdate();

    /** Triage: remind this often after the declaration until confirmed or declined. */
    Rule triageDecision();

    /** Monitoring: ask this often whether the customer agrees the incident can close. */
    Rule monitoringCheckIn();

    /** Longest the scheduler sleeps with nothing due; bounds lateness after a wall-clock jump. */
    @WithDefault("PT1S")
    Duration maxSleep();

    /** How long one poll of the log waits for records. */
    @WithDefault("PT0.5S")
    Duration pollTimeout();

    /** Consumer group of all instances; they share the partitions, and so the incidents. */
    @WithDefault("reminder-service")
    String groupId();

    /** One rule's timing. */
    interface Rule {

        /** Whether the rule fires at all. */
        @WithDefault("true")
        boolean enabled();

        /** The interval for every severity without an override (and while severity is unknown). */
        Duration interval();

        /** Intervals per severity, keyed P1 or P2, overriding {@code interval}. */
        @WithName("severity")
        Map<Severity, Duration> bySeverity();

        default RuleTiming timing() {
            return new RuleTiming(enabled(), interval(), bySeverity());
        }
    }

    /** The rules as the domain takes them. */
    default ReminderRules rules() {
        Map<ReminderRule, RuleTiming> timings = new EnumMap<>(ReminderRule.class);
        timings.put(ReminderRule.CUSTOMER_UPDATE, customerUpdate().timing());
        timings.put(ReminderRule.TRIAGE_DECISION, triageDecision().timing());
        timings.put(ReminderRule.MONITORING_CHECK_IN, monitoringCheckIn().timing());
        return new ReminderRules(timings);
    }
}
