package dev.incident.postmortem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.kafka.RecordHeaders;

/**
 * The test's side of the broker: writes events as incident-core would, and keeps every command and
 * dead letter the service writes, read by a consumer of its own.
 */
final class TestTopics implements AutoCloseable {

    private final ContractCodec codec = new ContractCodec();
    private final ContractRecords records;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean running = true;

    TestTopics(String bootstrap, String prefix) {
        records =
                new ContractRecords(
                        codec, dev.incident.events.kafka.Topics.Names.withPrefix(prefix));
        producer =
                new KafkaProducer<>(
                        Map.of("bootstrap.servers", bootstrap, "acks", "all"),
                        new StringSerializer(),
                        new ByteArraySerializer());
        consumer =
                new KafkaConsumer<>(
                        Map.of(
                                "bootstrap.servers",
                                bootstrap,
                                "group.id",
                                "postmortem-test-" + UUID.randomUUID(),
                                "auto.offset.reset",
                                "earliest"),
                        new StringDeserializer(),
                        new ByteArrayDeserializer());
        consumer.subscribe(List.of(records.topics().commands(), records.topics().deadLetter()));
        reader = new Thread(this::read, "test-topics-reader");
        reader.start();
    }

    void send(List<EventEnvelope> events) {
        events.forEach(this::send);
    }

    void send(EventEnvelope event) {
        sendRaw(records.event(event));
    }

    void sendRaw(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send a test record", e);
        }
    }

    String eventsTopic() {
        return records.topics().events();
    }

    /** The commands the service sent about {@code incidentId}, in order. */
    List<CommandEnvelope> commands(String incidentId) {
        return seen.stream()
                .filter(r -> r.topic().equals(records.topics().commands()))
                .filter(r -> incidentId.equals(r.key()))
                .map(r -> codec.decodeCommand(r.value()))
                .toList();
    }

    /** The dead letters with this key. */
    List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
        return seen.stream()
                .filter(r -> r.topic().equals(records.topics().deadLetter()))
                .filter(r -> key.equals(r.key()))
                .toList();
    }

    static Optional<String> header(ConsumerRecord<String, byte[]> record, String name) {
        return ContractRecords.header(record.headers(), name);
    }

    static final String CONSUMER_HEADER = RecordHeaders.DEAD_LETTER_CONSUMER;

    private void read() {
        while (running) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        consumer.close();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join(5000);
        producer.close();
    }
}
