package dev.incident.escalation.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.incident.escalation.EscalationService;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.json.ContractException;

/**
 * Reads {@code incident.events} (behind the configured prefix) and hands each event to the
 * escalation service in order; a record that cannot be read or handled goes to {@code
 * incident.dead-letter} and the consumer carries on.
 */
@ApplicationScoped
public class IncidentEventConsumer {

    private static final Logger LOG = Logger.getLogger(IncidentEventConsumer.class);

    private final EscalationService escalations;
    private final CommandSender sender;
    private final ContractCodec codec = new ContractCodec();

    public IncidentEventConsumer(EscalationService escalations, CommandSender sender) {
        this.escalations = escalations;
        this.sender = sender;
    }

    @Incoming("incident-events")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        EventEnvelope event;
        try {
            event = codec.decodeEvent(record.value());
        } catch (ContractException e) {
            LOG.warnf(
                    "unreadable record %s-%d@%d to the dead letters: %s",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
            sender.deadLetter(record, e);
            return;
        }

        try {
            escalations.handle(event);
        } catch (RuntimeException e) {
            LOG.errorf(
                    e,
                    "%s: event %d (%s) could not be handled, to the dead letters",
                    event.incidentId(),
                    event.sequence(),
                    event.type());
            sender.deadLetter(record, e);
        }
    }
}
