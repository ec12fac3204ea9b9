package dev.incident.slack.inbound;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.CommandResult;
import dev.incident.events.event.EventChain;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.event.IncidentEvent;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.kafka.Topics;
import dev.incident.events.model.Actor;

import static org.awaitility.Awaitility.await;

/**
 * The test's hands on the broker: reads what the gateway wrote to the commands topic, and plays
 * incident-core by writing events and command results.
 */
final class TopicProbe implements AutoCloseable {

    private final ContractCodec codec = new ContractCodec();
    private final ContractRecords records;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final List<CommandEnvelope> seen = new ArrayList<>();
    private final Map<String, Long> sequences = new java.util.HashMap<>();

    TopicProbe(String bootstrap, String prefix) {
        Topics.Names topics = Topics.Names.withPrefix(prefix);
        records = new ContractRecords(codec, topics);
        consumer =
                new KafkaConsumer<>(
                        Map.of(
                                "bootstrap.servers", bootstrap,
                                "key.deserializer", StringDeserializer.class,
                                "value.deserializer", ByteArrayDeserializer.class));
        List<TopicPartition> partitions =
                consumer.partitionsFor(topics.commands()).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition()))
                        .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        producer =
                new KafkaProducer<>(
                        Map.of(
                                "bootstrap.servers", bootstrap,
                                "key.serializer", StringSerializer.class,
                                "value.serializer", ByteArraySerializer.class));
    }

    /** Every command on the topic so far. */
    List<CommandEnvelope> commands() {
        consumer.poll(Duration.ofMillis(200))
                .forEach(record -> seen.add(codec.decodeCommand(record.value())));
        return List.copyOf(seen);
    }

    List<CommandEnvelope> commandsMatching(Predicate<CommandEnvelope> predicate) {
        return commands().stream().filter(predicate).toList();
    }

    /** Waits for the first command that matches. */
    CommandEnvelope awaitCommand(Predicate<CommandEnvelope> predicate) {
        return await().atMost(Duration.ofSeconds(15))
                .until(() -> commandsMatching(predicate), found -> !found.isEmpty())
                .get(0);
    }

    /** Appends an event of an incident, as incident-core would. */
    void event(String incidentId, IncidentEvent payload) {
        long sequence = sequences.merge(incidentId, 1L, Long::sum);
        Instant now = Instant.now();
        EventEnvelope event =
                new EventEnvelope(
                        UUID.randomUUID(),
                        payload.type(),
                        1,
                        incidentId,
                        sequence,
                        now,
                        now,
                        Actor.service("test"),
                        UUID.randomUUID(),
                        EventChain.GENESIS,
                        EventChain.GENESIS,
                        payload);
        send(records.event(event));
    }

    void result(CommandResult result) {
        send(records.result(result));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        consumer.close();
        producer.close();
    }
}
