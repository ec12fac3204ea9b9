package dev.incident.core.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.incident.core.config.CoreConfig;
import dev.incident.core.messaging.KafkaClients;
import dev.incident.events.kafka.Topics;

/** Runs the {@link Projector} on a thread of its own and exposes its lag as a metric. */
@ApplicationScoped
public class Projection {

    private final CoreConfig config;
    private final String bootstrapServers;
    private final MeterRegistry meters;
    private Projector projector;
    private Thread thread;

    public Projection(
            CoreConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            MeterRegistry meters) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.meters = meters;
    }

    void start(@Observes StartupEvent event) {
        String prefix = config.topics().prefix().orElse("");
        KafkaClients clients = new KafkaClients(bootstrapServers, prefix);
        projector =
                new Projector(
                        clients.consumer(null),
                        Topics.Names.withPrefix(prefix).events(),
                        config.core().progressEvery());
        Gauge.builder("incident.projection.lag", projector, Projector::lag)
                .description("events on the log not yet in PostgreSQL")
                .register(meters);
        thread = new Thread(projector, "incident-core-projection");
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        projector.stop();
        thread.join(10_000);
    }

    /** Empties the read model and fills it again from the start of the log, in the background. */
    public void rebuild() {
        projector.requestRebuild();
    }

    public long lag() {
        return projector.lag();
    }

    public boolean caughtUp() {
        return projector.caughtUp();
    }
}
