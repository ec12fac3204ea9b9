package dev.incident.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import dev.incident.events.kafka.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment files for real clusters (deploy/compose, deploy/kubernetes) name every service and
 * topic, and set only settings the services read: an environment variable counts as read when the
 * service's application.properties has the key it maps to or refers to it by name.
 */
class DeploymentFilesTest {

    private static final List<String> SERVICES =
            List.of(
                    "incident-core",
                    "slack-gateway",
                    "email-ingest",
                    "escalation-service",
                    "reminder-service",
                    "postmortem-service",
                    "ticket-exporter");

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-\"]+)");

    private final Path root = LocalScripts.projectRoot();
    private final ObjectMapper yaml = new YAMLMapper();

    @Test
    void shouldRunEveryServiceWithComposeAndReadEverySettingItGives() throws IOException {
        JsonNode services =
                yaml.readTree(root.resolve("deploy/compose/compose.yaml").toFile())
                        .path("services");

        for (String service : SERVICES) {
            assertThat(services.has(service)).as("compose runs " + service).isTrue();
            services.path(service)
                    .path("environment")
                    .fieldNames()
                    .forEachRemaining(name -> assertRead(service, name, "compose.yaml"));
        }
    }

    @Test
    void shouldCreateEveryTopicWithComposeWithItsSettings() throws IOException {
        String compose = Files.readString(root.resolve("deploy/compose/compose.yaml"));

        for (Topics.Spec topic : Topics.ALL) {
            assertThat(compose).contains("--topic " + topic.name());
            topic.configs()
                    .forEach((key, value) -> assertThat(compose).contains(key + "=" + value));
        }
    }

    @Test
    void shouldDeclareEveryTopicAsAStrimziKafkaTopicWithItsSettings() throws IOException {
        Map<String, JsonNode> topics = new HashMap<>();
        for (JsonNode doc : documents(root.resolve("deploy/kubernetes/kafka.yaml"))) {
            if ("KafkaTopic".equals(doc.path("kind").asText())) {
                topics.put(doc.at("/metadata/name").asText(), doc.path("spec"));
            }
        }

        assertThat(topics.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        Topics.ALL.stream().map(Topics.Spec::name).toList());
        for (Topics.Spec topic : Topics.ALL) {
            topic.configs()
                    .forEach(
                            (key, value) ->
                                    assertThat(
                                                    topics.get(topic.name())
                                                            .path("config")
                                                            .path(key)
                                                            .asText())
                                            .as(topic.name() + " " + key)
                                            .isEqualTo(value));
        }
    }

    @Test
    void shouldDeployEveryServiceOnKubernetesWithProbesAndReadEverySettingItGives()
            throws IOException {
        for (String service : SERVICES) {
            List<JsonNode> docs =
                    documents(root.resolve("deploy/kubernetes/services/" + service + ".yaml"));
            JsonNode deployment = ofKind(docs, "Deployment");
            JsonNode container = deployment.at("/spec/template/spec/containers/0");

            assertThat(ofKind(docs, "Service").at("/metadata/name").asText()).isEqualTo(service);
            assertThat(container.at("/readinessProbe/httpGet/path").asText())
                    .isEqualTo("/q/health/ready");
            assertThat(container.at("/livenessProbe/httpGet/path").asText())
                    .isEqualTo("/q/health/live");

            ofKind(docs, "ConfigMap")
                    .path("data")
                    .fieldNames()
                    .forEachRemaining(name -> assertRead(service, name, service + ".yaml"));
            container
                    .path("env")
                    .forEach(
                            env ->
                                    assertRead(
                                            service, env.path("name").asText(), service + ".yaml"));
        }
    }

    private void assertRead(String service, String variable, String file) {
        assertThat(settingsRead(service))
                .as("%s sets %s for %s, which %s does not read", file, variable, service, service)
                .contains(variable);
    }

    /** The environment variables a service reads: its keys in env form and its references. */
    private Set<String> settingsRead(String service) {
        Path properties =
                root.resolve(service).resolve("src/main/resources/application.properties");
        Set<String> read = new HashSet<>();
        try (Stream<String> lines = Files.lines(properties)) {
            lines.map(String::strip)
                    .filter(
                            line ->
                                    !line.isEmpty()
                                            && !line.startsWith("#")
                                            && !line.startsWith("%"))
                    .forEach(
                            line -> {
                                read.add(
                                        envForm(
                                                line.substring(
                                                        0,
                                                        line.indexOf('=') < 0
                                                                ? line.length()
                                                                : line.indexOf('='))));
                                Matcher reference = REFERENCE.matcher(line);
                                while (reference.find()) {
                                    read.add(envForm(reference.group(1)));
                                }
                            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + properties, e);
        }
        return read;
    }

    /** How an environment variable names a configuration key (MicroProfile Config's rule). */
    private static String envForm(String key) {
        return key.strip().replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private List<JsonNode> documents(Path file) throws IOException {
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            return yaml.readValues(parser, JsonNode.class).readAll().stream()
                    .filter(doc -> doc != null && !doc.isMissingNode() && !doc.isNull())
                    .toList();
        }
    }

    private static JsonNode ofKind(List<JsonNode> docs, String kind) {
        return docs.stream()
                .filter(doc -> kind.equals(doc.path("kind").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " among " + docs.size()));
    }
}
