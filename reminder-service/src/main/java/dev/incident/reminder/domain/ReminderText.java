package dev.incident.reminder.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.incident.events.state.IncidentState;

/** The words a reminder shows in the incident channel, computed from the state and the due time. */
public final class ReminderText {

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ReminderText() {}

    public static String of(DueReminder due, IncidentState state) {
        String incident = state.reference() == null ? due.incidentId() : state.reference();
        Instant since = ReminderRules.anchor(due.rule(), state);
        String elapsed = since == null ? "a while" : duration(Duration.between(since, due.dueAt()));

        switch (due.rule()) {
            case TRIAGE_DECISION:
                return incident
                        + " is still in triage "
                        + elapsed
                        + " after it was declared. Confirm it as P1 or P2, or decline it.";
            case MONITORING_CHECK_IN:
                return incident
                        + " has been monitoring for "
                        + elapsed
                        + " since the last update. Ask the customer whether they agree there is"
                        + " no regression and the incident can close.";
            default:
                return incident
                        + ": the customer last heard from us at "
                        + CLOCK.format(since)
                        + ", "
                        + elapsed
                        + " ago. Update them, and the summary with /inc update.";
        }
    }

    /** "10 min", "2 h", "1 h 30 min", "45 s". */
    static String duration(Duration duration) {
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        if (hours == 0 && minutes == 0) {
            return duration.toSeconds() + " s";
        }
        if (hours == 0) {
            return minutes + " min";
        }
        return minutes == 0 ? hours + " h" : hours + " h " + minutes + " min";
    }
}
