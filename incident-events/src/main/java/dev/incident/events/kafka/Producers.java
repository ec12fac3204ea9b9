package dev.incident.events.kafka;

import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Producers for the contract's records: string keys, raw bytes, nothing lost or doubled. */
public final class Producers {

    private Producers() {}

    /**
     * A producer that waits for every in-sync replica and never writes a record twice on retry:
     * what a service needs to send commands and dead letters.
     */
    public static KafkaProducer<String, byte[]> reliable(String bootstrapServers, String clientId) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.CLIENT_ID_CONFIG,
                        clientId),
                new StringSerializer(),
                new ByteArraySerializer());
    }
}
