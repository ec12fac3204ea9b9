import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the platform's four topics on the local broker when they are missing; run by
 * deploy/local/kafka with the broker's own jars, so it needs no build of the project.
 *
 * <p>The same settings are declared in incident-events (dev.incident.events.kafka.Topics); a test
 * there compares the two.
 */
public class CreateTopics {
    public static void main(String[] args) throws Exception {
        var props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        int partitions = Integer.parseInt(args[1]);
        var week = String.valueOf(7L * 24 * 60 * 60 * 1000);
        var month = String.valueOf(30L * 24 * 60 * 60 * 1000);
        var topics =
                List.of(
                        topic("incident.commands", partitions, Map.of("retention.ms", week)),
                        topic(
                                "incident.events",
                                partitions,
                                Map.of("retention.ms", "-1", "retention.bytes", "-1")),
                        topic("incident.command-results", partitions, Map.of("retention.ms", week)),
                        topic("incident.dead-letter", partitions, Map.of("retention.ms", month)));

        try (var admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();
            var missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
            missing.forEach(t -> System.out.println("created topic " + t.name()));
        }
    }

    private static NewTopic topic(String name, int partitions, Map<String, String> configs) {
        return new NewTopic(name, partitions, (short) 1).configs(configs);
    }
}
