package dev.incident.events.kafka;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the platform's topics that a broker does not have yet, with the settings of Topics. */
public final class TopicSetup {

    private TopicSetup() {}

    /** Creates each missing topic of {@code names}; returns the names of those it created. */
    public static List<String> ensure(
            Admin admin, Topics.Names names, int partitions, short replicas)
            throws InterruptedException {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing =
                    names.specs().stream()
                            .filter(spec -> !existing.contains(spec.name()))
                            .map(
                                    spec ->
                                            new NewTopic(spec.name(), partitions, replicas)
                                                    .configs(spec.configs()))
                            .toList();
            admin.createTopics(missing).all().get();
            return missing.stream().map(NewTopic::name).toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return List.of(); // another instance created it in the meantime
            }
            throw new IllegalStateException("could not create the platform's topics", e.getCause());
        }
    }
}
