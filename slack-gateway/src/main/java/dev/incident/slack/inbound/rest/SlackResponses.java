package dev.incident.slack.inbound.rest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The answers the endpoints give Slack, and small helpers for reading its bodies. */
final class SlackResponses {

    static final ObjectMapper JSON = new ObjectMapper();

    private SlackResponses() {}

    static Response ok() {
        return Response.ok().build();
    }

    static Response plain(int status, String text) {
        return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity(text).build();
    }

    /** A message only the person who asked sees. */
    static Response ephemeral(String text) {
        ObjectNode body = JSON.createObjectNode().put("response_type", "ephemeral");
        body.put("text", text);
        return json(body);
    }

    static Response viewErrors(Map<String, String> errors) {
        ObjectNode body = JSON.createObjectNode().put("response_action", "errors");
        body.set("errors", JSON.valueToTree(errors));
        return json(body);
    }

    static Response viewUpdate(String viewJson) {
        try {
            ObjectNode body = JSON.createObjectNode().put("response_action", "update");
            body.set("view", JSON.readTree(viewJson));
            return json(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not read our own view", e);
        }
    }

    static Response json(ObjectNode body) {
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The body as text, or null when it is not valid UTF-8 (then it cannot be Slack's). */
    static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** A key for a request that carries no natural one: the digest of its exact body. */
    static String bodyKey(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "body:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    static String orElse(String value, String fallback) {
        return isBlank(value) ? fallback : value;
    }
}
