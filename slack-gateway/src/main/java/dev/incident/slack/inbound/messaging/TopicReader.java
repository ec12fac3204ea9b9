package dev.incident.slack.inbound.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Reads every partition of one topic on a thread of its own, from the beginning or from a moment
 * on, and hands each record to a handler. No consumer group: each instance of the gateway reads
 * everything it needs itself. When the broker is away at start the reader keeps trying, so the
 * service starts and answers Slack anyway.
 */
final class TopicReader implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TopicReader.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final Instant from;
    private final Consumer<ConsumerRecord<String, byte[]>> handler;
    private final Thread thread;
    private volatile boolean running = true;

    /** A reader of {@code topic} from {@code from} on, or from the beginning when it is null. */
    TopicReader(
            Map<String, Object> config,
            String topic,
            Instant from,
            Consumer<ConsumerRecord<String, byte[]>> handler) {
        this.consumer = new KafkaConsumer<>(config);
        this.topic = topic;
        this.from = from;
        this.handler = handler;
        this.thread = new Thread(this::run, "slack-inbound-" + topic);
        this.thread.setDaemon(true);
    }

    private void place() {
        List<TopicPartition> partitions =
                consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList();
        if (partitions.isEmpty()) {
            throw new KafkaException("topic " + topic + " does not exist yet");
        }
        consumer.assign(partitions);
        if (from == null) {
            consumer.seekToBeginning(partitions);
            return;
        }
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, from.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = offsets.get(partition);
            if (offset == null) {
                consumer.seekToEnd(List.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
        }
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            placeWhenReachable();
            while (running) {
                consumer.poll(Duration.ofMillis(500)).forEach(this::handle);
            }
        } catch (WakeupException e) {
            // close() asked the loop to end
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close();
        }
    }

    private void placeWhenReachable() throws InterruptedException {
        while (running) {
            try {
                place();
                LOG.infof("reading %s", topic);
                return;
            } catch (KafkaException e) {
                LOG.warnf("cannot read %s yet (%s); retrying", topic, e.getMessage());
                Thread.sleep(RETRY.toMillis());
            }
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        try {
            handler.accept(record);
        } catch (RuntimeException e) {
            LOG.errorf(
                    e,
                    "incident %s: could not handle record %s-%d@%d",
                    record.key(),
                    record.topic(),
                    record.partition(),
                    record.offset());
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
