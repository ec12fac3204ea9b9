package dev.incident.slack.outbound.slack;

import java.nio.file.Path;
import java.time.Clock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.incident.slack.outbound.config.OutboundConfig;
import dev.incident.slack.outbound.domain.RetryPolicy;

/**
 * Chooses how the gateway reaches Slack: the Web API when a bot token is configured, the local
 * outbox otherwise, with retries around either.
 */
@ApplicationScoped
public class SlackApiProducer {

    private static final Logger LOG = Logger.getLogger(SlackApiProducer.class);

    private final OutboundConfig config;
    private final Path outboxDir;

    public SlackApiProducer(
            OutboundConfig config,
            @ConfigProperty(name = "incident.outbox.dir", defaultValue = "../.local/outbox")
                    String outboxDir) {
        this.config = config;
        this.outboxDir = Path.of(outboxDir);
    }

    /** Typed to the outbox alone, so it is not a second candidate for SlackApi. */
    @Produces
    @Singleton
    @Typed(OutboxSlack.class)
    OutboxSlack outbox() {
        return new OutboxSlack(outboxDir, new ObjectMapper(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    SlackApi slackApi(OutboxSlack outbox) {
        OutboundConfig.Outbound outbound = config.outbound();
        RetryPolicy policy =
                new RetryPolicy(
                        outbound.maxAttempts(),
                        outbound.initialBackoff(),
                        outbound.maxBackoff(),
                        outbound.maxRetryAfter());
        return new RetryingSlack(direct(outbox), policy, d -> Thread.sleep(d.toMillis()));
    }

    private SlackApi direct(OutboxSlack outbox) {
        String token = config.botToken().map(String::strip).orElse("");
        if (token.isEmpty()) {
            LOG.infof("No Slack bot token: Slack calls go to the outbox %s", outbox.file());
            return outbox;
        }
        LOG.infof("Slack calls go to %s", config.apiUrl());
        return new WebApiSlack(config.apiUrl(), token, new ObjectMapper());
    }
}
