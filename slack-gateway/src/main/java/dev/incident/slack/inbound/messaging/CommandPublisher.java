package dev.incident.slack.inbound.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.kafka.ContractRecords;

/**
 * Writes commands to {@code incident.commands} and unreadable records to {@code
 * incident.dead-letter}. Sends are handed to a thread of their own, so that an HTTP request is
 * answered whatever the broker is doing.
 */
@ApplicationScoped
public class CommandPublisher {

    private static final Logger LOG = Logger.getLogger(CommandPublisher.class);

    private final Producer<String, byte[]> producer;
    private final ContractRecords records;
    private final ExecutorService sender =
            Executors.newSingleThreadExecutor(r -> new Thread(r, "slack-inbound-sender"));

    public CommandPublisher(KafkaSettings settings) {
        this.producer = new KafkaProducer<>(settings.producer());
        this.records = new ContractRecords(new ContractCodec(), settings.topics());
    }

    /** Completes when the broker has the command, exceptionally when it could not be sent. */
    public CompletableFuture<Void> publish(CommandEnvelope command) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        sender.execute(() -> send(records.command(command), done));
        return done.whenComplete(
                (ok, error) -> {
                    if (error == null) {
                        LOG.debugf(
                                "incident %s: sent %s %s",
                                command.incidentId(), command.type(), command.commandId());
                    } else {
                        LOG.warnf(
                                error,
                                "incident %s: could not send %s %s",
                                command.incidentId(),
                                command.type(),
                                command.commandId());
                    }
                });
    }

    /** Sends a record that {@code consumer} could not process to the dead-letter topic. */
    public void deadLetter(ConsumerRecord<String, byte[]> original, String consumer, Exception e) {
        sender.execute(
                () -> send(records.deadLetter(original, consumer, e), new CompletableFuture<>()));
    }

    private void send(ProducerRecord<String, byte[]> record, CompletableFuture<Void> done) {
        try {
            producer.send(
                    record,
                    (metadata, error) -> {
                        if (error == null) {
                            done.complete(null);
                        } else {
                            done.completeExceptionally(error);
                        }
                    });
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
    }

    @PreDestroy
    void close() {
        sender.shutdown();
        producer.close();
    }
}
