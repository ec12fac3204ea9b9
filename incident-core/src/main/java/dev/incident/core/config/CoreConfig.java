package dev.incident.core.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** incident-core's settings, under {@code incident.}. */
@ConfigMapping(prefix = "incident")
public interface CoreConfig {

    Topics topics();

    Core core();

    Api api();

    /** Topic names. */
    interface Topics {
        /** Put in front of the four topic names (and group and transaction ids); empty normally. */
        @WithDefault("")
        Optional<String> prefix();
    }

    /** The command processor. */
    interface Core {
        /** Set false to run only the read side (projection and API), without deciding commands. */
        @WithDefault("true")
        boolean processCommands();

        /** This instance's number; with the prefix it makes the Kafka transactional id unique. */
        @WithDefault("0")
        String instance();

        /** How long one poll of incident.commands waits for records. */
        @WithDefault("200ms")
        Duration pollTimeout();

        /** How often the projection logs its progress during a rebuild, in events. */
        @WithDefault("10000")
        int progressEvery();
    }

    /** The HTTP API. */
    interface Api {
        /** Bearer token POST /commands requires (env INCIDENT_API_TOKEN); unset refuses all. */
        Optional<String> token();

        /** The longest wait=... POST /commands accepts. */
        @WithDefault("30s")
        Duration maxWait();
    }
}
