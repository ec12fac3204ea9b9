package dev.incident.core.projection;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import dev.incident.events.event.EventEnvelope;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.json.ContractException;
import dev.incident.events.json.ContractJson;
import dev.incident.events.state.IncidentState;

/**
 * Reads {@code incident.events} (every partition) into PostgreSQL: the incident rows, the copy of
 * each event, and the next offset per partition, all three in one database transaction per poll, so
 * a restart continues exactly where the last committed transaction ended.
 */
public final class Projector implements Runnable {

    private static final Logger LOG = Logger.getLogger(Projector.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final DeadLetters deadLetters;
    private final List<Map.Entry<ConsumerRecord<String, byte[]>, Exception>> unreadable =
            new java.util.ArrayList<>();
    private final String topic;
    private final int progressEvery;
    private final ContractCodec codec = new ContractCodec();
    private final Map<String, IncidentState> cache = new HashMap<>();
    private final AtomicBoolean rebuildRequested = new AtomicBoolean();
    private final AtomicLong lag = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private boolean rebuilding;
    private long rebuiltEvents;

    public Projector(
            KafkaConsumer<String, byte[]> consumer,
            String topic,
            int progressEvery,
            DeadLetters deadLetters) {
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.topic = topic;
        this.progressEvery = progressEvery;
    }

    @Override
    public void run() {
        try (consumer) {
            List<TopicPartition> partitions = partitions();
            consumer.assign(partitions);
            seekToApplied(partitions);
            LOG.infof("projecting %s into PostgreSQL", topic);
            while (running) {
                if (rebuildRequested.getAndSet(false)) {
                    startRebuild(partitions);
                }
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(200));
                project(batch, partitions);
                measureLag(partitions);
            }
        } catch (WakeupException e) {
            LOG.debug("projection woken up to stop");
        } catch (RuntimeException e) {
            LOG.error("the projection stopped", e);
        }
    }

    /** Where records the projection cannot read go, with the error. */
    public interface DeadLetters {
        void send(ConsumerRecord<String, byte[]> record, Exception error);
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }

    /** Asks for the read model to be emptied and filled again from the start of the log. */
    public void requestRebuild() {
        rebuildRequested.set(true);
    }

    /** Records on the log not yet in the database. */
    public long lag() {
        return lag.get();
    }

    /** True once the projection has been at the end of the log at least once. */
    public boolean caughtUp() {
        return caughtUp;
    }

