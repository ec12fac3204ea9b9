package dev.incident.core.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import dev.incident.core.messaging.CommandLoop;
import dev.incident.core.messaging.KafkaClients;
import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.IncidentCommand.UpdateSummary;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.kafka.TopicSetup;
import dev.incident.events.kafka.Topics;

/**
 * Command to committed event latency through the real broker at a steady rate (default 100
 * commands/s for 30 s), next to the baseline of a plain produce-and-consume round trip of the same
 * records at the same rate in the same run. Run: see docs/performance.md.
 */
public final class LatencyBenchmark {

    private static final int PARTITIONS = 6;
    private static final int INCIDENTS = 100;

    public static void main(String[] args) throws Exception {
        String bootstrap =
                System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String prefix = "bench-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        Topics.Names topics = Topics.Names.withPrefix(prefix);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            TopicSetup.ensure(admin, topics, PARTITIONS, (short) 1);
        }
        KafkaClients clients = new KafkaClients(bootstrap, prefix);
        ContractRecords records = new ContractRecords(new ContractCodec(), topics);

        // Baseline: the same command records to the dead-letter topic and straight back.
        List<Double> plain = measure(clients, topics.deadLetter(), records, rate, seconds, true);

        CommandLoop loop =
                new CommandLoop(
                        clients,
                        records,
                        "incident-core-bench",
                        Duration.ofMillis(100),
                        Clock.systemUTC(),
                        new SimpleMeterRegistry());
        Thread thread = new Thread(loop, "bench-loop");
        thread.start();
        while (!loop.ready()) {
            Thread.sleep(100);
        }
        declare(clients, records);
        List<Double> core = measure(clients, topics.events(), records, rate, seconds, false);
        loop.stop();
        thread.join(10_000);

        System.out.printf("%d commands/s for %d s%n", rate, seconds);
        report("plain produce/consume", plain);
        report("command -> committed event", core);
        System.out.printf(
                "ratio p50: %.1f, ratio p99: %.1f%n",
                percentile(core, 50) / percentile(plain, 50),
                percentile(core, 99) / percentile(plain, 99));
    }

    private static void declare(KafkaClients clients, ContractRecords records) throws Exception {
        try (KafkaProducer<String, byte[]> producer = clients.producer()) {
            for (int i = 0; i < INCIDENTS; i++) {
                producer.send(
                        records.command(
                                CommandEnvelope.of(
                                        incident(i),
                                        SampleLog.ALICE,
                                        Instant.now(),
                                        SampleLog.declare())));
            }
            producer.flush();
        }
        Thread.sleep(3000);
    }

    /** Latencies in ms from sending each command to seeing its record on {@code topic}. */
    private static List<Double> measure(
            KafkaClients clients,
            String topic,
            ContractRecords records,
            int rate,
            int seconds,
            boolean plain)
            throws Exception {
        Map<String, Long> sent = new ConcurrentHashMap<>();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        int total = rate * seconds;
        Thread reader = new Thread(() -> read(clients, topic, sent, latencies, total, plain));
        reader.start();
        Thread.sleep(2000);
        try (KafkaProducer<String, byte[]> producer = clients.producer()) {
            long interval = 1_000_000_000L / rate;
            long next = System.nanoTime();
            for (int i = 0; i < total; i++) {
                CommandEnvelope command =
                        CommandEnvelope.of(
                                incident(i % INCIDENTS),
                                SampleLog.ALICE,
                                Instant.now(),
                                new UpdateSummary("update " + i));
                ProducerRecord<String, byte[]> record = records.command(command);
                if (plain) {
                    record = new ProducerRecord<>(topic, record.key(), record.value());
                }
                sent.put(command.commandId().toString(), System.nanoTime());
                producer.send(record);
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        }
        reader.join(60_000);
        // The first second warms up connections and metadata; it is not the steady state.
        List<Double> steady = new ArrayList<>(latencies);
        return steady.subList(Math.min(rate, steady.size()), steady.size());
    }

    private static void read(
            KafkaClients clients,
            String topic,
            Map<String, Long> sent,
            List<Double> latencies,
            int total,
            boolean plain) {
        ContractCodec codec = new ContractCodec();
        try (KafkaConsumer<String, byte[]> consumer = clients.consumer(null)) {
            List<TopicPartition> partitions =
                    IntStream.range(0, PARTITIONS)
                            .mapToObj(p -> new TopicPartition(topic, p))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            long deadline = System.currentTimeMillis() + 120_000;
            while (latencies.size() < total && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    String id =
                            plain
                                    ? codec.decodeCommand(record.value()).commandId().toString()
                                    : codec.decodeEvent(record.value()).commandId().toString();
                    Long at = sent.remove(id);
                    if (at != null) {
                        latencies.add((now - at) / 1e6);
                    }
                }
            }
        }
    }

    private static String incident(int i) {
        return "api-latency-" + i;
    }

    private static void report(String what, List<Double> latencies) {
        System.out.printf(
                "%-28s n=%d p50 %.1f ms, p99 %.1f ms%n",
                what, latencies.size(), percentile(latencies, 50), percentile(latencies, 99));
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
