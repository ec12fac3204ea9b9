package dev.incident.tickets.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import dev.incident.tickets.domain.ExportMoment;

/** The ticket-exporter's settings, under {@code incident.}. */
@ConfigMapping(prefix = "incident")
public interface ExporterConfig {

    Topics topics();

    Outbox outbox();

    Tickets tickets();

    GitHub github();

    interface Topics {
        /** Put before every topic name, so tests and environments can share a broker. */
        Optional<String> prefix();
    }

    interface Outbox {
        /** Folder for what integrations would have sent without credentials. */
        @WithDefault("../.local/outbox")
        Path dir();
    }

    interface Tickets {
        /** When follow-ups are exported: when the incident is closed, or as soon as added. */
        @WithDefault("closed")
        ExportMoment exportWhen();

        /** How long after a close to wait for the postmortem link before exporting without it. */
        @WithDefault("2m")
        Duration postmortemGrace();

        /** The Kafka consumer group; instances in one group share the incidents. */
        @WithDefault("ticket-exporter")
        String consumerGroup();

        /** How often follow-ups that failed for a passing reason are tried again. */
        @WithDefault("1m")
        Duration retryInterval();

        /** Link to an incident in issue bodies, with {incidentId} and {reference}. */
        Optional<String> incidentLink();
    }

    interface GitHub {
        /** Token with Issues read and write; without one, issues go to the local outbox. */
        Optional<String> token();

        /** API root: https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise. */
        @WithDefault("https://api.github.com")
        String apiUrl();

        /** owner/name of the repository for follow-ups of customers without their own. */
        Optional<String> repository();

        /** Customer id to owner/name of that customer's repository. */
        Map<String, String> customerRepositories();

        /** Slack user id to GitHub login, for assigning issues to the coordinator. */
        Map<String, String> assignees();

        /** Longest rate-limit wait slept through; longer ones are retried later instead. */
        @WithDefault("15m")
        Duration maxRateLimitWait();
    }
}
