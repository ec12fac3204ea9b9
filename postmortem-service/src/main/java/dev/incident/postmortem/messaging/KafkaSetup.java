package dev.incident.postmortem.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.incident.events.json.ContractCodec;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.kafka.Producers;
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
        return Producers.reliable(bootstrapServers, "postmortem-service");
    }

    void close(@Disposes Producer<String, byte[]> producer) {
        producer.close();
    }
}
