package dev.incident.tickets.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import dev.incident.events.event.EventEnvelope;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.json.ContractException;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.state.IncidentState;
import dev.incident.events.state.IncidentState.FollowUp;
import dev.incident.tickets.domain.FollowUpExporter;
import dev.incident.tickets.domain.FollowUpExporter.Outcome;
import dev.incident.tickets.domain.IncidentLedger;

/**
 * Reads {@code incident.events} in a consumer group, so each incident has one owning instance at a
 * time, and folds every owned incident from the start of the log: on each partition assignment it
 * reads the partition from its beginning and acts only once it has caught up, so follow-ups the log
 * already records as exported are never exported again. Then it exports the follow-ups that are
 * due; undecodable or out-of-order records go to {@code incident.dead-letter}.
 */
public final class EventLogConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(EventLogConsumer.class);

    public static final String CONSUMER_NAME = "ticket-exporter";

    private static final Duration POLL = Duration.ofMillis(500);
    private static final long DEAD_LETTER_TIMEOUT_SECONDS = 30;

    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> producer;
    private final ContractCodec codec;
    private final ContractRecords records;
    private final IncidentLedger ledger;
    private final FollowUpExporter exporter;
    private final Duration retryInterval;
    private final Clock clock;

    private final Map<TopicPartition, Long> catchingUp = new HashMap<>();
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private boolean sweepDue;
    private Instant nextSweep = Instant.MIN;

    public EventLogConsumer(
            Consumer<String, byte[]> consumer,
            Producer<String, byte[]> producer,
            ContractCodec codec,
            ContractRecords records,
            IncidentLedger ledger,
            FollowUpExporter exporter,
            Duration retryInterval,
            Clock clock) {
        this.consumer = consumer;
        this.producer = producer;
        this.codec = codec;
        this.records = records;
        this.ledger = ledger;
        this.exporter = exporter;
        this.retryInterval = retryInterval;
        this.clock = clock;
    }

    @Override
    public void run() {
        String topic = records.topics().events();
        consumer.subscribe(List.of(topic), new FromTheBeginning());
        LOG.infof("Reading %s in group %s", topic, CONSUMER_NAME);
        try {
            while (running) {
                pollOnce();
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("Woken up while still running: stopped reading the event log", e);
            }
        } catch (RuntimeException e) {
            LOG.error("Stopped reading the event log after an unexpected error", e);
        } finally {
            consumer.close();
            LOG.info("Stopped reading the event log");
        }
    }

    /** Stops the loop from another thread; the loop closes the consumer. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    /** True once every owned partition was read up to where it ended when it was assigned. */
    public boolean caughtUp() {
        return caughtUp;
    }

    void pollOnce() {
        Set<String> touched = new LinkedHashSet<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
            handle(record, touched);
        }

        if (!updateCatchUp()) {
            return;
        }
        Instant now = clock.instant();
        if (sweepDue || now.isAfter(nextSweep)) {
            sweepDue = false;
            nextSweep = now.plus(retryInterval);
            exportDue(ledger.incidentIds(), now);
        } else {
            exportDue(touched, now);
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record, Set<String> touched) {
        try {
            EventEnvelope event = codec.decodeEvent(record.value());

            if (ledger.apply(event, record.partition()) == IncidentLedger.Applied.DUPLICATE) {
                LOG.debugf(
                        "Incident %s: event %d seen before, skipped",
                        event.incidentId(), event.sequence());
                return;
            }
            touched.add(event.incidentId());
        } catch (ContractException | IllegalStateException | IllegalArgumentException e) {
            deadLetter(record, e);
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, Exception error) {
        LOG.warnf(
                "Incident %s: record %s-%d@%d cannot be processed, sent to the dead-letter topic:"
                        + " %s",
                record.key(),
                record.topic(),
                record.partition(),
                record.offset(),
                error.getMessage());
        try {
            producer.send(records.deadLetter(record, CONSUMER_NAME, error))
                    .get(DEAD_LETTER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.errorf(e, "Incident %s: could not dead-letter a record", record.key());
        }
    }

    /** True when every owned partition has been read up to its end offset at assignment. */
    private boolean updateCatchUp() {
        catchingUp
                .entrySet()
                .removeIf(entry -> consumer.position(entry.getKey()) >= entry.getValue());
        boolean now = catchingUp.isEmpty();
        if (now && !caughtUp) {
            LOG.infof("Caught up with the event log: %d incidents known", ledger.size());
        }
        caughtUp = now;
        return now;
    }

    private void exportDue(Collection<String> incidentIds, Instant now) {
        for (String incidentId : incidentIds) {
            IncidentState state = ledger.state(incidentId);
            for (FollowUp followUp : ledger.due(incidentId, now)) {
                if (!running) {
                    return;
                }
                Outcome outcome = exporter.export(state, followUp);
                if (outcome != Outcome.RETRY_LATER) {
                    ledger.handled(incidentId, followUp.id());
                }
            }
        }
    }

    /** Reads every newly owned partition from its beginning and drops what is no longer owned. */
    private final class FromTheBeginning implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            consumer.seekToBeginning(partitions);
            catchingUp.putAll(consumer.endOffsets(partitions));
            sweepDue = true;
            caughtUp = false;
            LOG.infof("Owning %s now: reading them from the beginning", partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            drop(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            drop(partitions);
        }

        private void drop(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            catchingUp.keySet().removeAll(partitions);
            ledger.forget(partitions.stream().map(TopicPartition::partition).toList());
            LOG.infof("No longer owning %s", partitions);
        }
    }
}
