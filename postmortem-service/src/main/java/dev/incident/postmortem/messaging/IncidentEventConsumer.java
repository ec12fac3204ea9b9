package dev.incident.postmortem.messaging;

import java.time.Clock;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.incident.events.event.EventEnvelope;
import dev.incident.events.event.IncidentEvent.IncidentClosed;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.json.ContractException;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.postmortem.store.EventStore;
import dev.incident.postmortem.store.PostmortemStore;

/**
 * Reads {@code incident.events}: keeps every event, and on IncidentClosed starts the incident's
 * postmortem job. Writes records it cannot read or keep to {@code incident.dead-letter}.
 */
@ApplicationScoped
public class IncidentEventConsumer {

    static final String NAME = "postmortem-service";
    private static final Logger LOG = Logger.getLogger(IncidentEventConsumer.class);

    private final ContractCodec codec;
    private final ContractRecords records;
    private final Producer<String, byte[]> producer;
    private final EventStore events;
    private final PostmortemStore postmortems;
    private final Clock clock;

    public IncidentEventConsumer(
            ContractCodec codec,
            ContractRecords records,
            Producer<String, byte[]> producer,
            EventStore events,
            PostmortemStore postmortems,
            Clock clock) {
        this.codec = codec;
        this.records = records;
        this.producer = producer;
        this.events = events;
        this.postmortems = postmortems;
        this.clock = clock;
    }

    /**
     * Keeps one event. A record the contract cannot read is dead-lettered; a database failure is
     * thrown, which stops the channel and turns the service unhealthy, so the event is read again
     * after a restart instead of being lost.
     */
    @Incoming("incident-events")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, byte[]> record) {
        try {
            EventEnvelope event = codec.decodeEvent(record.value());
            keep(event, record.value());
        } catch (ContractException | IllegalArgumentException e) {
            LOG.warnf(
                    e,
                    "%s: event at %s-%d@%d not processed, sent to the dead-letter topic",
                    record.key(),
                    record.topic(),
                    record.partition(),
                    record.offset());
            deadLetter(record, e);
        }
    }

    private void keep(EventEnvelope event, byte[] body) {
        boolean isNew = events.add(event, body);
        LOG.debugf(
                "%s: %s #%d %s",
                event.incidentId(), event.type(), event.sequence(), isNew ? "kept" : "seen before");

        // A redelivered close finds its job started already and starts nothing.
        if (event.payload() instanceof IncidentClosed
                && postmortems.start(event.incidentId(), clock.instant())) {
            LOG.infof("%s: closed, postmortem draft due", event.incidentId());
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, Exception error) {
        try {
            producer.send(records.deadLetter(record, NAME, error)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not dead-letter " + record.key(), e);
        }
    }
}
