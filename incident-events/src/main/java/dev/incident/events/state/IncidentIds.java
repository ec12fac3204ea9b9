package dev.incident.events.state;

import java.util.Locale;
import java.util.UUID;

import dev.incident.events.event.EventChain;

/**
 * Incident ids and references. An id derived from an outside source is the same for every retry or
 * duplicate of that source, so the source can never start a second incident.
 */
public final class IncidentIds {

    private static final String BASE32 = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private IncidentIds() {}

    /** The id of an incident declared from a Slack message (shortcut on that message). */
    public static String fromSlackMessage(String teamId, String channelId, String messageTs) {
        return "slack-" + digest(teamId + "/" + channelId + "/" + messageTs);
    }

    /** The id of an incident declared from an email, by its Message-ID (angle brackets or not). */
    public static String fromEmail(String messageId) {
        String bare = messageId.strip();
        if (bare.startsWith("<") && bare.endsWith(">")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        return "email-" + digest(bare.toLowerCase(Locale.ROOT));
    }

    /** The id of an incident declared by an API client with its own idempotency key. */
    public static String fromApiKey(String clientId, String idempotencyKey) {
        return "api-" + digest(clientId + "/" + idempotencyKey);
    }

    /** A fresh id, for a declaration that has no source to derive one from (/inc declare). */
    public static String fresh() {
        return "inc-" + UUID.randomUUID();
    }

    /**
     * The short human reference of an incident: {@code INC-} and {@code length} characters derived
     * from its id (no I, O, 0 or 1, so it reads well aloud). The same id always gives the same
     * reference; incident-core lengthens it when a shorter one is taken.
     */
    public static String reference(String incidentId, int length) {
        String hex = EventChain.sha256Hex(incidentId);
        StringBuilder reference = new StringBuilder("INC-");
        for (int i = 0; i < length; i++) {
            int value = Integer.parseInt(hex.substring(i * 2, i * 2 + 2), 16);
            reference.append(BASE32.charAt(value % BASE32.length()));
        }
        return reference.toString();
    }

    private static String digest(String source) {
        return EventChain.sha256Hex(source).substring(0, 24);
    }
}
