package dev.incident.core.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.incident.core.config.CoreConfig;
import dev.incident.core.messaging.KafkaClients;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.kafka.Topics;

/**
 * Runs the {@link Projector} on a thread of its own, sends the events it cannot read to {@code
 * incident.dead-letter}, and exposes its lag as a metric.
 */
@ApplicationScoped
public class Projection {

    private final CoreConfig config;
    private final String bootstrapServers;
    private final MeterRegistry meters;
    private static final String CONSUMER = "incident-core-projection";

    private KafkaProducer<String, byte[]> producer;
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
        ContractRecords records =
                new ContractRecords(new ContractCodec(), Topics.Names.withPrefix(prefix));
        producer = clients.producer();
        projector =
                new Projector(
                        clients.consumer(null),
                        records.topics().events(),
                        config.core().progressEvery(),
                        (record, error) ->
                                producer.send(records.deadLetter(record, CONSUMER, error)));
        Gauge.builder("incident.projection.lag", projector, Projector::lag)
                .description("events on the log not yet in PostgreSQL")
                .register(meters);
        thread = new Thread(projector, "incident-core-projection");
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        projector.stop();
        thread.join(10_000);
        producer.close(java.time.Duration.ofSeconds(5));
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
