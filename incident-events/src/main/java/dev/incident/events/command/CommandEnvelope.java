package dev.incident.events.command;

import java.time.Instant;
import java.util.UUID;

import dev.incident.events.model.Actor;

import static java.util.Objects.requireNonNull;

/**
 * A command as it travels on {@code incident.commands}, keyed by its incident id.
 *
 * @param idempotencyKey where the source allows one (a Slack trigger, an email's Message-ID), a key
 *     that is the same for every retry of the same request; null otherwise
 */
public record CommandEnvelope(
        UUID commandId,
        String type,
        String incidentId,
        Actor actor,
        String idempotencyKey,
        Instant issuedAt,
        IncidentCommand command) {

    public CommandEnvelope {
        requireNonNull(commandId, "commandId");
        requireNonNull(incidentId, "incidentId");
        requireNonNull(actor, "actor");
        requireNonNull(issuedAt, "issuedAt");
        requireNonNull(command, "command");
        if (!command.type().equals(type)) {
            throw new IllegalArgumentException(
                    "type " + type + " does not match command " + command.type());
        }
    }

    /** A new command with a fresh id. */
    public static CommandEnvelope of(
            String incidentId, Actor actor, Instant issuedAt, IncidentCommand command) {
        return new CommandEnvelope(
                UUID.randomUUID(), command.type(), incidentId, actor, null, issuedAt, command);
    }

    public CommandEnvelope withIdempotencyKey(String key) {
        return new CommandEnvelope(commandId, type, incidentId, actor, key, issuedAt, command);
    }
}
