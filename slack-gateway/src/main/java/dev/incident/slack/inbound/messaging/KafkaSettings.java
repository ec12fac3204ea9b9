package dev.incident.slack.inbound.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.incident.events.kafka.Topics;

/** The broker and topic names the inbound side uses, from the shared configuration keys. */
@ApplicationScoped
public class KafkaSettings {

    private final String bootstrapServers;
    private final Topics.Names topics;

    public KafkaSettings(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            // Optional: an empty value is no value to the config, and production has no prefix.
            @ConfigProperty(name = "incident.topics.prefix") Optional<String> prefix) {
        this.bootstrapServers = bootstrapServers;
        this.topics = Topics.Names.withPrefix(prefix.orElse(""));
    }

    public Topics.Names topics() {
        return topics;
    }

    /** An idempotent producer that gives up on a send after a few seconds, never blocking long. */
    Map<String, Object> producer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "slack-gateway-inbound");
        return config;
    }

    /** A consumer without a group: the readers assign partitions and place themselves. */
    Map<String, Object> consumer(String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return config;
    }
}
