package dev.incident.tickets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.IncidentCommand.RecordFollowUpExport;
import dev.incident.events.kafka.Topics;
import dev.incident.testing.KafkaResource;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The service as deployed locally: no GitHub token, so issues go to the outbox file. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
class TicketExporterIT {

    @ConfigProperty(name = "incident.topics.prefix")
    String prefix;

    @ConfigProperty(name = "incident.outbox.dir")
    Path outbox;

    @Test
    void shouldReportUpOnceItHasReadTheEventLog() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().when()
                                        .get("/q/health")
                                        .then()
                                        .statusCode(200)
                                        .body("status", equalTo("UP")));
    }

    @Test
    void shouldWriteEachFollowUpOfAClosedIncidentToTheOutboxOnceAndRecordIt() throws Exception {
        // given a closed incident whose close is delivered twice
        IncidentLog log =
                IncidentLog.fresh()
                        .p1()
                        .followUp("FU-1", "Alarm on gateway timeouts")
                        .followUp("FU-2", "Runbook")
                        .closed();
        try (TopicsOnTheBroker topics = new TopicsOnTheBroker(Topics.Names.withPrefix(prefix))) {
            // when
            topics.append(log.events());
            topics.append(List.of(log.last()));

            // then
            await().atMost(Duration.ofSeconds(30)).until(() -> exports(topics, log).size() == 2);
            Thread.sleep(2_000); // a few retry sweeps, which must not write again
            List<JsonNode> lines = outboxLines(log);
            assertThat(lines).hasSize(2);
            JsonNode first = lines.get(0);
            assertThat(first.path("title").asText()).isEqualTo("Alarm on gateway timeouts");
            assertThat(first.path("repository").asText()).isEqualTo("acme-corp/platform");
            assertThat(first.path("assignee").asText()).isEqualTo("bob-tanaka");
            assertThat(first.path("labels").toString())
                    .isEqualTo("[\"incident\",\"follow-up\",\"severity:P1\"]");
            assertThat(first.path("body").asText())
                    .contains("http://127.0.0.1:8081/incidents/" + log.incidentId());
            assertThat(exports(topics, log))
                    .extracting(RecordFollowUpExport::issueUrl)
                    .containsExactlyInAnyOrder(
                            lines.get(0).path("url").asText(), lines.get(1).path("url").asText())
                    .allMatch(url -> url.startsWith("file:/"));
        }
    }

    private List<JsonNode> outboxLines(IncidentLog log) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Path file = outbox.resolve("github-issues.jsonl");
        return Files.readAllLines(file, UTF_8).stream()
                .map(
                        line -> {
                            try {
                                return mapper.readTree(line);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        })
                .filter(line -> line.path("incidentId").asText().equals(log.incidentId()))
                .toList();
    }

    private static List<RecordFollowUpExport> exports(TopicsOnTheBroker topics, IncidentLog log) {
        return topics.commands().stream()
                .filter(command -> command.incidentId().equals(log.incidentId()))
                .map(CommandEnvelope::command)
                .filter(RecordFollowUpExport.class::isInstance)
                .map(RecordFollowUpExport.class::cast)
                .toList();
    }
}