    private void project(ConsumerRecords<String, byte[]> batch, List<TopicPartition> partitions) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            unreadable.clear();
            VertxContextSupport.subscribeAndAwait(() -> apply(batch));
            // Sent here, on this thread: a Kafka send may block, the event loop must not.
            unreadable.forEach(bad -> deadLetters.send(bad.getKey(), bad.getValue()));
            logRebuildProgress(batch.count());
        } catch (Throwable e) {
            LOG.warn("could not store a batch of events; reading it again", e);
            cache.clear();
            seekToApplied(partitions);
            pause(1000);
        }
    }

    private Uni<Void> apply(ConsumerRecords<String, byte[]> batch) {
        Map<String, Long> next = new HashMap<>();
        return Panache.withTransaction(
                () -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (ConsumerRecord<String, byte[]> record : batch) {
                        next.put(key(record.topic(), record.partition()), record.offset() + 1);
                        chain = chain.chain(() -> apply(record));
                    }
                    return chain.chain(() -> saveOffsets(next));
                });
    }

    private Uni<Void> apply(ConsumerRecord<String, byte[]> record) {
        EventEnvelope event;
        try {
            event = codec.decodeEvent(record.value());
        } catch (ContractException e) {
            // Only incident-core writes the log; an unreadable event is damage to look at: it goes
            // to the dead letter, and the incident's row stays at its last readable event.
            LOG.errorf(
                    e, "incident %s: unreadable event at offset %d", record.key(), record.offset());
            unreadable.add(Map.entry(record, e));
            return Uni.createFrom().voidItem();
        }
        return state(event.incidentId()).chain(state -> apply(record, event, state));
    }

    private Uni<Void> apply(
            ConsumerRecord<String, byte[]> record, EventEnvelope event, IncidentState state) {
        if (event.sequence() <= state.lastSequence()) {
            LOG.debugf(
                    "incident %s: event %d is stored already",
                    event.incidentId(), event.sequence());
            return Uni.createFrom().voidItem();
        }
        state.apply(event);
        StoredEvent stored = new StoredEvent();
        stored.eventId = event.eventId().toString();
        stored.incidentId = event.incidentId();
        stored.sequence = event.sequence();
        stored.type = event.type();
        stored.recordedAt = event.recordedAt();
        stored.logPartition = record.partition();
        stored.logOffset = record.offset();
        stored.json = new String(record.value(), StandardCharsets.UTF_8);
        return stored.persist()
                .chain(() -> IncidentRow.<IncidentRow>findById(event.incidentId()))
                .chain(row -> saveRow(row, state));
    }

    private Uni<Void> saveRow(IncidentRow found, IncidentState state) {
        IncidentRow row = found == null ? new IncidentRow() : found;
        row.id = state.incidentId();
        row.reference = state.reference();
        row.title = state.title();
        row.status = state.status() == null ? null : state.status().name();
        row.severity = state.severity() == null ? null : state.severity().name();
        row.customerId = state.customer() == null ? null : state.customer().id();
        row.declaredAt = state.declaredAt();
        row.updatedAt = state.lastRecordedAt();
        row.lastSequence = state.lastSequence();
        row.view = json(IncidentView.of(state));
        return found == null ? row.persist().replaceWithVoid() : Uni.createFrom().voidItem();
    }

    /** The incident's state: from memory, or folded from its stored events. */
    private Uni<IncidentState> state(String incidentId) {
        IncidentState known = cache.get(incidentId);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return StoredEvent.<StoredEvent>list("incidentId = ?1 order by sequence", incidentId)
                .map(
                        stored -> {
                            IncidentState state = IncidentState.empty(incidentId);
                            stored.forEach(e -> state.apply(codec.decodeEvent(bytes(e))));
                            cache.put(incidentId, state);
                            return state;
                        });
    }

    private static String key(String topic, int partition) {
        return topic + "-" + partition;
    }

    private Uni<Void> saveOffsets(Map<String, Long> next) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, Long> entry : next.entrySet()) {
            chain =
                    chain.chain(() -> AppliedOffset.<AppliedOffset>findById(entry.getKey()))
                            .chain(
                                    found -> {
                                        AppliedOffset offset =
                                                found == null ? new AppliedOffset() : found;
                                        offset.logPartition = entry.getKey();
                                        offset.nextOffset = entry.getValue();
                                        return found == null
                                                ? offset.persist().replaceWithVoid()
                                                : Uni.createFrom().voidItem();
                                    });
        }
        return chain;
    }

    private void seekToApplied(List<TopicPartition> partitions) {
        List<AppliedOffset> applied =
                await(() -> Panache.withSession(() -> AppliedOffset.<AppliedOffset>listAll()));
        Map<String, Long> next = new HashMap<>();
        applied.forEach(a -> next.put(a.logPartition, a.nextOffset));
        for (TopicPartition partition : partitions) {
            consumer.seek(partition, next.getOrDefault(key(topic, partition.partition()), 0L));
        }
    }

    private void startRebuild(List<TopicPartition> partitions) {
        LOG.info("rebuild: emptying the read model and reading the log from its start");
        await(
                () ->
                        Panache.withTransaction(
                                () ->
                                        StoredEvent.deleteAll()
                                                .chain(() -> IncidentRow.deleteAll())
                                                .chain(() -> AppliedOffset.deleteAll())));
        cache.clear();
        consumer.seekToBeginning(partitions);
        rebuilding = true;
        rebuiltEvents = 0;
        caughtUp = false;
    }

    private void logRebuildProgress(int applied) {
        if (!rebuilding) {
            return;
        }
        long before = rebuiltEvents;
        rebuiltEvents += applied;
        if (before / progressEvery != rebuiltEvents / progressEvery) {
            LOG.infof("rebuild: %d events applied, %d to go", rebuiltEvents, lag.get());
        }
    }

    private void measureLag(List<TopicPartition> partitions) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long total = 0;
        for (TopicPartition partition : partitions) {
            total += Math.max(0, end.get(partition) - consumer.position(partition));
        }
        lag.set(total);
        if (total == 0 && !caughtUp) {
            caughtUp = true;
            if (rebuilding) {
                rebuilding = false;
                LOG.infof("rebuild: done, %d events applied", rebuiltEvents);
            }
        }
    }

    private List<TopicPartition> partitions() {
        return consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
    }

    private static String json(Object value) {
        try {
            return ContractJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the incident view", e);
        }
    }

    static byte[] bytes(StoredEvent stored) {
        return stored.json.getBytes(StandardCharsets.UTF_8);
    }

    private static <T> T await(java.util.function.Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new IllegalStateException("the read model did not answer", e);
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
