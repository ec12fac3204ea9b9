package dev.incident.escalation.domain;

import java.util.Objects;

import dev.incident.events.command.IncidentCommand;
import dev.incident.events.model.Role;

/** Something the service does because of an event: send a command, page, or stop paging. */
public sealed interface Reaction {

    /**
     * Send {@code command} for the incident.
     *
     * @param idempotencyKey the same for every retry of this reaction
     */
    record Send(IncidentCommand command, String idempotencyKey) implements Reaction {
        public Send {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        }
    }

    /**
     * Page the first layer of {@code schedule} and keep escalating until somebody accepts.
     *
     * @param escalationId derived from the event that caused it, so a retry finds it again
     * @param evenIfOpen page even when the incident has an open escalation of the schedule (a
     *     person asked for it); otherwise such an escalation is enough
     */
    record Escalate(String escalationId, Schedule schedule, String reason, boolean evenIfOpen)
            implements Reaction {
        public Escalate {
            Objects.requireNonNull(escalationId, "escalationId");
            Objects.requireNonNull(schedule, "schedule");
        }
    }

    /**
     * Stop escalating the incident's pages for {@code role}, or all of its pages when null.
     *
     * @param why in words, for the log
     */
    record StopEscalating(Role role, String why) implements Reaction {}
}
