package dev.incident.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the real broker of {@link LocalKafka}. The broker outlives the
 * test: it is shared by every module.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", LocalKafka.bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker is shared across modules and runs; deploy/local/down stops it.
    }
}
