package dev.incident.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import jakarta.inject.Inject;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.IncidentCommand.IssueReminder;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.kafka.Topics;
import dev.incident.events.model.ReminderRule;
import dev.incident.events.model.Severity;
import dev.incident.reminder.config.ReminderConfig;
import dev.incident.testing.KafkaResource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The packaged wiring: configuration, the clock, the engine on the prefixed topics, health. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
class ReminderServiceIT {

    @Inject ServiceClock clock;
    @Inject ReminderConfig config;

    @ConfigProperty(name = "incident.topics.prefix")
    String prefix;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final ContractCodec codec = new ContractCodec();

    @Test
    void shouldTakeTheUpdateIntervalFromItsConfigurationAndOtherRulesFromTheirDefaults() {
        assertThat(config.customerUpdate().interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.triageDecision().interval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.monitoringCheckIn().interval()).isEqualTo(Duration.ofHours(24));
        assertThat(config.customerUpdate().bySeverity())
                .containsEntry(Severity.P2, Duration.ofHours(1));
    }

    @Test
    void shouldSendAReminderToThePrefixedCommandsTopicWhenAnIncidentWasNotUpdated()
            throws Exception {
        Topics.Names topics = Topics.Names.withPrefix(prefix);
        IncidentLog incident = IncidentLog.of("inc-" + System.nanoTime());
        Instant declaredAt = clock.instant();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(
                            new ContractRecords(codec, topics)
                                    .event(incident.declaredLive(Severity.P1, declaredAt)))
                    .get();
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().when()
                                        .get("/q/health/ready")
                                        .then()
                                        .statusCode(200)
                                        .body("status", equalTo("UP")));

        clock.advance(Duration.ofMinutes(30));

        try (KafkaConsumer<String, byte[]> consumer = consumer(topics)) {
            List<CommandEnvelope> sent = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> poll(consumer, sent).size() == 1);

            IssueReminder reminder = (IssueReminder) sent.get(0).command();
            assertThat(sent.get(0).incidentId()).isEqualTo(incident.incidentId());
            assertThat(reminder.rule()).isEqualTo(ReminderRule.CUSTOMER_UPDATE);
            assertThat(reminder.dueAt()).isEqualTo(declaredAt.plus(Duration.ofMinutes(30)));
        }
    }

    private List<CommandEnvelope> poll(
            KafkaConsumer<String, byte[]> consumer, List<CommandEnvelope> sent) {
        consumer.poll(Duration.ofMillis(200))
                .forEach(record -> sent.add(codec.decodeCommand(record.value())));
        return sent;
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> consumer(Topics.Names topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reminder-service-it-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topics.commands()));
        return consumer;
    }
}
