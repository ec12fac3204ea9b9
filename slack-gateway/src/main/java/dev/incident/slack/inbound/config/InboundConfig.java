package dev.incident.slack.inbound.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the Slack inbound side: limits, the Web API, permissions and triage questions. */
@ConfigMapping(prefix = "slack.inbound")
public interface InboundConfig {

    /** Largest request body accepted, in bytes; larger requests are refused with 413. */
    @WithDefault("524288")
    int maxBodyBytes();

    /** How far a request's timestamp may be from now before it is refused as stale. */
    @WithDefault("5m")
    Duration timestampTolerance();

    /** How long a handled request is remembered, so that Slack's retries publish nothing. */
    @WithDefault("1h")
    Duration dedupWindow();

    /** How long the gateway waits for incident-core's result before it stops waiting. */
    @WithDefault("2m")
    Duration resultTimeout();

    /** Slack Web API base URL (views.open, chat.postEphemeral); tests point it at WireMock. */
    @WithDefault("https://slack.com/api/")
    String apiUrl();

    /** Bot token for the Web API; without one, calls are written to the local outbox instead. */
    Optional<String> botToken();

    /** The bot's own user id: pins it makes never act. */
    Optional<String> botUserId();

    /** Folder of the local outbox for Web API calls made without a token. */
    @WithDefault("../.local/outbox")
    String outboxDir();

    /** Who may close and decline. */
    Permissions permissions();

    /** The triage decision questions. */
    Triage triage();

    /** Limits on closing and declining an incident. */
    interface Permissions {

        /** When true, only the incident's coordinator and the admins may close or decline. */
        @WithDefault("false")
        boolean restrictCloseAndDecline();

        /** Slack user ids of the admin group, who may always close and decline. */
        Optional<List<String>> adminUsers();
    }

    /** The short questionnaire that recommends P1 or P2 when a triage incident is confirmed. */
    interface Triage {

        /** Yes/no questions; any "yes" recommends P1, all "no" recommends P2. */
        @WithDefault(
                "Is a customer production system impaired?,"
                        + "Is there no workaround?,"
                        + "Are several users or sites affected?")
        List<String> questions();
    }
}
