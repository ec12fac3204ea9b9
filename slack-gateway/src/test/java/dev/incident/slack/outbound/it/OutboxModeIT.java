package dev.incident.slack.outbound.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.incident.events.event.IncidentEvent.SummaryUpdated;
import dev.incident.slack.outbound.EventTopics;
import dev.incident.slack.outbound.IncidentLog;
import dev.incident.slack.outbound.OutboundPostgresResource;
import dev.incident.testing.KafkaResource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Without a bot token: the calls the gateway would make are appended to {@code slack.jsonl} in the
 * outbox and listed at {@code GET /slack/outbox}, method and arguments on each line.
 */
@QuarkusTest
@TestProfile(OutboxModeIT.NoToken.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(
        value = OutboundPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "slack_outbound_test"))
class OutboxModeIT {

    static final Path OUTBOX = Path.of("target", "outbox-" + UUID.randomUUID());

    /** No bot token, an outbox of its own, and the consumer on. */
    public static class NoToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "slack.outbound.enabled", "true",
                    "slack.bot-token", "",
                    "slack.outbound.announcements-channel", "CANNOUNCE1",
                    "incident.outbox.dir", OUTBOX.toString());
        }
    }

    private final ObjectMapper json = new ObjectMapper();

    // Read when used, not injected: every @QuarkusTest class is a bean of each test boot, and
    // a boot without the Kafka resource (HealthTest) has no such keys.
    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static String prefix() {
        return ConfigProvider.getConfig().getValue("incident.topics.prefix", String.class);
    }

    @Test
    void shouldWriteEveryCallToTheOutboxAndListItOverHttp() throws Exception {
        IncidentLog log = IncidentLog.fresh();
        log.declaredLive("Checkout down");
        log.add(IncidentLog.ALICE, new SummaryUpdated("Rollback started"));
        try (EventTopics topics = new EventTopics(bootstrap(), prefix())) {
            topics.publish(log.events());
        }

        JsonNode listed =
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> outbox(log.incidentId()), lines -> lines.size() >= 7);

        String name = log.reference().toLowerCase() + "-checkout-down";
        assertThat(listed.findValuesAsText("method"))
                .containsExactly(
                        "conversations.create",
                        "conversations.invite",
                        "chat.postMessage",
                        "pins.add",
                        "chat.postMessage",
                        "chat.update",
                        "chat.postMessage");
        JsonNode create = listed.get(0).get("args");
        assertThat(create.get("name").asText()).isEqualTo(name);
        assertThat(create.get("is_private").asBoolean()).isFalse();
        String channel = listed.get(1).at("/args/channel").asText();
        assertThat(channel).matches("C[0-9A-F]{10}");
        assertThat(listed.get(1).at("/args/users").asText()).isEqualTo(IncidentLog.ALICE.id());
        JsonNode card = listed.get(2).get("args");
        assertThat(card.get("channel").asText()).isEqualTo(channel);
        assertThat(card.at("/blocks/0/text/text").asText())
                .isEqualTo(log.reference() + " · Checkout down");
        String cardTs = listed.get(3).at("/args/timestamp").asText();
        assertThat(cardTs).matches("\\d+\\.\\d{6}");
        assertThat(listed.get(4).at("/args/channel").asText()).isEqualTo("CANNOUNCE1");
        assertThat(listed.get(4).at("/args/text").asText()).contains("<#" + channel + ">");
        assertThat(listed.get(5).at("/args/ts").asText()).isEqualTo(cardTs);
        assertThat(listed.get(6).at("/args/text").asText()).contains("Rollback started");
        assertThat(listed.findValuesAsText("incidentId")).containsOnly(log.incidentId());

        List<String> file = Files.readAllLines(OUTBOX.resolve("slack.jsonl"));
        assertThat(file.stream().filter(line -> line.contains(log.incidentId()))).hasSize(7);
    }

    private JsonNode outbox(String incidentId) throws Exception {
        String body =
                given().queryParam("incidentId", incidentId)
                        .when()
                        .get("/slack/outbox")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        return json.readTree(body);
    }
}
