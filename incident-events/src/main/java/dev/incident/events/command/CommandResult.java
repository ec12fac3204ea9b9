package dev.incident.events.command;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import static java.util.Objects.requireNonNull;

/**
 * incident-core's answer to one command, on {@code incident.command-results} keyed by the command
 * id: accepted, duplicate or rejected.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "outcome")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CommandResult.Accepted.class, name = "accepted"),
    @JsonSubTypes.Type(value = CommandResult.Duplicate.class, name = "duplicate"),
    @JsonSubTypes.Type(value = CommandResult.Rejected.class, name = "rejected")
})
public sealed interface CommandResult {

    UUID commandId();

    String incidentId();

    Instant decidedAt();

    /** The command was decided and its events appended. */
    record Accepted(
            UUID commandId,
            String incidentId,
            String reference,
            List<UUID> eventIds,
            Instant decidedAt)
            implements CommandResult {
        public Accepted {
            requireNonNull(commandId, "commandId");
            requireNonNull(incidentId, "incidentId");
            requireNonNull(decidedAt, "decidedAt");
            eventIds = eventIds == null ? List.of() : List.copyOf(eventIds);
        }
    }

    /**
     * Nothing was appended because it had already happened: the incident existed already (for a
     * declare) or the same command was decided before. {@code reference} names the incident.
     */
    record Duplicate(UUID commandId, String incidentId, String reference, Instant decidedAt)
            implements CommandResult {
        public Duplicate {
            requireNonNull(commandId, "commandId");
            requireNonNull(incidentId, "incidentId");
            requireNonNull(decidedAt, "decidedAt");
        }
    }

    /** The command breaks a rule; {@code reason} says which, in words a person can act on. */
    record Rejected(UUID commandId, String incidentId, String reason, Instant decidedAt)
            implements CommandResult {
        public Rejected {
            requireNonNull(commandId, "commandId");
            requireNonNull(incidentId, "incidentId");
            requireNonNull(reason, "reason");
            requireNonNull(decidedAt, "decidedAt");
        }
    }
}
