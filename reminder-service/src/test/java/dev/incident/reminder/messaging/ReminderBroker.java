package dev.incident.reminder.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.kafka.Topics;
import dev.incident.reminder.domain.ReminderRules;
import dev.incident.testing.KafkaResource;
import dev.incident.testing.LocalKafka;

/**
 * The real broker with platform topics of one test's own: it appends events as incident-core would,
 * and reads back every command that was sent.
 */
final class ReminderBroker implements AutoCloseable {

    private final ContractCodec codec = new ContractCodec();
    private final Topics.Names topics;
    private final ContractRecords records;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> commandReader;
    private final List<CommandEnvelope> commands = new ArrayList<>();

    ReminderBroker() {
        String prefix = "reminder-it-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        this.topics = Topics.Names.withPrefix(prefix);
        KafkaResource.createTopics(LocalKafka.bootstrapServers(), topics);
        this.records = new ContractRecords(codec, topics);
        this.producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                LocalKafka.bootstrapServers(),
                                ProducerConfig.ACKS_CONFIG,
                                "all"),
                        new StringSerializer(),
                        new ByteArraySerializer());
        this.commandReader =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                LocalKafka.bootstrapServers()),
                        new StringDeserializer(),
                        new ByteArrayDeserializer());
        List<TopicPartition> partitions =
                commandReader.partitionsFor(topics.commands()).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition()))
                        .toList();
        commandReader.assign(partitions);
        commandReader.seekToBeginning(partitions);
    }

    Topics.Names topics() {
        return topics;
    }

    /** Appends events to the log and waits until the broker has them. */
    void append(EventEnvelope... events) {
        try {
            for (EventEnvelope event : events) {
                producer.send(records.event(event)).get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not append to the log", e);
        }
    }

    /** Appends bytes that are no event at all, as a broken producer might. */
    void appendRaw(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topics.events(), key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not append to the log", e);
        }
    }

    /** The records on the dead-letter topic, read from its beginning. */
    List<ConsumerRecord<String, byte[]>> deadLetters() {
        try (KafkaConsumer<String, byte[]> reader =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                LocalKafka.bootstrapServers()),
                        new StringDeserializer(),
                        new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    reader.partitionsFor(topics.deadLetter()).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            reader.poll(Duration.ofMillis(500)).forEach(found::add);
            return found;
        }
    }

    /** Every command on the commands topic so far, in the order read. */
    synchronized List<CommandEnvelope> commands() {
        commandReader
                .poll(Duration.ofMillis(100))
                .forEach(record -> commands.add(codec.decodeCommand(record.value())));
        return List.copyOf(commands);
    }

    /** Settings for one more instance of the service in group {@code groupId}. */
    ReminderEngine.Settings settings(String groupId, Clock clock) {
        return new ReminderEngine.Settings(
                LocalKafka.bootstrapServers(),
                groupId,
                topics,
                ReminderRules.standard(),
                clock,
                Duration.ofMillis(20),
                Duration.ofMillis(100),
                Map.of());
    }

    @Override
    public void close() {
        producer.close();
        commandReader.close();
    }
}
