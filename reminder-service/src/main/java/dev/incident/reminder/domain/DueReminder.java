package dev.incident.reminder.domain;

import java.time.Instant;
import java.util.Comparator;

import dev.incident.events.model.ReminderRule;

import static java.util.Objects.requireNonNull;

/** A reminder that comes due for one incident, by one rule, at one moment. */
public record DueReminder(String incidentId, ReminderRule rule, Instant dueAt) {

    /** Earliest first; ties broken so that two incidents due at once are both kept. */
    public static final Comparator<DueReminder> BY_DUE_TIME =
            Comparator.comparing(DueReminder::dueAt)
                    .thenComparing(DueReminder::incidentId)
                    .thenComparing(DueReminder::rule);

    public DueReminder {
        requireNonNull(incidentId, "incidentId");
        requireNonNull(rule, "rule");
        requireNonNull(dueAt, "dueAt");
    }

    /** The same for every attempt to send this reminder, by any instance, after any restart. */
    public String idempotencyKey() {
        return "reminder:" + incidentId + ":" + rule + ":" + dueAt;
    }
}
