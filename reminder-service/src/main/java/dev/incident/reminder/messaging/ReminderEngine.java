package dev.incident.reminder.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import dev.incident.events.json.ContractCodec;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.kafka.Topics;
import dev.incident.reminder.domain.ReminderBoard;
import dev.incident.reminder.domain.ReminderRules;
import dev.incident.reminder.domain.ReminderScheduler;

/**
 * One running reminder service: a consumer in the service's group reading {@code incident.events}
 * and {@code incident.commands}, the board, the scheduler thread, and a producer writing to {@code
 * incident.commands} and {@code incident.dead-letter}. Plain Java, so tests can run two in one JVM.
 */
public final class ReminderEngine implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ReminderEngine.class);

    /** What an engine needs to know; {@code kafka} holds extra client settings, may be empty. */
    public record Settings(
            String bootstrapServers,
            String groupId,
            Topics.Names topics,
            ReminderRules rules,
            Clock clock,
            Duration maxSleep,
            Duration pollTimeout,
            Map<String, Object> kafka) {}

    private final ReminderBoard board;
    private final ReminderSender sender;
    private final ReminderScheduler scheduler;
    private final ReminderLogReader reader;
    private final KafkaProducer<String, byte[]> producer;
    private final Thread readerThread;

    private ReminderEngine(Settings settings) {
        ContractCodec codec = new ContractCodec();
        this.board = new ReminderBoard(settings.rules());
        this.producer = producer(settings);
        this.sender =
                new ReminderSender(
                        producer,
                        new ContractRecords(codec, settings.topics()),
                        settings.clock(),
                        board);
        this.scheduler =
                new ReminderScheduler(board, sender, settings.clock(), settings.maxSleep());
        this.reader =
                new ReminderLogReader(
                        consumer(settings),
                        board,
                        sender,
                        codec,
                        settings.topics(),
                        settings.pollTimeout());
        this.readerThread = new Thread(reader, "reminder-log-reader");
    }

    /** Starts reading the log and firing what comes due. */
    public static ReminderEngine start(Settings settings) {
        ReminderEngine engine = new ReminderEngine(settings);
        engine.scheduler.start();
        engine.readerThread.start();
        LOG.infof(
                "reminder engine started in group %s on %s",
                settings.groupId(), settings.topics().events());
        return engine;
    }

    /** True once this instance has rebuilt every partition it was given. */
    public boolean caughtUp() {
        return reader.caughtUp() && readerThread.isAlive();
    }

    public ReminderBoard board() {
        return board;
    }

    /** Stops firing, hands the partitions back to the group, and sends what is still buffered. */
    @Override
    public void close() {
        scheduler.close();
        sender.flush();
        reader.stop();
        try {
            readerThread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(10));
        LOG.info("reminder engine stopped");
    }

    private static KafkaProducer<String, byte[]> producer(Settings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putAll(settings.kafka());
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> consumer(Settings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Range gives one member the same partition number of both topics: see the log reader.
        config.put(
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        config.putAll(settings.kafka());
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
