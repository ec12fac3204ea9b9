package dev.incident.slack.outbound.domain;

import java.util.regex.Pattern;

/**
 * Makes user text safe for Slack. Text that goes into {@code mrkdwn} (notification fallbacks, link
 * labels, short values) is escaped so it can neither mention anyone nor open a link or a special
 * token; longer user text (titles, summaries, pinned findings) goes into {@code plain_text}
 * objects, where Slack shows formatting characters as typed.
 */
public final class SlackText {

    /** Slack reads these as broadcasts in some clients even without the angle brackets. */
    private static final Pattern BROADCAST =
            Pattern.compile("([@!])(channel|here|everyone)\\b", Pattern.CASE_INSENSITIVE);

    /** U+2060 WORD JOINER: invisible, keeps the word readable, breaks the keyword match. */
    private static final String WORD_JOINER = "\u2060";

    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");
    private static final Pattern CHANNEL_ID = Pattern.compile("[CGD][A-Z0-9]{2,}");

    private SlackText() {}

    /** Escapes {@code text} for a mrkdwn or fallback text: &, < and > and broadcast words. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return BROADCAST.matcher(escaped).replaceAll("$1" + WORD_JOINER + "$2");
    }

    /** User text for a plain_text object: broadcasts defused, cut to {@code max} characters. */
    public static String plain(String text, int max) {
        if (text == null || text.isBlank()) {
            return "-";
        }
        String defused = BROADCAST.matcher(text).replaceAll("$1" + WORD_JOINER + "$2");
        return truncate(defused, max);
    }

    /** Escapes and cuts to {@code max} characters, for short values inside mrkdwn. */
    public static String escape(String text, int max) {
        return escape(truncate(text == null ? "" : text, max));
    }

    /**
     * A mrkdwn link, or the escaped label alone when {@code url} is not an http(s) address: a
     * stored link must not smuggle in a second token.
     */
    public static String link(String url, String label) {
        if (url == null || !url.matches("(?i)https?://\\S+")) {
            return escape(label);
        }
        String safeUrl =
                url.replace("&", "&amp;")
                        .replace("<", "%3C")
                        .replace(">", "%3E")
                        .replace("|", "%7C");
        return "<" + safeUrl + "|" + escape(label).replace("|", "¦") + ">";
    }

    /** A user mention for a Slack user id; anything else is shown as escaped text. */
    public static String mentionUser(String userId, String fallbackName) {
        if (userId != null && USER_ID.matcher(userId).matches()) {
            return "<@" + userId + ">";
        }
        return escape(fallbackName != null ? fallbackName : userId);
    }

    /** A channel link for a Slack channel id. */
    public static String mentionChannel(String channelId, String fallbackName) {
        if (channelId != null && CHANNEL_ID.matcher(channelId).matches()) {
            return "<#" + channelId + ">";
        }
        return "#" + escape(fallbackName != null ? fallbackName : channelId);
    }

    /** Cuts {@code text} to {@code max} characters (code points kept whole), with an ellipsis. */
    public static String truncate(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        int end = text.offsetByCodePoints(0, max - 1);
        return text.substring(0, end) + "…";
    }
}
