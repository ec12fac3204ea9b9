package dev.incident.slack.outbound.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.incident.events.state.IncidentState;

/** The durations people want to see when an incident ends, in words. */
public final class Durations {

    private Durations() {}

    /** "open 2 h 05 min · P1 confirmed after 4 min · ..." for the milestones that happened. */
    public static String summary(IncidentState state) {
        Instant start = state.declaredAt();
        Instant end = state.endedAt();
        List<String> parts = new ArrayList<>();
        parts.add("open " + between(start, end));
        milestone(parts, "severity confirmed after", start, state.confirmedAt());
        milestone(parts, "coordinator after", start, state.coordinatorAt());
        milestone(parts, "fixing after", start, state.fixingAt());
        milestone(parts, "monitoring after", start, state.monitoringAt());
        return String.join(" · ", parts);
    }

    /** "45 s", "4 min", "2 h 05 min", "3 d 4 h". */
    public static String format(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h " + String.format("%02d", minutes % 60) + " min";
        }
        return hours / 24 + " d " + hours % 24 + " h";
    }

    private static void milestone(List<String> parts, String label, Instant start, Instant at) {
        if (at != null && start != null) {
            parts.add(label + " " + between(start, at));
        }
    }

    private static String between(Instant start, Instant end) {
        if (start == null || end == null) {
            return "unknown";
        }
        return format(Duration.between(start, end));
    }
}
