package dev.incident.reminder.messaging;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.IncidentCommand.IssueReminder;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.model.Actor;
import dev.incident.reminder.domain.DueReminder;
import dev.incident.reminder.domain.ReminderBoard;

/**
 * Writes IssueReminder commands to {@code incident.commands} (keyed by incident id, with the
 * reminder's idempotency key) and unreadable records to {@code incident.dead-letter}.
 */
public final class ReminderSender implements ReminderBoard.Sink {

    public static final String SERVICE = "reminder-service";

    private static final Logger LOG = Logger.getLogger(ReminderSender.class);
    private static final Actor ACTOR = Actor.service(SERVICE);

    private final Producer<String, byte[]> producer;
    private final ContractRecords records;
    private final Clock clock;
    private final ReminderBoard board;
    private final Set<UUID> sentNotReadBack = ConcurrentHashMap.newKeySet();

    public ReminderSender(
            Producer<String, byte[]> producer,
            ContractRecords records,
            Clock clock,
            ReminderBoard board) {
        this.producer = producer;
        this.records = records;
        this.clock = clock;
        this.board = board;
    }

    @Override
    public void send(DueReminder due, String text) {
        CommandEnvelope command =
                CommandEnvelope.of(
                                due.incidentId(),
                                ACTOR,
                                clock.instant(),
                                new IssueReminder(due.rule(), due.dueAt(), text))
                        .withIdempotencyKey(due.idempotencyKey());
        sentNotReadBack.add(command.commandId());

        producer.send(
                records.command(command),
                (metadata, error) -> {
                    if (error != null) {
                        // A timeout does not prove the record was not written: the retry may
                        // write it twice, with the same idempotency key.
                        LOG.warnf(
                                error,
                                "incident %s: reminder %s could not be sent; sending it again",
                                due.incidentId(),
                                due.idempotencyKey());
                        board.sendFailed(due);
                    }
                });
        // Debug, not info: after an outage thousands come due at once, and a line each would
        // slow the burst down; the scheduler logs each round, incident-core each ReminderIssued.
        LOG.debugf(
                "incident %s: %s reminder due at %s sent",
                due.incidentId(), due.rule(), due.dueAt());
    }

    /** Sends {@code original} to the dead-letter topic with what went wrong. */
    public void deadLetter(ConsumerRecord<String, byte[]> original, Exception error) {
        LOG.warnf(
                error,
                "incident %s: record %s-%d@%d dead-lettered",
                original.key(),
                original.topic(),
                original.partition(),
                original.offset());
        producer.send(records.deadLetter(original, SERVICE, error));
    }

    /**
     * True, once, for a command this instance sent since its last assignment: the board recorded it
     * when sending, so the log reader need not decode it again.
     */
    public boolean readBack(UUID commandId) {
        return sentNotReadBack.remove(commandId);
    }

    /** Forgets the commands not read back yet: a new assignment reads them from the log. */
    public void forgetSent() {
        sentNotReadBack.clear();
    }

    /** Waits until every record handed over so far is acknowledged by the broker. */
    public void flush() {
        producer.flush();
    }
}
