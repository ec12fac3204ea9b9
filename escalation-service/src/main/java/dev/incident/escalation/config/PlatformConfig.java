package dev.incident.escalation.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The settings every service of the platform shares, under {@code incident}. */
@ConfigMapping(prefix = "incident")
public interface PlatformConfig {

    Topics topics();

    Outbox outbox();

    /** Kafka topic names. */
    interface Topics {

        /** Put in front of every topic name, so tests and environments can share a broker. */
        Optional<String> prefix();
    }

    /** Where integrations without credentials write what they would have sent. */
    interface Outbox {

        /** The outbox folder; pages go to pages.jsonl in it. */
        @WithDefault("../.local/outbox")
        String dir();
    }
}
