package dev.incident.events.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.incident.events.json.ContractCodec;
import dev.incident.events.json.ContractJson;
import dev.incident.events.json.ContractTypes;
import dev.incident.events.model.Actor;

/**
 * Links an incident's events into a hash chain: each event carries its predecessor's hash and its
 * own SHA-256 over the canonical JSON of itself without the hash. Changing, removing or reordering
 * any stored event then breaks the chain at that point.
 */
public final class EventChain {

    /** The previous hash of an incident's first event. */
    public static final String GENESIS = "0".repeat(64);

    private static final String PENDING = "";

    private final ContractCodec codec;

    public EventChain(ContractCodec codec) {
        this.codec = codec;
    }

    /** The next event of an incident, after {@code previous} (null for the first). */
    public EventEnvelope next(
            EventEnvelope previous,
            String incidentId,
            UUID eventId,
            Instant occurredAt,
            Instant recordedAt,
            Actor actor,
            UUID commandId,
            IncidentEvent payload) {
        long sequence = previous == null ? 1 : previous.sequence() + 1;
        String previousHash = previous == null ? GENESIS : previous.hash();

        EventEnvelope unsealed =
                new EventEnvelope(
                        eventId,
                        payload.type(),
                        ContractTypes.currentVersion(payload.type()),
                        incidentId,
                        sequence,
                        occurredAt,
                        recordedAt,
                        actor,
                        commandId,
                        previousHash,
                        PENDING,
                        payload);

        return withHash(unsealed, hashOf(codec.eventTree(unsealed)));
    }

    /** SHA-256, hex, over the canonical form of a stored event without its {@code hash} field. */
    public static String hashOf(ObjectNode storedEvent) {
        ObjectNode withoutHash = storedEvent.deepCopy();
        withoutHash.remove("hash");
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(sha256.digest(ContractJson.canonicalBytes(withoutHash)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The hash of a string in the chain's algorithm, for ids derived from outside sources. */
    public static String sha256Hex(String text) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static EventEnvelope withHash(EventEnvelope e, String hash) {
        return new EventEnvelope(
                e.eventId(),
                e.type(),
                e.schemaVersion(),
                e.incidentId(),
                e.sequence(),
                e.occurredAt(),
                e.recordedAt(),
                e.actor(),
                e.commandId(),
                e.previousHash(),
                hash,
                e.payload());
    }
}
