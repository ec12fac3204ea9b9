package dev.incident.core.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import dev.incident.core.domain.CommandDecider;
import dev.incident.core.domain.Decision;
import dev.incident.core.domain.IncidentHistory;
import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.CommandResult;
import dev.incident.events.event.EventChain;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.kafka.ContractRecords;

/**
 * Reads {@code incident.commands}, decides each command, and writes the events to {@code
 * incident.events}, the result to {@code incident.command-results} (unreadable records to {@code
 * incident.dead-letter}) and the consumed offsets, all in one Kafka transaction per poll.
 */
public final class CommandLoop implements Runnable {

    static final String CONSUMER = "incident-core";

    private static final Logger LOG = Logger.getLogger(CommandLoop.class);

    private final KafkaClients clients;
    private final ContractRecords records;
    private final ContractCodec codec;
    private final String transactionalId;
    private final Duration pollTimeout;
    private final Clock clock;
    private final MeterRegistry meters;
    private final IncidentStates states;
    private final CommandDecider decider;
    private volatile boolean running = true;
    private volatile boolean assigned;
    private KafkaConsumer<String, byte[]> consumer;

    public CommandLoop(
            KafkaClients clients,
            ContractRecords records,
            String transactionalId,
            Duration pollTimeout,
            Clock clock,
            MeterRegistry meters) {
        this.clients = clients;
        this.records = records;
        this.codec = new ContractCodec();
        this.transactionalId = transactionalId;
        this.pollTimeout = pollTimeout;
        this.clock = clock;
        this.meters = meters;
        this.states = new IncidentStates(clients, records.topics().events(), codec);
        this.decider = new CommandDecider(new EventChain(codec), states.references());
    }

    @Override
    public void run() {
        try (KafkaConsumer<String, byte[]> commands = clients.consumer(CONSUMER);
                KafkaProducer<String, byte[]> producer =
                        clients.transactionalProducer(transactionalId)) {
            consumer = commands;
            producer.initTransactions();
            commands.subscribe(List.of(records.topics().commands()), new Rebalance());
            LOG.infof("deciding commands from %s", records.topics().commands());
            while (running) {
                ConsumerRecords<String, byte[]> batch = commands.poll(pollTimeout);
                if (!batch.isEmpty()) {
                    decideInOneTransaction(batch, producer);
                }
            }
        } catch (WakeupException e) {
            LOG.debug("command loop woken up to stop");
        } catch (ProducerFencedException e) {
            LOG.error("another instance took over this transactional id; this one stops", e);
        } catch (RuntimeException e) {
            LOG.error("the command loop stopped", e);
        } finally {
            running = false;
            assigned = false;
        }
    }

    /** Asks the loop to finish its current transaction and stop. */
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    /** True while the loop runs and owns partitions of incident.commands. */
    public boolean ready() {
        return running && assigned;
    }

    private void decideInOneTransaction(
            ConsumerRecords<String, byte[]> batch, KafkaProducer<String, byte[]> producer) {
        Tally tally = new Tally();
        try {
            producer.beginTransaction();
            for (ConsumerRecord<String, byte[]> record : batch) {
                handle(record, producer, tally);
            }
            producer.sendOffsetsToTransaction(nextOffsets(batch), consumer.groupMetadata());
            producer.commitTransaction();
            tally.publish(meters);
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.warn("a transaction failed; aborting and deciding the batch again", e);
            producer.abortTransaction();
            rewind();
        }
    }

    private void handle(
            ConsumerRecord<String, byte[]> record,
            KafkaProducer<String, byte[]> producer,
            Tally tally) {
        CommandEnvelope command;
        CommandResult result;
        try {
            command = codec.decodeCommand(record.value());
            if (!command.incidentId().equals(record.key())) {
                throw new IllegalArgumentException(
                        "record key "
                                + record.key()
                                + " is not the incident id "
                                + command.incidentId());
            }
            result = decide(record.partition(), command, producer, tally);
        } catch (KafkaException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf(
                    "command at %s-%d@%d goes to the dead letter: %s",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
            producer.send(records.deadLetter(record, CONSUMER, e));
            tally.deadLetters++;
            return;
        }
        producer.send(records.result(result));
        tally.count(command.type(), result);
    }

    private CommandResult decide(
            int partition,
            CommandEnvelope command,
            KafkaProducer<String, byte[]> producer,
            Tally tally) {
        IncidentHistory history = states.history(partition, command.incidentId());
        Decision decision = decider.decide(history, command, clock.instant());
        UUID id = command.commandId();
        String incident = command.incidentId();

        if (decision instanceof Decision.Accepted accepted) {
            for (EventEnvelope event : accepted.events()) {
                producer.send(records.event(event));
                states.apply(partition, event);
            }
            history.rememberKey(command.idempotencyKey());
            tally.events += accepted.events().size();
            LOG.infof(
                    "incident %s (%s): %s accepted, %s",
                    accepted.reference(), incident, command.type(), types(accepted.events()));
            return new CommandResult.Accepted(
                    id, incident, accepted.reference(), ids(accepted.events()), clock.instant());
        }
        if (decision instanceof Decision.Duplicate duplicate) {
            LOG.debugf(
                    "incident %s: %s %s is a duplicate: %s",
                    incident, command.type(), id, duplicate.why());
            return new CommandResult.Duplicate(
                    id, incident, duplicate.reference(), clock.instant());
        }
        String reason = ((Decision.Rejected) decision).reason();
        LOG.infof("incident %s: %s rejected: %s", incident, command.type(), reason);
        return new CommandResult.Rejected(id, incident, reason, clock.instant());
    }

    /** After an aborted transaction: back to the committed offsets, state from the log. */
    private void rewind() {
        Set<TopicPartition> owned = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(owned);
        for (TopicPartition partition : owned) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
        }
        states.rebuild(partitions(owned));
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(
            ConsumerRecords<String, byte[]> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : batch.partitions()) {
            List<ConsumerRecord<String, byte[]>> records = batch.records(partition);
            long last = records.get(records.size() - 1).offset();
            offsets.put(partition, new OffsetAndMetadata(last + 1));
        }
        return offsets;
    }

    private static List<Integer> partitions(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).sorted().toList();
    }

    private static List<UUID> ids(List<EventEnvelope> events) {
        return events.stream().map(EventEnvelope::eventId).toList();
    }

    private static String types(List<EventEnvelope> events) {
        return events.stream()
                .map(e -> e.type() + " #" + e.sequence())
                .collect(Collectors.joining(", "));
    }

    /** Rebuilds state for partitions this instance gets and forgets those it loses. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            states.rebuild(partitions(partitions));
            assigned = true;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            states.forget(partitions(partitions));
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            states.forget(partitions(partitions));
        }
    }

    /** What one transaction did, counted into the metrics once it committed. */
    private static final class Tally {
        private final Map<String, Integer> outcomes = new HashMap<>();
        private int events;
        private int deadLetters;

        void count(String type, CommandResult result) {
            String outcome =
                    result instanceof CommandResult.Accepted
                            ? "accepted"
                            : result instanceof CommandResult.Duplicate ? "duplicate" : "rejected";
            outcomes.merge(type + "/" + outcome, 1, Integer::sum);
        }

        void publish(MeterRegistry meters) {
            outcomes.forEach(
                    (key, n) -> {
                        String[] parts = key.split("/");
                        meters.counter("incident.commands", "type", parts[0], "outcome", parts[1])
                                .increment(n);
                    });
            meters.counter("incident.events.appended").increment(events);
            meters.counter("incident.commands.dead.letters").increment(deadLetters);
        }
    }
}
