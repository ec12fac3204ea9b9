package dev.incident.slack.inbound.domain;

/**
 * Where the final answer to a person goes: the request's {@code response_url} when Slack gave one,
 * else an ephemeral message to {@code userId} in {@code channelId}. A quiet target hears only
 * refusals (a pin that worked needs no message).
 */
public record ReplyTarget(String responseUrl, String channelId, String userId, boolean quiet) {

    public static ReplyTarget of(String responseUrl, String channelId, String userId) {
        return new ReplyTarget(blankToNull(responseUrl), channelId, userId, false);
    }

    public static ReplyTarget quiet(String channelId, String userId) {
        return new ReplyTarget(null, channelId, userId, true);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
