package dev.incident.core.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.CommandResult;
import dev.incident.events.command.IncidentCommand.DeclareIncident;
import dev.incident.events.command.IncidentCommand.UpdateSummary;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.kafka.RecordHeaders;
import dev.incident.events.kafka.Topics;
import dev.incident.events.model.Actor;
import dev.incident.events.model.Customer;
import dev.incident.events.model.DeclarationSource;
import dev.incident.events.model.IncidentMode;
import dev.incident.events.model.Severity;
import dev.incident.testing.KafkaResource;
import dev.incident.testing.LocalKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The command loop against the real broker, on topics of its own. */
class CommandLoopIT {

    private static final Actor ALICE = Actor.slackUser("U-ALICE", "Alice");

    private final ContractCodec codec = new ContractCodec();
    private final List<CommandLoop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private String prefix;
    private Topics.Names topics;
    private ContractRecords records;
    private KafkaClients clients;
    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void topicsOfItsOwn() {
        prefix = "it-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        topics = Topics.Names.withPrefix(prefix);
        KafkaResource.createTopics(LocalKafka.bootstrapServers(), topics);
        records = new ContractRecords(codec, topics);
        clients = new KafkaClients(LocalKafka.bootstrapServers(), prefix);
        producer = clients.producer();
    }

    @AfterEach
    void stopLoops() throws InterruptedException {
        loops.forEach(CommandLoop::stop);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        producer.close();
    }

    @Test
    void shouldAppendExactlyOneEventPerCommandWhenTheCommandIsDeliveredTwice() throws Exception {
        startLoop();
        CommandEnvelope declare = declare("api-redelivered");
        CommandEnvelope summary =
                CommandEnvelope.of("api-redelivered", ALICE, Instant.now(), new UpdateSummary("x"));

        send(declare, declare, summary, summary, declare);

        List<CommandResult> results = awaitResults(5);
        assertThat(results)
                .extracting(r -> r.getClass().getSimpleName())
                .containsExactly("Accepted", "Duplicate", "Accepted", "Duplicate", "Duplicate");
        List<EventEnvelope> events = events(2);
        assertThat(events)
                .extracting(EventEnvelope::commandId)
                .containsExactly(declare.commandId(), summary.commandId());
    }

    @Test
    void shouldNeitherDuplicateNorSkipWhenStoppedMidStreamAndRestarted() throws Exception {
        CommandLoop first = startLoop();
        List<String> incidents = List.of("api-a", "api-b", "api-c", "api-d", "api-e");
        for (String incident : incidents) {
            send(declare(incident));
        }
        int updates = 60;

        Thread feeder =
                new Thread(
                        () -> {
                            for (int i = 0; i < updates; i++) {
                                for (String incident : incidents) {
                                    send(update(incident, "update " + i));
                                }
                                pause(5);
                            }
                        });
        feeder.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> countResults() >= 80);
        first.stop();
        threads.get(0).join(10_000);
        startLoop();
        feeder.join();

