package dev.incident.core.messaging;

import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Kafka clients as incident-core uses them: string keys, raw byte values, committed reads. */
public record KafkaClients(String bootstrapServers, String prefix) {

    /** A consumer in {@code group} (null: none, for assign()) that only sees committed records. */
    public KafkaConsumer<String, byte[]> consumer(String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        // A committed read may wait the whole fetch wait for a transaction's end: keep it short.
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
        if (group != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, prefix + group);
        }
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** A transactional producer; a restarted instance with the same id fences its old self. */
    public KafkaProducer<String, byte[]> transactionalProducer(String transactionalId) {
        Properties props = producerProperties();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, prefix + transactionalId);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** An idempotent producer for commands submitted over HTTP. */
    public KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(
                producerProperties(), new StringSerializer(), new ByteArraySerializer());
    }

    private Properties producerProperties() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        return props;
    }
}
