package dev.incident.escalation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.kafka.Topics;

/**
 * The rest of the platform, as the service under test sees it: writes events to the test's {@code
 * incident.events} and collects what arrives on its commands and dead-letter topics.
 */
final class KafkaSide implements AutoCloseable {

    private final ContractCodec codec = new ContractCodec();
    private final ContractRecords records;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread poller;
    private final List<CommandEnvelope> commands = new CopyOnWriteArrayList<>();
    private final List<ConsumerRecord<String, byte[]>> deadLetters = new CopyOnWriteArrayList<>();

    KafkaSide() {
        var config = ConfigProvider.getConfig();
        String bootstrap = config.getValue("kafka.bootstrap.servers", String.class);
        String prefix = config.getOptionalValue("incident.topics.prefix", String.class).orElse("");
        records = new ContractRecords(codec, Topics.Names.withPrefix(prefix));
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
                                ConsumerConfig.GROUP_ID_CONFIG,
                                "it-" + UUID.randomUUID(),
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                "earliest"),
                        new StringDeserializer(),
                        new ByteArrayDeserializer());
        consumer.subscribe(List.of(records.topics().commands(), records.topics().deadLetter()));
        poller = new Thread(this::poll, "it-commands");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.topic().equals(records.topics().commands())) {
                        commands.add(codec.decodeCommand(record.value()));
                    } else {
                        deadLetters.add(record);
                    }
                }
            }
        } catch (WakeupException stopping) {
            // close() wakes the poller up to end it
        } finally {
            consumer.close();
        }
    }

    /** Publishes the event as incident-core would: same topic, key, headers. */
    void publish(EventEnvelope event) throws Exception {
        producer.send(records.event(event)).get(10, TimeUnit.SECONDS);
    }

    void publishRaw(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(records.topics().events(), key, value))
                .get(10, TimeUnit.SECONDS);
    }

    /** The commands sent for the incident so far, in order. */
    List<CommandEnvelope> commandsFor(String incidentId) {
        return commands.stream().filter(c -> c.incidentId().equals(incidentId)).toList();
    }

    List<ConsumerRecord<String, byte[]>> deadLetters() {
        return List.copyOf(deadLetters);
    }

    @Override
    public void close() throws Exception {
        consumer.wakeup();
        poller.join(5_000);
        producer.close();
    }
}
