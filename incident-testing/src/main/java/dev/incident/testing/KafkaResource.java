package dev.incident.testing;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.admin.Admin;

import dev.incident.events.kafka.TopicSetup;
import dev.incident.events.kafka.Topics;

/**
 * Points a {@code @QuarkusTest} at the real broker of {@link LocalKafka}, on platform topics of its
 * own: the four topics behind a prefix, created here, so that no module's test reads another's
 * records. Services read the prefix from {@code incident.topics.prefix}. The init argument {@code
 * topicPrefix} fixes it; by default each start gets a fresh one.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    public static final String PREFIX_KEY = "incident.topics.prefix";

    private String prefix;

    @Override
    public void init(Map<String, String> initArgs) {
        prefix = initArgs.get("topicPrefix");
    }

    @Override
    public Map<String, String> start() {
        String bootstrap = LocalKafka.bootstrapServers();
        String topicPrefix =
                prefix != null
                        ? prefix
                        : "test-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        createTopics(bootstrap, Topics.Names.withPrefix(topicPrefix));
        return Map.of("kafka.bootstrap.servers", bootstrap, PREFIX_KEY, topicPrefix);
    }

    @Override
    public void stop() {
        // The broker is shared across modules and keeps running; deploy/local/down stops it.
    }

    /** Creates the four topics of {@code names} when missing; also for plain JUnit tests. */
    public static void createTopics(String bootstrap, Topics.Names names) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            TopicSetup.ensure(admin, names, 3, (short) 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + names, e);
        }
    }
}
