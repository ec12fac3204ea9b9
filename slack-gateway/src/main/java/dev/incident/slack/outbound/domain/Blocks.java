package dev.incident.slack.outbound.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Block Kit blocks as plain maps, so the same structure can be sent with the Slack client and
 * written to the outbox. Only the few block types the gateway uses.
 */
public final class Blocks {

    /** Slack's limits: header text, section text, a field, a button value. */
    public static final int HEADER_MAX = 150;

    public static final int SECTION_MAX = 3000;
    public static final int FIELD_MAX = 2000;

    private Blocks() {}

    public static Map<String, Object> header(String plainText) {
        return block("header", "text", plainText(SlackText.plain(plainText, HEADER_MAX)));
    }

    public static Map<String, Object> mrkdwnSection(String mrkdwn) {
        return block("section", "text", mrkdwn(SlackText.truncate(mrkdwn, SECTION_MAX)));
    }

    /** User text shown as typed: no markup, no mentions, no links. */
    public static Map<String, Object> plainSection(String userText) {
        return block("section", "text", plainText(SlackText.plain(userText, SECTION_MAX)));
    }

    public static Map<String, Object> fields(List<Map<String, Object>> fields) {
        return block("section", "fields", fields);
    }

    public static Map<String, Object> context(String mrkdwn) {
        return block("context", "elements", List.of(mrkdwn(mrkdwn)));
    }

    public static Map<String, Object> actions(String blockId, List<Map<String, Object>> buttons) {
        Map<String, Object> actions = block("actions", "elements", buttons);
        actions.put("block_id", blockId);
        return actions;
    }

    /** A button; {@code style} is primary, danger or null. */
    public static Map<String, Object> button(
            String actionId, String label, String value, String style) {
        Map<String, Object> button = new LinkedHashMap<>();
        button.put("type", "button");
        button.put("action_id", actionId);
        button.put("text", plainText(label));
        button.put("value", value);
        if (style != null) {
            button.put("style", style);
        }
        return button;
    }

    public static Map<String, Object> mrkdwn(String text) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("type", "mrkdwn");
        object.put("text", SlackText.truncate(text, FIELD_MAX));
        return object;
    }

    public static Map<String, Object> plainText(String text) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("type", "plain_text");
        object.put("text", text);
        object.put("emoji", true);
        return object;
    }

    private static Map<String, Object> block(String type, String key, Object value) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", type);
        block.put(key, value);
        return block;
    }
}
