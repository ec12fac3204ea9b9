package dev.incident.slack.outbound.slack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.incident.slack.outbound.domain.Message;

/**
 * One Slack Web API call: the method and its arguments under Slack's own names, for the incident it
 * is made for. The Web API adapter and the outbox read the same call.
 */
public record SlackCall(String incidentId, String method, Map<String, Object> args) {

    public static final String CREATE_CHANNEL = "conversations.create";
    public static final String INVITE = "conversations.invite";
    public static final String POST = "chat.postMessage";
    public static final String UPDATE = "chat.update";
    public static final String PIN = "pins.add";

    public SlackCall {
        args = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    public static SlackCall createChannel(String incidentId, String name) {
        return new SlackCall(incidentId, CREATE_CHANNEL, args("name", name, "is_private", false));
    }

    public static SlackCall invite(String incidentId, String channel, String userId) {
        return new SlackCall(incidentId, INVITE, args("channel", channel, "users", userId));
    }

    /** A message in {@code channel}, or in the thread of {@code threadTs} when not null. */
    public static SlackCall post(
            String incidentId, String channel, Message message, String threadTs) {
        Map<String, Object> args = args("channel", channel, "text", message.text());
        args.put("blocks", message.blocks());
        if (threadTs != null) {
            args.put("thread_ts", threadTs);
        }
        args.put("unfurl_links", false);
        return new SlackCall(incidentId, POST, args);
    }

    public static SlackCall update(String incidentId, String channel, String ts, Message message) {
        Map<String, Object> args = args("channel", channel, "ts", ts);
        args.put("text", message.text());
        args.put("blocks", message.blocks());
        return new SlackCall(incidentId, UPDATE, args);
    }

    public static SlackCall pin(String incidentId, String channel, String ts) {
        return new SlackCall(incidentId, PIN, args("channel", channel, "timestamp", ts));
    }

    public String arg(String name) {
        Object value = args.get(name);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> blocks() {
        return (List<Map<String, Object>>) args.getOrDefault("blocks", List.of());
    }

    private static Map<String, Object> args(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put(k1, v1);
        args.put(k2, v2);
        return args;
    }
}
