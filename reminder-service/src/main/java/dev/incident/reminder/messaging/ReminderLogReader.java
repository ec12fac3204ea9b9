package dev.incident.reminder.messaging;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.IncidentCommand.IssueReminder;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.kafka.RecordHeaders;
import dev.incident.events.kafka.Topics;
import dev.incident.reminder.domain.FiredReminder;
import dev.incident.reminder.domain.ReminderBoard;

/**
 * Reads {@code incident.events} and the IssueReminder commands on {@code incident.commands} into
 * the board, from the beginning of every partition it is assigned, and opens a partition for firing
 * once it has read both topics' partition to the end seen at assignment. Both topics have the same
 * partition count and are keyed by incident id, and the range assignor gives one instance the same
 * partition number of both, so an incident's events and reminder commands are read by one instance.
 * Unreadable records go to {@code incident.dead-letter}.
 */
public final class ReminderLogReader implements Runnable, ConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(ReminderLogReader.class);
    private static final String ISSUE_REMINDER = "IssueReminder";

    private final Consumer<String, byte[]> consumer;
    private final ReminderBoard board;
    private final ReminderSender sender;
    private final ContractCodec codec;
    private final Topics.Names topics;
    private final Duration pollTimeout;
    private final Map<Integer, Map<TopicPartition, Long>> catchingUp = new HashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile boolean assigned;

    public ReminderLogReader(
            Consumer<String, byte[]> consumer,
            ReminderBoard board,
            ReminderSender sender,
            ContractCodec codec,
            Topics.Names topics,
            Duration pollTimeout) {
        this.consumer = consumer;
        this.board = board;
        this.sender = sender;
        this.codec = codec;
        this.topics = topics;
        this.pollTimeout = pollTimeout;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topics.events(), topics.commands()), this);
            while (running.get()) {
                consumer.poll(pollTimeout).forEach(this::handle);
                openCaughtUpShards();
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } finally {
            consumer.close();
        }
    }

    /** Stops reading; the poll loop leaves the group and closes the consumer. */
    public void stop() {
        running.set(false);
        consumer.wakeup();
    }

    /** True once partitions were assigned and each was read to the end seen at assignment. */
    public boolean caughtUp() {
        return assigned && catchingUpCount() == 0;
    }

    private synchronized int catchingUpCount() {
        return catchingUp.size();
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        try {
            if (record.topic().equals(topics.events())) {
                handleEvent(record);
            } else if (isIssueReminder(record)) {
                handleReminderCommand(record);
            }
        } catch (RuntimeException e) {
            sender.deadLetter(record, e);
        }
    }

    private void handleEvent(ConsumerRecord<String, byte[]> record) {
        EventEnvelope event = codec.decodeEvent(record.value());
        if (board.apply(record.partition(), event)) {
            LOG.debugf(
                    "incident %s: folded %s #%d",
                    event.incidentId(), event.type(), event.sequence());
        }
    }

    private static boolean isIssueReminder(ConsumerRecord<String, byte[]> record) {
        return ContractRecords.header(record.headers(), RecordHeaders.COMMAND_TYPE)
                .map(ISSUE_REMINDER::equals)
                .orElse(false);
    }

    private void handleReminderCommand(ConsumerRecord<String, byte[]> record) {
        boolean ownSend =
                ContractRecords.header(record.headers(), RecordHeaders.COMMAND_ID)
                        .map(id -> sender.readBack(UUID.fromString(id)))
                        .orElse(false);
        if (ownSend) {
            return;
        }
        CommandEnvelope command = codec.decodeCommand(record.value());
        if (command.command() instanceof IssueReminder reminder) {
            board.fired(
                    record.partition(),
                    command.incidentId(),
                    new FiredReminder(reminder.rule(), reminder.dueAt(), command.issuedAt()));
        }
    }

    private synchronized void openCaughtUpShards() {
        catchingUp.entrySet().removeIf(this::openIfCaughtUp);
    }

    private boolean openIfCaughtUp(Map.Entry<Integer, Map<TopicPartition, Long>> shard) {
        if (!shard.getValue().entrySet().stream().allMatch(this::reached)) {
            return false;
        }
        int open = board.open(shard.getKey());
        LOG.infof("partition %d rebuilt: %d open incidents scheduled", shard.getKey(), open);
        return true;
    }

    private boolean reached(Map.Entry<TopicPartition, Long> end) {
        return consumer.position(end.getKey()) >= end.getValue();
    }

    @Override
    public synchronized void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            assigned = true;
            return;
        }
        // The whole log, every time: the rebuild grows with the platform's history, and with the
        // eager range protocol every rebalance rebuilds every partition. No snapshot is kept.
        consumer.seekToBeginning(partitions);
        consumer.endOffsets(partitions)
                .forEach(
                        (partition, end) ->
                                catchingUp
                                        .computeIfAbsent(
                                                partition.partition(), p -> new HashMap<>())
                                        .put(partition, end));
        assigned = true;
        LOG.infof("assigned %s; rebuilding them from the beginning of the log", partitions);
    }

    @Override
    public synchronized void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        partitions.forEach(
                partition -> {
                    board.release(partition.partition());
                    catchingUp.remove(partition.partition());
                });

        // Every reminder fired for these incidents reaches the broker before the next owner
        // starts reading, so it sees them and does not fire them again.
        sender.flush();
        sender.forgetSent();
        if (!partitions.isEmpty()) {
            LOG.infof("released %s", partitions);
        }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        onPartitionsRevoked(partitions);
    }
}
