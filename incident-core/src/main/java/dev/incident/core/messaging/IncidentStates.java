package dev.incident.core.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import dev.incident.core.domain.IncidentHistory;
import dev.incident.core.domain.ReferenceBook;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.event.IncidentEvent.IncidentDeclared;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.json.ContractException;

/**
 * The histories of the incidents on the partitions this instance owns, rebuilt from {@code
 * incident.events} when partitions are assigned. Commands and events of one incident share a
 * partition number because both topics are keyed by incident id and have the same partition count.
 */
public final class IncidentStates {

    private static final Logger LOG = Logger.getLogger(IncidentStates.class);

    private final KafkaClients clients;
    private final String eventsTopic;
    private final ContractCodec codec;
    private final ReferenceBook references = new ReferenceBook();
    private final Map<Integer, Map<String, IncidentHistory>> byPartition = new HashMap<>();

    public IncidentStates(KafkaClients clients, String eventsTopic, ContractCodec codec) {
        this.clients = clients;
        this.eventsTopic = eventsTopic;
        this.codec = codec;
    }

    public ReferenceBook references() {
        return references;
    }

    /** The history of an incident on {@code partition}; empty when it has no events. */
    IncidentHistory history(int partition, String incidentId) {
        return byPartition
                .computeIfAbsent(partition, p -> new HashMap<>())
                .computeIfAbsent(incidentId, IncidentHistory::empty);
    }

    /** Records an appended event in memory. */
    void apply(int partition, EventEnvelope event) {
        history(partition, event.incidentId()).apply(event);
        if (event.payload() instanceof IncidentDeclared declared) {
            references.taken(declared.reference(), event.incidentId());
        }
    }

    void forget(Collection<Integer> partitions) {
        partitions.forEach(byPartition::remove);
    }

    /** Reads the events of {@code partitions} from the start to the last committed record. */
    public long rebuild(Collection<Integer> partitions) {
        forget(partitions);
        if (partitions.isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        List<TopicPartition> assigned =
                partitions.stream().map(p -> new TopicPartition(eventsTopic, p)).toList();
        long events = 0;
        try (KafkaConsumer<String, byte[]> consumer = clients.consumer(null)) {
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
            while (!reached(consumer, end)) {
                List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
                consumer.poll(Duration.ofMillis(200)).forEach(batch::add);
                applyStored(batch);
                events += batch.size();
            }
        }
        LOG.infof(
                "rebuilt the incidents of partitions %s from %d events in %d ms",
                partitions, events, (System.nanoTime() - started) / 1_000_000);
        return events;
    }

    /** Decodes a batch on all cores (decoding is most of the work), then folds it in order. */
    private void applyStored(List<ConsumerRecord<String, byte[]>> batch) {
        List<EventEnvelope> decoded = batch.parallelStream().map(this::decode).toList();
        for (int i = 0; i < batch.size(); i++) {
            EventEnvelope event = decoded.get(i);
            if (event == null) {
                continue;
            }
            try {
                apply(batch.get(i).partition(), event);
            } catch (IllegalStateException e) {
                LOG.errorf(
                        e,
                        "incident %s: event %d out of order",
                        event.incidentId(),
                        event.sequence());
            }
        }
    }

    private EventEnvelope decode(ConsumerRecord<String, byte[]> record) {
        try {
            return codec.decodeEvent(record.value());
        } catch (ContractException e) {
            // The log is written by incident-core alone; an event it cannot read means a bug or
            // damage, and the incident stays at its last good event.
            LOG.errorf(
                    e, "incident %s: unreadable event at offset %d", record.key(), record.offset());
            return null;
        }
    }

    private static boolean reached(
            KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
