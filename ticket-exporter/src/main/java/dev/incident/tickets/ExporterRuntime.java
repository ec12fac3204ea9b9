package dev.incident.tickets;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.incident.events.json.ContractCodec;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.kafka.Topics;
import dev.incident.tickets.domain.ExportMoment;
import dev.incident.tickets.domain.FollowUpExporter;
import dev.incident.tickets.domain.IncidentLedger;
import dev.incident.tickets.domain.IssueComposer;
import dev.incident.tickets.domain.IssueTracker;
import dev.incident.tickets.messaging.CommandRecorder;
import dev.incident.tickets.messaging.EventLogConsumer;

/**
 * One running exporter: the consumer of {@code incident.events} on a thread of its own and the
 * producer of its commands and dead letters. The service starts one; tests start several to play
 * restarts and second instances.
 */
public final class ExporterRuntime implements AutoCloseable {

    /** Everything an exporter needs to run. */
    public record Settings(
            String bootstrapServers,
            String consumerGroup,
            Topics.Names topics,
            ExportMoment moment,
            Duration postmortemGrace,
            IssueComposer composer,
            IssueTracker tracker,
            Duration retryInterval,
            Duration maxPollInterval) {}

    private final KafkaProducer<String, byte[]> producer;
    private final EventLogConsumer consumer;
    private final Thread thread;

    private ExporterRuntime(Settings settings, Clock clock) {
        ContractRecords records = new ContractRecords(new ContractCodec(), settings.topics());
        producer = new KafkaProducer<>(producerProperties(settings));
        FollowUpExporter exporter =
                new FollowUpExporter(
                        settings.composer(),
                        settings.tracker(),
                        new CommandRecorder(producer, records, clock));
        consumer =
                new EventLogConsumer(
                        new KafkaConsumer<>(consumerProperties(settings)),
                        producer,
                        new ContractCodec(),
                        records,
                        new IncidentLedger(settings.moment(), settings.postmortemGrace()),
                        exporter,
                        settings.retryInterval(),
                        clock);
        thread = new Thread(consumer, "ticket-exporter-events");
    }

    public static ExporterRuntime start(Settings settings) {
        ExporterRuntime runtime = new ExporterRuntime(settings, Clock.systemUTC());
        runtime.thread.start();
        return runtime;
    }

    /** True while the consumer thread runs; it ends only when stopped or after an error. */
    public boolean alive() {
        return thread.isAlive();
    }

    /** True while the consumer runs and has read the log of every incident it owns. */
    public boolean ready() {
        return thread.isAlive() && consumer.caughtUp();
    }

    @Override
    public void close() {
        consumer.stop();
        try {
            thread.join(Duration.ofSeconds(15).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }

    private static Properties consumerProperties(Settings settings) {
        Properties props = new Properties();
        props.putAll(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, settings.consumerGroup(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                                String.valueOf(settings.maxPollInterval().toMillis()),
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                                StringDeserializer.class.getName(),
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                                ByteArrayDeserializer.class.getName()));
        return props;
    }

    private static Properties producerProperties(Settings settings) {
        Properties props = new Properties();
        props.putAll(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                                StringSerializer.class.getName(),
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                                ByteArraySerializer.class.getName()));
        return props;
    }
}
