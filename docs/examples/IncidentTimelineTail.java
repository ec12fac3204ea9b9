import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.incident.events.event.EventEnvelope;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.json.ContractException;

/**
 * A complete integration, as small as it gets: it follows incident.events and prints one line per
 * event. Run it next to the local stack (see docs/integrations.md):
 *
 * <pre>
 * java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
 *   -cp "incident-core/target/quarkus-app/lib/boot/*:incident-core/target/quarkus-app/lib/main/*" \
 *   docs/examples/IncidentTimelineTail.java
 * </pre>
 */
public class IncidentTimelineTail {

    public static void main(String[] args) {
        String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");
        String group = args.length > 0 ? args[0] : "example-timeline-tail";

        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // One consumer group per integration: each group sees every event once.
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        // A new integration starts from the beginning of the log, which is kept forever.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Only events of committed transactions: incident-core appends transactionally.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");

        ContractCodec codec = new ContractCodec();
        // The last sequence handled per incident: a redelivered event is skipped. A real
        // integration keeps this durably, next to whatever it changes.
        Map<String, Long> handled = new HashMap<>();

        try (var consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("incident.events"));
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    handle(codec, handled, record);
                }
                consumer.commitSync();
            }
        }
    }

    private static void handle(
            ContractCodec codec, Map<String, Long> handled, ConsumerRecord<String, byte[]> record) {
        EventEnvelope event;
        try {
            event = codec.decodeEvent(record.value());
        } catch (ContractException e) {
            // Never drop silently: a real integration sends it to incident.dead-letter.
            System.err.printf("unreadable record at offset %d: %s%n", record.offset(), e.getMessage());
            return;
        }

        long last = handled.getOrDefault(event.incidentId(), 0L);
        if (event.sequence() <= last) {
            return;
        }
        handled.put(event.incidentId(), event.sequence());
        System.out.printf(
                "%s  %-28s #%-3d %-26s by %s%n",
                event.occurredAt(),
                event.incidentId(),
                event.sequence(),
                event.type(),
                event.actor().name() == null ? event.actor().id() : event.actor().name());
    }
}
