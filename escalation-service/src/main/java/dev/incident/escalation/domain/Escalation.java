package dev.incident.escalation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import dev.incident.events.model.Role;

/**
 * A page that waits for somebody to accept it: which layer of which schedule was paged last, and
 * when the next layer is due if nobody accepts.
 *
 * @param role the role whose assignment ends the escalation; null when only the end of the incident
 *     does
 * @param layer the layer paged last, 1 for the first, 0 before the first page
 */
public record Escalation(
        String id,
        String incidentId,
        String schedule,
        Role role,
        String reason,
        int layer,
        Status status,
        Instant dueAt) {

    /** Where an escalation stands. */
    public enum Status {
        /** Waiting for somebody to accept. */
        OPEN,
        /** Somebody took the role. */
        ACCEPTED,
        /** Every layer was paged and nobody accepted. */
        EXHAUSTED,
        /** The incident ended. */
        STOPPED
    }

    public Escalation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(status, "status");
    }

    /**
     * A new escalation, claimed but with no layer paged yet (layer 0), due at once: if the service
     * stops before paging the first layer, the timer pages it after the restart.
     */
    public static Escalation claimed(
            String id, String incidentId, Schedule schedule, String reason, Instant now) {
        return new Escalation(
                id, incidentId, schedule.name(), schedule.role(), reason, 0, Status.OPEN, now);
    }

    /** The escalation after paging the next layer at {@code now}. */
    public Escalation nextLayer(Instant now, Duration acceptWithin) {
        return new Escalation(
                id, incidentId, schedule, role, reason, layer + 1, status, now.plus(acceptWithin));
    }
}
