package dev.incident.slack.outbound.slack;

/**
 * What a call returned that the gateway needs next.
 *
 * @param channelId the channel created (conversations.create) or posted to
 * @param ts the message timestamp (chat.postMessage), Slack's id for a message
 */
public record SlackResult(String channelId, String ts) {

    public static final SlackResult EMPTY = new SlackResult(null, null);
}
