package dev.incident.slack.inbound.messaging;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import dev.incident.events.event.EventEnvelope;
import dev.incident.events.json.ContractCodec;
import dev.incident.slack.inbound.domain.IncidentDirectory;

/**
 * Reads {@code incident.events} from the beginning into the {@link IncidentDirectory}, so that the
 * gateway knows which channel and reference belong to which incident; writes records it cannot fold
 * to {@code incident.dead-letter}.
 */
@ApplicationScoped
public class IncidentEventsReader {

    static final String CONSUMER = "slack-gateway-inbound-events";
    private static final Logger LOG = Logger.getLogger(IncidentEventsReader.class);

    private final IncidentDirectory directory;
    private final CommandPublisher publisher;
    private final KafkaSettings settings;
    private final ContractCodec codec = new ContractCodec();
    private TopicReader reader;

    public IncidentEventsReader(
            IncidentDirectory directory, CommandPublisher publisher, KafkaSettings settings) {
        this.directory = directory;
        this.publisher = publisher;
        this.settings = settings;
    }

    void start() {
        reader =
                new TopicReader(
                        settings.consumer(CONSUMER), settings.topics().events(), null, this::fold);
        reader.start();
    }

    private void fold(ConsumerRecord<String, byte[]> record) {
        try {
            EventEnvelope event = codec.decodeEvent(record.value());
            if (directory.apply(event)) {
                LOG.debugf(
                        "incident %s: folded %s #%d",
                        event.incidentId(), event.type(), event.sequence());
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "incident %s: event record dead-lettered", record.key());
            publisher.deadLetter(record, CONSUMER, e);
        }
    }

    @PreDestroy
    void stop() {
        if (reader != null) {
            reader.close();
        }
    }
}
