package dev.incident.email.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
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

import dev.incident.email.config.IngestConfig;
import dev.incident.email.domain.Decision;
import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.kafka.Producers;
import dev.incident.events.kafka.Topics;
import dev.incident.events.model.Actor;

/**
 * Writes DeclareIncident commands to {@code incident.commands} and quarantined messages to {@code
 * incident.dead-letter}, and returns only once the broker acknowledged the record (acks=all), so
 * that the mailbox marks a message done only after Kafka has it.
 */
@ApplicationScoped
public class CommandPublisher {

    /** The consumer name on dead letters, and the actor of this service's commands. */
    public static final String SERVICE = "email-ingest";

    private static final Logger LOG = Logger.getLogger(CommandPublisher.class);

    private final KafkaProducer<String, byte[]> producer;
    private final ContractRecords records;
    private final IngestConfig config;

    public CommandPublisher(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "incident.topics.prefix") Optional<String> prefix,
            IngestConfig config) {
        this.records =
                new ContractRecords(
                        new ContractCodec(), Topics.Names.withPrefix(prefix.orElse("")));
        this.config = config;
        this.producer = Producers.reliable(bootstrapServers, SERVICE);
    }

    public Topics.Names topics() {
        return records.topics();
    }

    /**
     * Sends the declaration and waits for the broker's acknowledgement. The command id is derived
     * from the incident id, so a message read again after a crash sends the very same command.
     */
    public void declare(Decision.Declare declare) throws PublishFailed {
        var envelope =
                new CommandEnvelope(
                        UUID.nameUUIDFromBytes(
                                declare.idempotencyKey().getBytes(StandardCharsets.UTF_8)),
                        declare.command().type(),
                        declare.incidentId(),
                        Actor.service(SERVICE),
                        declare.idempotencyKey(),
                        Instant.now(),
                        declare.command());
        send(records.command(envelope));
        LOG.infof(
                "incident %s: declared from email %s of %s",
                declare.incidentId(),
                declare.command().sourceReference(),
                declare.command().reporter().id());
    }

    /**
     * Reports a quarantined message on the dead-letter topic, keyed like its incident would be,
     * with the message (or, when too large for a record, its headers) as the value.
     */
    public void deadLetter(Decision.Hold hold, byte[] value, String folder, long uid)
            throws PublishFailed {
        var origin = new ConsumerRecord<>("imap:" + folder, 0, uid, hold.key(), value);
        send(records.deadLetter(origin, SERVICE, hold.problem()));
    }

    private void send(ProducerRecord<String, byte[]> record) throws PublishFailed {
        try {
            producer.send(record)
                    .get(config.mailbox().ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailed(record.key(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishFailed(record.key(), e);
        }
    }

    @PreDestroy
    void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }

    /** Kafka did not acknowledge a record in time; the message stays in the mailbox. */
    public static final class PublishFailed extends Exception {
        PublishFailed(String key, Throwable cause) {
            super("Kafka did not acknowledge the record for " + key, cause);
        }
    }
}
