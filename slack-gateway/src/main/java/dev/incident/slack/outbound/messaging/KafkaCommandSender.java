package dev.incident.slack.outbound.messaging;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.slack.outbound.domain.CommandSender;

/**
 * Writes the gateway's commands to {@code incident.commands} and its dead letters to {@code
 * incident.dead-letter}, waiting for the broker's acknowledgement so a reaction only counts as done
 * once its command is stored.
 */
final class KafkaCommandSender implements CommandSender, DeadLetters {

    private static final Logger LOG = Logger.getLogger(KafkaCommandSender.class);

    private final Producer<String, byte[]> producer;
    private final ContractRecords records;

    KafkaCommandSender(Producer<String, byte[]> producer, ContractRecords records) {
        this.producer = producer;
        this.records = records;
    }

    @Override
    public void send(CommandEnvelope command) {
        LOG.infof("%s: sending %s", command.incidentId(), command.type());
        sendAndWait(records.command(command));
    }

    @Override
    public void send(ConsumerRecord<String, byte[]> original, String consumer, Exception error) {
        LOG.warnf("%s: dead letter from offset %d: %s", original.key(), original.offset(), error);
        sendAndWait(records.deadLetter(original, consumer, error));
    }

    private void sendAndWait(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send to " + record.topic(), e);
        }
    }
}
