package dev.incident.testing;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import dev.incident.events.kafka.TopicSetup;
import dev.incident.events.kafka.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker's platform topics carry the settings the contract declares: deploy/local creates them
 * with its own script, and this catches the two drifting apart.
 */
class TopicsOnBrokerIT {

    @Test
    void shouldHaveEveryPlatformTopicWithItsDeclaredSettings() throws Exception {
        try (Admin admin =
                Admin.create(Map.of("bootstrap.servers", LocalKafka.bootstrapServers()))) {
            TopicSetup.ensure(admin, Topics.Names.STANDARD, Topics.DEFAULT_PARTITIONS, (short) 1);

            var names = Topics.ALL.stream().map(Topics.Spec::name).toList();
            var described = admin.describeTopics(names).allTopicNames().get();
            for (Topics.Spec spec : Topics.ALL) {
                assertThat(described.get(spec.name()).partitions()).hasSizeGreaterThan(1);
                var resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
                var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
                spec.configs()
                        .forEach(
                                (key, value) ->
                                        assertThat(config.get(key).value())
                                                .as(spec.name() + " " + key)
                                                .isEqualTo(value));
            }
        }
    }
}
