package dev.incident.postmortem.messaging;

import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.incident.events.json.ContractCodec;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.postmortem.config.PlatformConfig;

/** The contract's codec and records, and the producer this service writes commands with. */
@ApplicationScoped
public class KafkaSetup {

    @Produces
    @Singleton
    ContractCodec codec() {
        return new ContractCodec();
    }

    @Produces
    @Singleton
    ContractRecords records(ContractCodec codec, PlatformConfig platform) {
        return new ContractRecords(codec, platform.topics().names());
    }

    @Produces
    @Singleton
    Producer<String, byte[]> producer(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "postmortem-service"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    void close(@Disposes Producer<String, byte[]> producer) {
        producer.close();
    }
}
