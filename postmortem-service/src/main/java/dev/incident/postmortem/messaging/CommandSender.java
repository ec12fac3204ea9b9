package dev.incident.postmortem.messaging;

import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.IncidentCommand;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.model.Actor;

/** Sends this service's commands to {@code incident.commands}, keyed by incident id. */
@ApplicationScoped
public class CommandSender {

    static final Actor SELF = Actor.service("postmortem-service");
    private static final Logger LOG = Logger.getLogger(CommandSender.class);

    private final Producer<String, byte[]> producer;
    private final ContractRecords records;
    private final Clock clock;

    public CommandSender(Producer<String, byte[]> producer, ContractRecords records, Clock clock) {
        this.producer = producer;
        this.records = records;
        this.clock = clock;
    }

    /**
     * Sends the command and waits until the broker has it, so the caller only marks its work done
     * after the command is safe.
     */
    public void send(String incidentId, IncidentCommand command, String idempotencyKey) {
        CommandEnvelope envelope =
                CommandEnvelope.of(incidentId, SELF, clock.instant(), command)
                        .withIdempotencyKey(idempotencyKey);
        ProducerRecord<String, byte[]> record = records.command(envelope);
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
            LOG.infof("%s: sent %s (%s)", incidentId, command.type(), idempotencyKey);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + command.type(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send " + command.type(), e);
        }
    }
}
