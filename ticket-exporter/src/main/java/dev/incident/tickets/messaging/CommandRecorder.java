package dev.incident.tickets.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.IncidentCommand;
import dev.incident.events.command.IncidentCommand.RecordFollowUpExport;
import dev.incident.events.command.IncidentCommand.RecordIntegrationFailure;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.model.Actor;
import dev.incident.tickets.domain.ExportRecorder;
import dev.incident.tickets.domain.TrackedIssue;

/**
 * Writes RecordFollowUpExport and RecordIntegrationFailure to {@code incident.commands}, keyed by
 * incident id, and waits for the broker to take each one, so that a follow-up counts as handled
 * only once its command is safely on the topic.
 */
public final class CommandRecorder implements ExportRecorder {

    private static final Logger LOG = Logger.getLogger(CommandRecorder.class);

    public static final Actor ACTOR = Actor.service("ticket-exporter");
    public static final String INTEGRATION = "github";

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<String, byte[]> producer;
    private final ContractRecords records;
    private final Clock clock;

    public CommandRecorder(
            Producer<String, byte[]> producer, ContractRecords records, Clock clock) {
        this.producer = producer;
        this.records = records;
        this.clock = clock;
    }

    @Override
    public void exported(String incidentId, String followUpId, TrackedIssue issue) {
        send(
                incidentId,
                "export:" + incidentId + "/" + followUpId,
                new RecordFollowUpExport(followUpId, issue.url(), issue.key()));
    }

    @Override
    public void refused(String incidentId, String followUpId, String reason) {
        send(
                incidentId,
                "export-failure:" + incidentId + "/" + followUpId,
                new RecordIntegrationFailure(INTEGRATION, operation(followUpId), reason));
    }

    /** The operation as a person reads it in the incident. */
    public static String operation(String followUpId) {
        return "export follow-up " + followUpId;
    }

    private void send(String incidentId, String idempotencyKey, IncidentCommand command) {
        CommandEnvelope envelope =
                CommandEnvelope.of(incidentId, ACTOR, clock.instant(), command)
                        .withIdempotencyKey(idempotencyKey);
        try {
            producer.send(records.command(envelope))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.debugf("Incident %s: sent %s (%s)", incidentId, command.type(), idempotencyKey);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + command.type(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "incident " + incidentId + ": could not send " + command.type(), e);
        }
    }
}
