package dev.incident.postmortem.config;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import dev.incident.events.kafka.Topics;

/** The settings every service of the platform shares. */
@ConfigMapping(prefix = "incident")
public interface PlatformConfig {

    /** Topic names. */
    TopicsConfig topics();

    /** The local outbox. */
    Outbox outbox();

    /** Topic names. */
    interface TopicsConfig {

        /** A prefix before every topic name; empty in production, fresh per test run. */
        Optional<String> prefix();

        default Topics.Names names() {
            return Topics.Names.withPrefix(prefix().orElse(""));
        }
    }

    /** Where integrations without credentials write what they would have sent. */
    interface Outbox {

        /** The outbox folder; this service writes into its postmortems/ subfolder. */
        @WithDefault("../.local/outbox")
        Path dir();
    }
}
