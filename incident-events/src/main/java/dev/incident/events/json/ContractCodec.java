package dev.incident.events.json;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.CommandResult;
import dev.incident.events.command.IncidentCommand;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.event.IncidentEvent;
import dev.incident.events.model.Actor;

/**
 * JSON for everything that crosses a topic: event envelopes (upcast to the current schema on the
 * way in), command envelopes and command results. Anything unreadable is a {@link
 * ContractException}, never a null.
 */
public final class ContractCodec {

    private final ObjectMapper mapper = ContractJson.mapper();
    private final UpcasterChain upcasters;

    public ContractCodec() {
        this(UpcasterChain.standard());
    }

    public ContractCodec(UpcasterChain upcasters) {
        this.upcasters = upcasters;
    }

    public byte[] encodeEvent(EventEnvelope event) {
        return write(event);
    }

    /** The envelope as a JSON tree, in the form that is stored and hashed. */
    public ObjectNode eventTree(EventEnvelope event) {
        return mapper.valueToTree(event);
    }

    public EventEnvelope decodeEvent(byte[] bytes) {
        return decodeEvent(readObject(bytes, "event"));
    }

    public EventEnvelope decodeEvent(ObjectNode stored) {
        String type = text(stored, "type", "event");
        Class<? extends IncidentEvent> payloadClass = ContractTypes.eventClass(type);
        int version = stored.path("schemaVersion").asInt(1);
        ObjectNode payload = object(stored, "payload", "event " + type);

        ObjectNode current = upcasters.upcast(type, version, payload, stored);
        try {
            WireEvent wire = mapper.treeToValue(stored, WireEvent.class);
            return new EventEnvelope(
                    wire.eventId(),
                    type,
                    ContractTypes.currentVersion(type),
                    wire.incidentId(),
                    wire.sequence(),
                    wire.occurredAt(),
                    wire.recordedAt(),
                    wire.actor(),
                    wire.commandId(),
                    wire.previousHash(),
                    wire.hash(),
                    mapper.treeToValue(current, payloadClass));
        } catch (IOException | RuntimeException e) {
            throw malformed("event " + type, e);
        }
    }

    public byte[] encodeCommand(CommandEnvelope command) {
        return write(command);
    }

    public CommandEnvelope decodeCommand(byte[] bytes) {
        ObjectNode tree = readObject(bytes, "command");
        String type = text(tree, "type", "command");
        Class<? extends IncidentCommand> commandClass = ContractTypes.commandClass(type);
        ObjectNode body = object(tree, "command", "command " + type);

        try {
            WireCommand wire = mapper.treeToValue(tree, WireCommand.class);
            return new CommandEnvelope(
                    wire.commandId(),
                    type,
                    wire.incidentId(),
                    wire.actor(),
                    wire.idempotencyKey(),
                    wire.issuedAt(),
                    mapper.treeToValue(body, commandClass));
        } catch (IOException | RuntimeException e) {
            throw malformed("command " + type, e);
        }
    }

    public byte[] encodeResult(CommandResult result) {
        return write(result);
    }

    public CommandResult decodeResult(byte[] bytes) {
        ObjectNode tree = readObject(bytes, "command result");
        String outcome = text(tree, "outcome", "command result");
        if (!outcome.matches("accepted|duplicate|rejected")) {
            throw new ContractException.UnknownType("command result", outcome);
        }
        try {
            return mapper.treeToValue(tree, CommandResult.class);
        } catch (IOException | RuntimeException e) {
            throw malformed("command result", e);
        }
    }

    private byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("could not write " + value.getClass(), e);
        }
    }

    private ObjectNode readObject(byte[] bytes, String what) {
        if (bytes == null || bytes.length == 0) {
            throw new ContractException.Malformed("empty " + what + " record", null);
        }
        try {
            JsonNode tree = mapper.readTree(bytes);
            if (tree instanceof ObjectNode object) {
                return object;
            }
            throw new ContractException.Malformed(what + " is not a JSON object", null);
        } catch (IOException e) {
            throw malformed(what + " is not JSON", e);
        }
    }

    private static String text(ObjectNode tree, String field, String what) {
        JsonNode node = tree.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new ContractException.Malformed(what + " has no '" + field + "'", null);
        }
        return node.asText();
    }

    private static ObjectNode object(ObjectNode tree, String field, String what) {
        if (tree.get(field) instanceof ObjectNode object) {
            return object;
        }
        throw new ContractException.Malformed(what + " has no '" + field + "' object", null);
    }

    private static ContractException malformed(String what, Exception e) {
        Throwable cause =
                e.getCause() instanceof IllegalArgumentException
                                || e.getCause() instanceof NullPointerException
                        ? e.getCause()
                        : e;
        return new ContractException.Malformed("malformed " + what, cause);
    }

    /** The envelope's own fields; the payload is read separately, by its type. */
    private record WireEvent(
            UUID eventId,
            String incidentId,
            long sequence,
            Instant occurredAt,
            Instant recordedAt,
            Actor actor,
            UUID commandId,
            String previousHash,
            String hash) {}

    private record WireCommand(
            UUID commandId,
            String incidentId,
            Actor actor,
            String idempotencyKey,
            Instant issuedAt) {}
}
