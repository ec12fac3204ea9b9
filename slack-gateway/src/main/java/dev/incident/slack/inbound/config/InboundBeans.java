package dev.incident.slack.inbound.config;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.incident.slack.inbound.domain.CardActions;
import dev.incident.slack.inbound.domain.IncidentDirectory;
import dev.incident.slack.inbound.domain.ModalSubmissions;
import dev.incident.slack.inbound.domain.Permissions;
import dev.incident.slack.inbound.domain.RecentRequests;
import dev.incident.slack.inbound.domain.SignatureVerifier;
import dev.incident.slack.inbound.domain.SlashCommands;
import dev.incident.slack.inbound.domain.TriageDecision;
import dev.incident.slack.inbound.messaging.PendingReplies;

/** The inbound side's plain-Java parts, made from configuration. */
public class InboundBeans {

    private static final Logger LOG = Logger.getLogger(InboundBeans.class);
    private static final int REMEMBERED_REQUESTS = 100_000;

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    SignatureVerifier signatureVerifier(
            @ConfigProperty(name = "slack.signing-secret", defaultValue = "") String secret,
            InboundConfig config,
            Clock clock) {
        if (secret.isBlank()) {
            LOG.warn("slack.signing-secret is not set: every Slack request will be refused");
        }
        return new SignatureVerifier(secret, config.timestampTolerance(), clock);
    }

    @Produces
    @Singleton
    IncidentDirectory directory() {
        return new IncidentDirectory();
    }

    @Produces
    @Singleton
    RecentRequests recentRequests(InboundConfig config, Clock clock) {
        return new RecentRequests(config.dedupWindow(), REMEMBERED_REQUESTS, clock);
    }

    @Produces
    @Singleton
    PendingReplies pendingReplies(Clock clock) {
        return new PendingReplies(clock);
    }

    @Produces
    @Singleton
    Permissions permissions(InboundConfig config) {
        InboundConfig.Permissions settings = config.permissions();
        List<String> admins = settings.adminUsers().orElse(List.of());
        return new Permissions(settings.restrictCloseAndDecline(), Set.copyOf(admins));
    }

    @Produces
    @Singleton
    TriageDecision triage(InboundConfig config) {
        return new TriageDecision(config.triage().questions());
    }

    @Produces
    @Singleton
    SlashCommands slashCommands(IncidentDirectory directory, Permissions permissions) {
        return new SlashCommands(directory, permissions);
    }

    @Produces
    @Singleton
    CardActions cardActions(IncidentDirectory directory, Permissions permissions) {
        return new CardActions(directory, permissions);
    }

    @Produces
    @Singleton
    ModalSubmissions modalSubmissions(
            TriageDecision triage, Permissions permissions, IncidentDirectory directory) {
        return new ModalSubmissions(triage, permissions, directory);
    }
}
