package dev.incident.slack.outbound.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the outbound side: Slack access (shared with inbound) and how events are shown. */
@ConfigMapping(prefix = "slack")
public interface OutboundConfig {

    /** Slack's request signing secret; the inbound side verifies every request with it. */
    Optional<String> signingSecret();

    /** The bot token (xoxb-...); without one every call goes to the local outbox instead. */
    Optional<String> botToken();

    /** The Web API methods prefix; another Slack-compatible host or a test server may be used. */
    @WithDefault("https://slack.com/api/")
    String apiUrl();

    /** The outbound side's own settings. */
    Outbound outbound();

    /** Keys under {@code slack.outbound.}. */
    interface Outbound {

        /** Whether the gateway reacts to incident.events at all. */
        @WithDefault("true")
        boolean enabled();

        /** Channel id (C...) where every new incident is announced; none: no announcements. */
        Optional<String> announcementsChannel();

        /** Prefix of a channel's link, followed by its id; Slack redirects it to the workspace. */
        @WithDefault("https://slack.com/app_redirect?channel=")
        String channelLinkBase();

        /** Names tried for a new channel when the first is taken, the first included. */
        @WithDefault("5")
        int nameAttempts();

        /** Tries of one Slack call in all, the first included. */
        @WithDefault("5")
        int maxAttempts();

        /** Wait before the second try of a transient failure; doubled for each further try. */
        @WithDefault("1s")
        Duration initialBackoff();

        /** The longest wait between two tries of a transient failure. */
        @WithDefault("30s")
        Duration maxBackoff();

        /** The longest Retry-After honoured on a 429; a longer one is cut to this. */
        @WithDefault("5m")
        Duration maxRetryAfter();

        /** Worker threads for incidents' reactions; one incident uses one at a time. */
        @WithDefault("8")
        int workers();
    }
}
