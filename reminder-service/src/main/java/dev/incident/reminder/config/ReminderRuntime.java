package dev.incident.reminder.config;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.incident.events.kafka.Topics;
import dev.incident.reminder.messaging.ReminderEngine;

/** Starts the reminder engine with the service and stops it, handing its partitions back. */
@ApplicationScoped
public class ReminderRuntime {

    private final ReminderConfig config;
    private final Clock clock;
    private final String bootstrapServers;
    private final String topicsPrefix;
    private volatile ReminderEngine engine;

    ReminderRuntime(
            ReminderConfig config,
            Clock clock,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            // Optional: an empty value is no value to the config, and production has no prefix.
            @ConfigProperty(name = "incident.topics.prefix") Optional<String> topicsPrefix) {
        this.config = config;
        this.clock = clock;
        this.bootstrapServers = bootstrapServers;
        this.topicsPrefix = topicsPrefix.orElse("");
    }

    void onStart(@Observes StartupEvent start) {
        engine =
                ReminderEngine.start(
                        new ReminderEngine.Settings(
                                bootstrapServers,
                                config.groupId(),
                                Topics.Names.withPrefix(topicsPrefix),
                                config.rules(),
                                clock,
                                config.maxSleep(),
                                config.pollTimeout(),
                                Map.of()));
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (engine != null) {
            engine.close();
        }
    }

    /** The running engine, null before start. */
    public ReminderEngine engine() {
        return engine;
    }
}
