package dev.incident.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** Transactions work on the local single-node broker: the foundation of exactly-once appends. */
class KafkaTransactionsIT {

    @Test
    void shouldShowOnlyCommittedRecordsToAReadCommittedConsumer() throws Exception {
        String topic = KafkaFixture.freshTopic("transactions", 3);
        var transactional =
                Map.<String, Object>of(
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        "tx-it-" + UUID.randomUUID(),
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true);

        try (var producer = KafkaFixture.producer(transactional)) {
            producer.initTransactions();

            producer.beginTransaction();
            send(producer, topic, "committed-1", "committed-2", "committed-3");
            producer.commitTransaction();

            producer.beginTransaction();
            send(producer, topic, "aborted-1", "aborted-2");
            producer.flush();
            producer.abortTransaction();

            producer.beginTransaction();
            send(producer, topic, "committed-4");
            producer.commitTransaction();
        }

        assertThat(readAll(topic, "read_committed", 4))
                .containsExactlyInAnyOrder(
                        "committed-1", "committed-2", "committed-3", "committed-4");
        assertThat(readAll(topic, "read_uncommitted", 6))
                .as("the aborted records were written, only hidden")
                .contains("aborted-1", "aborted-2");
    }

    private static void send(
            org.apache.kafka.clients.producer.Producer<String, byte[]> producer,
            String topic,
            String... values) {
        for (String value : values) {
            producer.send(new ProducerRecord<>(topic, value, value.getBytes(UTF_8)));
        }
    }

    /** Reads until {@code expected} records arrived and two more seconds showed nothing new. */
    private static List<String> readAll(String topic, String isolation, int expected) {
        List<String> values = new ArrayList<>();
        try (var consumer = KafkaFixture.consumer(isolation)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                var batch = consumer.poll(Duration.ofMillis(200));
                batch.forEach(r -> values.add(new String(r.value(), UTF_8)));
                if (values.size() >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        return values;
    }
}