        int commands = incidents.size() * (updates + 1);
        List<CommandResult> results = awaitResults(commands);
        assertThat(results).allMatch(r -> r instanceof CommandResult.Accepted);
        List<EventEnvelope> events = events(commands);
        Map<String, List<Long>> sequences =
                events.stream()
                        .collect(
                                Collectors.groupingBy(
                                        EventEnvelope::incidentId,
                                        Collectors.mapping(
                                                EventEnvelope::sequence, Collectors.toList())));
        for (String incident : incidents) {
            assertThat(sequences.get(incident))
                    .as(incident)
                    .containsExactlyElementsOf(
                            java.util.stream.LongStream.rangeClosed(1, updates + 1)
                                    .boxed()
                                    .toList());
        }
        assertThat(events).extracting(EventEnvelope::commandId).doesNotHaveDuplicates();
    }

    @Test
    void shouldNeitherDuplicateNorSkipWhenARestartedInstanceFencesACrashedOneMidStream()
            throws Exception {
        startLoop();
        List<String> incidents = List.of("api-f1", "api-f2", "api-f3");
        for (String incident : incidents) {
            send(declare(incident));
        }
        int updates = 80;
        Thread feeder =
                new Thread(
                        () -> {
                            for (int i = 0; i < updates; i++) {
                                for (String incident : incidents) {
                                    send(update(incident, "update " + i));
                                }
                                pause(3);
                            }
                        });
        feeder.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> countResults() >= 60);

        // The same transactional id, as a restarted pod would have: it fences the first loop,
        // whose open transaction is aborted wherever it was.
        startLoop();
        feeder.join();

        int commands = incidents.size() * (updates + 1);
        List<CommandResult> results = awaitResults(commands);
        assertThat(results).extracting(CommandResult::commandId).doesNotHaveDuplicates();
        List<EventEnvelope> events = events(commands);
        assertThat(events).extracting(EventEnvelope::commandId).doesNotHaveDuplicates();
        for (String incident : incidents) {
            assertThat(events.stream().filter(e -> e.incidentId().equals(incident)))
                    .extracting(EventEnvelope::sequence)
                    .containsExactlyElementsOf(
                            java.util.stream.LongStream.rangeClosed(1, updates + 1)
                                    .boxed()
                                    .toList());
        }
    }

    @Test
    void shouldDeadLetterAPoisonRecordAndDecideTheNextCommand() throws Exception {
        startLoop();
        byte[] poison = "{not json".getBytes();

        producer.send(new ProducerRecord<>(topics.commands(), "api-poison", poison)).get();
        send(declare("api-poison"));

        List<CommandResult> results = awaitResults(1);
        assertThat(results.get(0)).isInstanceOf(CommandResult.Accepted.class);
        List<ConsumerRecord<String, byte[]>> dead = read(topics.deadLetter(), 1);
        assertThat(dead.get(0).value()).isEqualTo(poison);
        assertThat(dead.get(0).key()).isEqualTo("api-poison");
        assertThat(
                        ContractRecords.header(
                                dead.get(0).headers(), RecordHeaders.DEAD_LETTER_CONSUMER))
                .contains("incident-core");
    }

    @Test
    void shouldRejectWithoutAppendingAndRememberStateAcrossARestart() throws Exception {
        CommandLoop first = startLoop();
        send(declare("api-restart"));
        awaitResults(1);
        first.stop();
        threads.get(0).join(10_000);

        startLoop();
        send(
                declare("api-restart"),
                CommandEnvelope.of(
                        "api-restart",
                        ALICE,
                        Instant.now(),
                        new dev.incident.events.command.IncidentCommand.DeclineIncident("no")));

        List<CommandResult> results = awaitResults(3);
        assertThat(results.get(1)).isInstanceOf(CommandResult.Duplicate.class);
        assertThat(((CommandResult.Rejected) results.get(2)).reason())
                .contains("only a triage incident can be declined");
        assertThat(events(1)).hasSize(1);
    }

    private CommandLoop startLoop() {
        CommandLoop loop =
                new CommandLoop(
                        clients,
                        records,
                        "incident-core-it",
                        Duration.ofMillis(100),
                        Clock.systemUTC(),
                        new SimpleMeterRegistry());
        Thread thread = new Thread(loop, "loop-" + loops.size());
        loops.add(loop);
        threads.add(thread);
        thread.start();
        return loop;
    }

    private CommandEnvelope declare(String incidentId) {
        return CommandEnvelope.of(
                incidentId,
                ALICE,
                Instant.now(),
                new DeclareIncident(
                        "Checkout down",
                        null,
                        DeclarationSource.API,
                        IncidentMode.LIVE,
                        Severity.P1,
                        Customer.known("acme", "ACME"),
                        ALICE,
                        null,
                        null));
    }

    private static CommandEnvelope update(String incidentId, String summary) {
        return CommandEnvelope.of(incidentId, ALICE, Instant.now(), new UpdateSummary(summary));
    }

    private void send(CommandEnvelope... commands) {
        try {
            for (CommandEnvelope command : commands) {
                producer.send(records.command(command)).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<CommandResult> awaitResults(int expected) {
        List<CommandResult> results = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            results.clear();
                            read(topics.commandResults(), 0).stream()
                                    .map(r -> codec.decodeResult(r.value()))
                                    .forEach(results::add);
                            return results.size() >= expected;
                        });
        // Results are keyed by command id, so only those of one command are in order: sort by time.
        results.sort(java.util.Comparator.comparing(CommandResult::decidedAt));
        assertThat(results).hasSize(expected);
        return results;
    }

    private long countResults() {
        return read(topics.commandResults(), 0).size();
    }

    private List<EventEnvelope> events(int expected) {
        List<EventEnvelope> events =
                read(topics.events(), expected).stream()
                        .map(r -> codec.decodeEvent(r.value()))
                        .toList();
        assertThat(events).hasSize(expected);
        return events;
    }

    /** Every committed record of {@code topic}, waiting up to a few seconds for at least min. */
    private List<ConsumerRecord<String, byte[]>> read(String topic, int min) {
        try (KafkaConsumer<String, byte[]> consumer = clients.consumer(null)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            long deadline = System.currentTimeMillis() + (min > 0 ? 10_000 : 0);
            while (!partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))
                    || (found.size() < min && System.currentTimeMillis() < deadline)) {
                consumer.poll(Duration.ofMillis(100)).forEach(found::add);
            }
            return found;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
