package dev.incident.escalation.messaging;

import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.incident.escalation.config.PlatformConfig;
import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.IncidentCommand;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.kafka.Producers;
import dev.incident.events.kafka.Topics;
import dev.incident.events.model.Actor;

/**
 * Writes this service's commands to {@code incident.commands} (keyed by incident id, as the
 * service's own actor) and unprocessable records to {@code incident.dead-letter}, waiting for the
 * broker's acknowledgement of each.
 */
@ApplicationScoped
public class CommandSender {

    static final String SERVICE = "escalation-service";
    private static final Logger LOG = Logger.getLogger(CommandSender.class);
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final KafkaProducer<String, byte[]> producer;
    private final ContractRecords records;
    private final Clock clock;

    public CommandSender(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            PlatformConfig platform,
            Clock clock) {
        this.producer = Producers.reliable(bootstrapServers, SERVICE + "-commands");
        this.records =
                new ContractRecords(
                        new ContractCodec(),
                        Topics.Names.withPrefix(platform.topics().prefix().orElse("")));
        this.clock = clock;
    }

    /** Sends {@code command} for the incident, with the key that marks retries of it. */
    public CommandEnvelope send(String incidentId, IncidentCommand command, String idempotencyKey) {
        CommandEnvelope envelope =
                CommandEnvelope.of(incidentId, Actor.service(SERVICE), clock.instant(), command)
                        .withIdempotencyKey(idempotencyKey);
        deliver(records.command(envelope));
        LOG.infof("%s: sent %s (%s)", incidentId, command.type(), idempotencyKey);
        return envelope;
    }

    /** Sends the record to the dead-letter topic with what went wrong. */
    public void deadLetter(ConsumerRecord<String, byte[]> original, Exception error) {
        deliver(records.deadLetter(original, SERVICE, error));
    }

    private void deliver(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send to " + record.topic(), e);
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
