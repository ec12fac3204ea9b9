package dev.incident.reminder.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.IncidentCommand.IssueReminder;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.kafka.Topics;
import dev.incident.events.model.Actor;
import dev.incident.events.model.IncidentStatus;
import dev.incident.events.model.ReminderRule;
import dev.incident.events.model.Severity;
import dev.incident.reminder.IncidentLog;
import dev.incident.reminder.domain.ReminderRules;
import dev.incident.reminder.messaging.ReminderEngine;
import dev.incident.testing.KafkaResource;
import dev.incident.testing.LocalKafka;

/**
 * The whole service on the real broker with N open incidents (two events each) on topics of its
 * own: the time to rebuild them from the log against a plain consumer reading the same records, and
 * the lateness of their reminders, measured at the broker (the command's record timestamp), against
 * an executor that sends the same commands with a plain producer at the same due times. Arguments:
 * incidents, firing window seconds (defaults 10000 10). See docs/performance.md.
 */
public final class ReminderLogBenchmark {

    private static final ContractCodec CODEC = new ContractCodec();

    /** The wall clock plus an offset the benchmark sets once the log is rebuilt. */
    static final class ShiftedClock extends Clock {
        private volatile Duration shift = Duration.ZERO;

        @Override
        public Instant instant() {
            return Instant.now().plus(shift);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private ReminderLogBenchmark() {}

    public static void main(String[] args) throws Exception {
        int incidents = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Duration window = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
        String bootstrap = LocalKafka.bootstrapServers();
        Topics.Names topics =
                Topics.Names.withPrefix(
                        "bench-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        KafkaResource.createTopics(bootstrap, topics);

        Instant fireStart = Instant.parse("2026-12-03T10:00:00Z");
        List<Instant> due = write(bootstrap, topics, incidents, fireStart, window);
        System.out.printf(
                Locale.ROOT,
                "%d incidents, %d events on %s%n",
                incidents,
                2 * incidents,
                topics.events());

        long plainRead = plainReadNanos(bootstrap, topics);
        ShiftedClock clock = new ShiftedClock();
        clock.shift = Duration.between(Instant.now(), fireStart).minusHours(1);
        long started = System.nanoTime();
        try (ReminderEngine engine =
                ReminderEngine.start(
                        new ReminderEngine.Settings(
                                bootstrap,
                                "bench-" + UUID.randomUUID(),
                                topics,
                                ReminderRules.standard(),
                                clock,
                                Duration.ofSeconds(1),
                                Duration.ofMillis(500),
                                Map.of()))) {
            while (!(engine.caughtUp() && engine.board().scheduledCount() == incidents)) {
                Thread.sleep(10);
            }
            long rebuild = System.nanoTime() - started;
            System.out.printf(
                    Locale.ROOT, "%n%-40s %10s %10s %8s%n", "", "plain", "service", "ratio");
            line("rebuild from the log (ms)", plainRead / 1e6, rebuild / 1e6);

            Instant realFireStart = Instant.now().plusSeconds(3);
            clock.shift = Duration.between(realFireStart, fireStart);
            long[] ours = lateness(bootstrap, topics, incidents, due, clock.shift);
            long[] baseline = baseline(bootstrap, topics, due, fireStart);
            Arrays.sort(ours);
            Arrays.sort(baseline);
            line("lateness of the command p50 (ms)", pct(baseline, 50), pct(ours, 50));
            line("lateness of the command p99 (ms)", pct(baseline, 99), pct(ours, 99));
            line("lateness of the command max (ms)", pct(baseline, 100), pct(ours, 100));
            line("later than 1 s (count)", over(baseline), over(ours));
        }
    }

    private static List<Instant> write(
            String bootstrap,
            Topics.Names topics,
            int incidents,
            Instant fireStart,
            Duration window)
            throws Exception {
        ContractRecords records = new ContractRecords(CODEC, topics);
        List<Instant> due = new ArrayList<>();
        long step = window.toNanos() / incidents;
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            for (int i = 0; i < incidents; i++) {
                Instant update = fireStart.plusNanos(step * i).minus(Duration.ofMinutes(30));
                IncidentLog log = IncidentLog.of("bench-" + i + "-" + UUID.randomUUID());
                producer.send(
                        records.event(log.declaredLive(Severity.P1, update.minusSeconds(600))));
                producer.send(
                        records.event(
                                log.statusChanged(
                                        IncidentStatus.INVESTIGATING,
                                        IncidentStatus.FIXING,
                                        update)));
                due.add(update.plus(Duration.ofMinutes(30)));
            }
            producer.flush();
        }
        return due;
    }

    /** How long a plain consumer takes to read both topics to their end, decoding nothing. */
    private static long plainReadNanos(String bootstrap, Topics.Names topics) {
        long started = System.nanoTime();
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(topics.events(), topics.commands())) {
                consumer.partitionsFor(topic)
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(100));
            }
        }
        return System.nanoTime() - started;
    }

    /**
     * Lateness in ms: the command record's timestamp (set at send) on the shifted clock minus due.
     */
    private static long[] lateness(
            String bootstrap, Topics.Names topics, int incidents, List<Instant> due, Duration shift)
            throws Exception {
        List<Long> lateness = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topics.commands()).stream()
                            .map(p -> new TopicPartition(topics.commands(), p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (lateness.size() < incidents && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record :
                        consumer.poll(Duration.ofMillis(200))) {
                    CommandEnvelope command = CODEC.decodeCommand(record.value());
                    if (command.command() instanceof IssueReminder reminder) {
                        Instant sentAt = Instant.ofEpochMilli(record.timestamp()).plus(shift);
                        lateness.add(Duration.between(reminder.dueAt(), sentAt).toMillis());
                    }
                }
            }
        }
        return lateness.stream().mapToLong(Long::longValue).toArray();
    }

    /** The same due times fired by a single-thread executor sending with a plain producer. */
    private static long[] baseline(
            String bootstrap, Topics.Names topics, List<Instant> due, Instant fireStart)
            throws Exception {
        Topics.Names baselineTopics =
                Topics.Names.withPrefix(topics.commands().replace("incident.commands", "base."));
        KafkaResource.createTopics(bootstrap, baselineTopics);
        ContractRecords records = new ContractRecords(CODEC, baselineTopics);
        Instant realStart = Instant.now().plusSeconds(3);
        Duration shift = Duration.between(realStart, fireStart);
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            for (Instant at : due) {
                String incidentId = UUID.randomUUID().toString();
                executor.schedule(
                        () -> producer.send(records.command(command(incidentId, at))),
                        Duration.between(Instant.now().plus(shift), at).toNanos(),
                        TimeUnit.NANOSECONDS);
            }
            return lateness(bootstrap, baselineTopics, due.size(), due, shift);
        } finally {
            executor.shutdownNow();
        }
    }

    private static CommandEnvelope command(String incidentId, Instant dueAt) {
        return CommandEnvelope.of(
                        incidentId,
                        Actor.service("baseline"),
                        Instant.now(),
                        new IssueReminder(ReminderRule.CUSTOMER_UPDATE, dueAt, "baseline"))
                .withIdempotencyKey("baseline:" + incidentId);
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        5),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(
                Map.of("bootstrap.servers", bootstrap),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double over(long[] lateness) {
        return Arrays.stream(lateness).filter(l -> l > 1000).count();
    }

    private static void line(String what, double baseline, double ours) {
        String ratio = baseline == 0 ? "-" : String.format(Locale.ROOT, "%.2f", ours / baseline);
        System.out.printf(Locale.ROOT, "%-40s %10.1f %10.1f %8s%n", what, baseline, ours, ratio);
    }
}
