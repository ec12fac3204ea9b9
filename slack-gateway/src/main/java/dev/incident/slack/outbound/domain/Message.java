package dev.incident.slack.outbound.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A message to post: the escaped notification text, and the blocks that show it.
 *
 * @param text mrkdwn, already escaped; clients show it in notifications
 */
public record Message(String text, List<Map<String, Object>> blocks) {

    public Message {
        blocks = List.copyOf(blocks);
    }

    /** A line of our own mrkdwn, followed by the user's text shown as typed when present. */
    public static Message line(String mrkdwn, String userText) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(Blocks.mrkdwnSection(mrkdwn));
        String text = mrkdwn;
        if (userText != null && !userText.isBlank()) {
            blocks.add(Blocks.plainSection(userText));
            text = mrkdwn + ": " + SlackText.escape(userText, 300);
        }
        return new Message(text, blocks);
    }
}
