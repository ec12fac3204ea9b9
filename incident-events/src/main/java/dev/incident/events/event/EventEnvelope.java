package dev.incident.events.event;

import java.time.Instant;
import java.util.UUID;

import dev.incident.events.model.Actor;

import static java.util.Objects.requireNonNull;

/**
 * One entry of the event log, as it travels on {@code incident.events} and is kept forever.
 *
 * @param sequence 1, 2, 3 ... within the incident, with no gaps
 * @param occurredAt when it happened in the world
 * @param recordedAt when incident-core appended it to the log
 * @param commandId the command that caused it (correlation)
 * @param previousHash the hash of the incident's previous event, {@link EventChain#GENESIS} for the
 *     first
 * @param hash SHA-256 over the canonical form of this envelope without this field
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int schemaVersion,
        String incidentId,
        long sequence,
        Instant occurredAt,
        Instant recordedAt,
        Actor actor,
        UUID commandId,
        String previousHash,
        String hash,
        IncidentEvent payload) {

    public EventEnvelope {
        requireNonNull(eventId, "eventId");
        requireNonNull(incidentId, "incidentId");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(recordedAt, "recordedAt");
        requireNonNull(actor, "actor");
        requireNonNull(previousHash, "previousHash");
        requireNonNull(hash, "hash");
        requireNonNull(payload, "payload");
        if (!payload.type().equals(type)) {
            throw new IllegalArgumentException(
                    "type " + type + " does not match payload " + payload.type());
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1, was " + sequence);
        }
    }
}
