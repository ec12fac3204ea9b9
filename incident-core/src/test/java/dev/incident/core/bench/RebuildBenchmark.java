package dev.incident.core.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;

import dev.incident.core.messaging.IncidentStates;
import dev.incident.core.messaging.KafkaClients;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.kafka.TopicSetup;
import dev.incident.events.kafka.Topics;

/**
 * Rebuilding incident-core's state from 1,000,000 events on the local broker, next to a plain
 * consumer reading the same topic in the same run. Argument: an existing topic prefix to reuse the
 * events written by an earlier run. Run: see docs/performance.md.
 */
public final class RebuildBenchmark {

    private static final int PARTITIONS = 6;
    private static final int INCIDENTS = 10_000;
    private static final int EVENTS_PER_INCIDENT = 100;

    public static void main(String[] args) throws Exception {
        String bootstrap =
                System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");
        boolean reuse = args.length > 0;
        String prefix =
                reuse ? args[0] : "bench-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        Topics.Names topics = Topics.Names.withPrefix(prefix);
        KafkaClients clients = new KafkaClients(bootstrap, prefix);
        if (!reuse) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                TopicSetup.ensure(admin, topics, PARTITIONS, (short) 1);
            }
            write(clients, topics);
        }
        System.out.println("topic prefix " + prefix);

        double plain = 0;
        double rebuild = 0;
        for (int round = 0; round < 2; round++) {
            plain = Math.max(plain, plainRead(clients, topics.events()));
            rebuild = Math.max(rebuild, rebuild(clients, topics.events()));
        }
        System.out.printf("plain consumer:        %,10.0f events/s%n", plain);
        System.out.printf("state rebuild:         %,10.0f events/s%n", rebuild);
        System.out.printf("ratio rebuild / plain: %10.2f%n", rebuild / plain);
    }

    private static void write(KafkaClients clients, Topics.Names topics) throws Exception {
        ContractRecords records = new ContractRecords(new ContractCodec(), topics);
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = clients.producer()) {
            for (int i = 0; i < INCIDENTS; i++) {
                for (EventEnvelope event :
                        SampleLog.incident("slack-bench-" + i, EVENTS_PER_INCIDENT)) {
                    producer.send(records.event(event));
                }
                if (i % 1000 == 999) {
                    System.out.printf("written %d incidents%n", i + 1);
                }
            }
            producer.flush();
        }
        System.out.printf(
                "wrote %d events in %d s%n",
                (long) INCIDENTS * EVENTS_PER_INCIDENT,
                (System.nanoTime() - started) / 1_000_000_000);
    }

    private static double plainRead(KafkaClients clients, String topic) {
        long started = System.nanoTime();
        long count = 0;
        try (KafkaConsumer<String, byte[]> consumer = clients.consumer(null)) {
            List<TopicPartition> partitions =
                    IntStream.range(0, PARTITIONS)
                            .mapToObj(p -> new TopicPartition(topic, p))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                count += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        return rate(count, started);
    }

    private static double rebuild(KafkaClients clients, String topic) {
        IncidentStates states = new IncidentStates(clients, topic, new ContractCodec());
        long started = System.nanoTime();
        long count = states.rebuild(IntStream.range(0, PARTITIONS).boxed().toList());
        return rate(count, started);
    }

    private static double rate(long count, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("  %d events in %.1f s%n", count, seconds);
        return count / seconds;
    }
}
