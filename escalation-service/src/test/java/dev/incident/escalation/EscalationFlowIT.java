package dev.incident.escalation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.incident.escalation.domain.Escalation;
import dev.incident.escalation.domain.OnCallSetup;
import dev.incident.escalation.oncall.PagesOutbox;
import dev.incident.escalation.oncall.ProviderStubs;
import dev.incident.escalation.store.EscalationStore;
import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.IncidentCommand;
import dev.incident.events.command.IncidentCommand.AssignRole;
import dev.incident.events.command.IncidentCommand.PublishEscalationMatrix;
import dev.incident.events.command.IncidentCommand.RecordEscalation;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.event.IncidentEvent.EscalationRequested;
import dev.incident.events.event.IncidentEvent.RoleAssigned;
import dev.incident.events.event.IncidentEvent.SeverityConfirmed;
import dev.incident.events.model.Actor;
import dev.incident.events.model.EscalationOutcome;
import dev.incident.events.model.Role;
import dev.incident.events.model.Severity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.incident.escalation.IncidentLog.ACME;
import static dev.incident.escalation.IncidentLog.CONFIRMER;
import static dev.incident.escalation.IncidentLog.CUSTOMER_MAIL;
import static dev.incident.escalation.IncidentLog.REPORTER_SLACK;
import static dev.incident.escalation.oncall.ProviderStubs.OPSGENIE_ACCEPTED;
import static dev.incident.escalation.oncall.ProviderStubs.OPSGENIE_ON_CALLS;
import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service against the real broker, the real database and a local Opsgenie: events in on {@code
 * incident.events}, commands out on {@code incident.commands}, pages in the outbox. The clock only
 * moves when a test moves it.
 */
@QuarkusTest
class EscalationFlowIT {

    static final Actor OLIVIA = Actor.slackUser("U0OE00001", "Olivia Okafor");
    static final Actor OSCAR = Actor.slackUser("U0OE00002", "Oscar Lindqvist");
    static final Actor INES = Actor.slackUser("U0IC00001", "Ines Duarte");
    static final Actor IVAN = Actor.slackUser("U0IC00002", "Ivan Petrov");
    static final Duration PAST_ACCEPT_TIME = Duration.ofMinutes(10).plusSeconds(1);

    static KafkaSide kafka;

    @Inject AdjustableClock clock;
    @Inject EscalationStore store;
    @Inject OnCallSetup setup;

    String incidentId = "it-" + UUID.randomUUID();
    IncidentLog log;

    @BeforeAll
    static void connect() {
        kafka = new KafkaSide();
    }

    @AfterAll
    static void disconnect() throws Exception {
        kafka.close();
    }

    @BeforeEach
    void newIncident() {
        log = new IncidentLog(incidentId, clock.instant());
        OpsgenieResource.server.resetAll();
    }

    @Test
    void shouldPageTheEngineersOnceForARedeliveredEmailIncidentThenTheNextLayer() throws Exception {
        EventEnvelope declared = log.append(CUSTOMER_MAIL, IncidentLog.emailTriage());

        kafka.publish(declared);

        RecordEscalation first = awaitRecord(r -> OLIVIA.equals(r.paged()));
        assertThat(first.target()).isEqualTo("oe");
        assertThat(first.provider()).isEqualTo("builtin");
        assertThat(first.outcome()).isEqualTo(EscalationOutcome.PAGED);

        // Redelivered, then followed by an event whose answer shows the first was handled.
        kafka.publish(declared);
        kafka.publish(log.append(REPORTER_SLACK, new EscalationRequested("marker", null)));
        awaitRecord(r -> "marker".equals(r.target()));
        assertThat(records()).filteredOn(r -> OLIVIA.equals(r.paged())).hasSize(1);
        assertThat(outboxLines()).hasSize(1);

        clock.advance(PAST_ACCEPT_TIME);

        RecordEscalation second = awaitRecord(r -> OSCAR.equals(r.paged()));
        assertThat(second.reason()).contains("nobody accepted within 10 min: layer 2");
        assertThat(outboxLines()).hasSize(2);

        clock.advance(PAST_ACCEPT_TIME);

        RecordEscalation exhausted =
                awaitRecord(
                        r ->
                                r.outcome() == EscalationOutcome.FAILED
                                        && !"marker".equals(r.target()));
        assertThat(exhausted.failureReason()).isEqualTo("nobody accepted and oe has no layer 3");
    }

    @Test
    void shouldStopEscalatingOnceThePagedPersonTakesTheRole() throws Exception {
        kafka.publish(log.append(CUSTOMER_MAIL, IncidentLog.emailTriage()));
        awaitRecord(r -> OLIVIA.equals(r.paged()));

        kafka.publish(log.append(OLIVIA, new RoleAssigned(Role.OPERATIONS_ENGINEER, OLIVIA)));
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> store.ofIncident(incidentId).get(0).status(),
                        status -> status == Escalation.Status.ACCEPTED);
        clock.advance(PAST_ACCEPT_TIME);

        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> records().stream().noneMatch(r -> OSCAR.equals(r.paged())));
        assertThat(outboxLines()).hasSize(1);
    }

    @Test
    void shouldMakeTheReporterEngineerShowTheMatrixAndPageACoordinatorThroughOpsgenieOnP1()
            throws Exception {
        opsgenieAnswers(200);
        kafka.publish(log.append(REPORTER_SLACK, IncidentLog.slackTriage(ACME)));

        kafka.publish(log.append(CONFIRMER, new SeverityConfirmed(Severity.P1, List.of())));

        RecordEscalation paged = awaitRecord(r -> INES.equals(r.paged()));
        assertThat(paged.provider()).isEqualTo("opsgenie");
        assertThat(paged.alertReference()).isEqualTo("p1-ic:" + incidentId + ":layer-1");
        List<IncidentCommand> sent = commands().stream().map(CommandEnvelope::command).toList();
        assertThat(sent.get(0)).isEqualTo(new AssignRole(Role.OPERATIONS_ENGINEER, REPORTER_SLACK));
        assertThat(sent.get(1))
                .isInstanceOfSatisfying(
                        PublishEscalationMatrix.class,
                        m -> assertThat(m.contacts().get(0).name()).isEqualTo("Dana Whitfield"));
        assertThat(commands())
                .allSatisfy(
                        c -> assertThat(c.actor()).isEqualTo(Actor.service("escalation-service")))
                .extracting(CommandEnvelope::idempotencyKey)
                .doesNotContainNull()
                .doesNotHaveDuplicates();
        OpsgenieResource.server.verify(
                postRequestedFor(urlEqualTo("/v2/alerts"))
                        .withRequestBody(
                                matchingJsonPath(
                                        "$.responders[0].username",
                                        equalTo("ines.duarte@example.com"))));
        assertThat(outboxLines()).isEmpty();
    }

    @Test
    void shouldRecordOpsgeniesFailureInTheIncidentAndPageTheBuiltinCoordinator() throws Exception {
        opsgenieAnswers(503);
        kafka.publish(log.append(REPORTER_SLACK, IncidentLog.slackTriage(ACME)));

        kafka.publish(log.append(REPORTER_SLACK, new EscalationRequested("ic", "need a voice")));

        RecordEscalation fallback = awaitRecord(r -> IVAN.equals(r.paged()));
        assertThat(fallback.provider()).isEqualTo("builtin");
        assertThat(records().get(0))
                .satisfies(
                        failed -> {
                            assertThat(failed.outcome()).isEqualTo(EscalationOutcome.FAILED);
                            assertThat(failed.provider()).isEqualTo("opsgenie");
                            assertThat(failed.failureReason()).contains("HTTP 503");
                            assertThat(failed.reason()).isEqualTo("need a voice");
                        });
        assertThat(outboxLines()).singleElement().asString().contains("U0IC00002");
    }

    @Test
    void shouldPageTheNextLayerOfAnEscalationThatCameDueWhileTheServiceWasDown() throws Exception {
        EventEnvelope declared = log.append(CUSTOMER_MAIL, IncidentLog.emailTriage());
        Instant longAgo = clock.instant().minus(Duration.ofHours(1));
        try (Connection tx = store.begin()) {
            store.addEvent(tx, declared);
            Escalation pagedBeforeTheRestart =
                    Escalation.claimed(
                                    "triage-oe:" + incidentId,
                                    incidentId,
                                    setup.operationsEngineers(),
                                    "triage incident from email",
                                    longAgo)
                            .nextLayer(longAgo, Duration.ofMinutes(10));
            store.create(tx, pagedBeforeTheRestart, longAgo);
            tx.commit();
        }

        RecordEscalation paged = awaitRecord(r -> OSCAR.equals(r.paged()));

        assertThat(paged.reason()).contains("layer 2");
    }

    @Test
    void shouldNotPageTheCoordinatorsAgainOnP1WhileTheyAreBeingPaged() throws Exception {
        kafka.publish(log.append(REPORTER_SLACK, IncidentLog.slackTriage(ACME)));
        kafka.publish(log.append(REPORTER_SLACK, new EscalationRequested("ic", "early")));
        awaitRecord(r -> r.outcome() == EscalationOutcome.PAGED);

        kafka.publish(log.append(CONFIRMER, new SeverityConfirmed(Severity.P1, List.of())));
        kafka.publish(log.append(REPORTER_SLACK, new EscalationRequested("marker", null)));

        awaitRecord(r -> "marker".equals(r.target()));
        assertThat(commands()).extracting(c -> c.command().type()).contains("AssignRole");
        assertThat(records()).filteredOn(r -> r.outcome() == EscalationOutcome.PAGED).hasSize(1);
        assertThat(store.ofIncident(incidentId)).extracting(Escalation::id).hasSize(1);
    }

    @Test
    void shouldGiveTheRoleToWhoeverAcknowledgedTheOpsgenieAlert() throws Exception {
        opsgenieAnswers(200);
        kafka.publish(log.append(REPORTER_SLACK, IncidentLog.slackTriage(ACME)));
        kafka.publish(log.append(REPORTER_SLACK, new EscalationRequested("ic", null)));
        String alias = awaitRecord(r -> INES.equals(r.paged())).alertReference();
        String webhook = ProviderStubs.OPSGENIE_ACKNOWLEDGED.replace("p1-ic:inc-7:layer-1", alias);

        given().header("X-Escalation-Token", "wrong")
                .body(webhook)
                .post("/oncall/opsgenie/webhook")
                .then()
                .statusCode(401);
        given().header("X-Escalation-Token", "it-webhook-token")
                .body(webhook)
                .post("/oncall/opsgenie/webhook")
                .then()
                .statusCode(202);

        CommandEnvelope assigned = awaitCommand(AssignRole.class);
        assertThat(assigned.command()).isEqualTo(new AssignRole(Role.INCIDENT_COORDINATOR, INES));
        assertThat(assigned.idempotencyKey()).isEqualTo("ack:" + alias);
    }

    @Test
    void shouldGiveTheRoleToWhoeverAcknowledgedThePagerDutyIncident() throws Exception {
        kafka.publish(log.append(CUSTOMER_MAIL, IncidentLog.emailTriage()));
        String reference = awaitRecord(r -> OLIVIA.equals(r.paged())).alertReference();
        byte[] webhook =
                ProviderStubs.PAGERDUTY_ACKNOWLEDGED
                        .replace("triage-oe:inc-9:layer-1", reference)
                        .replace("Oscar Lindqvist", "Olivia Okafor")
                        .getBytes(UTF_8);

        given().header("X-PagerDuty-Signature", ProviderStubs.sign("other", webhook))
                .body(webhook)
                .post("/oncall/pagerduty/webhook")
                .then()
                .statusCode(401);
        given().header("X-PagerDuty-Signature", ProviderStubs.sign("it-webhook-secret", webhook))
                .body(webhook)
                .post("/oncall/pagerduty/webhook")
                .then()
                .statusCode(202);

        assertThat(awaitCommand(AssignRole.class).command())
                .isEqualTo(new AssignRole(Role.OPERATIONS_ENGINEER, OLIVIA));
    }

    @Test
    void shouldSendAnUnreadableRecordToTheDeadLetters() throws Exception {
        kafka.publishRaw(incidentId, "not an event".getBytes(UTF_8));

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                kafka.deadLetters().stream()
                                        .anyMatch(r -> incidentId.equals(r.key())));
    }

    @Test
    void shouldSendAnEventWhosePredecessorsItNeverSawToTheDeadLetters() throws Exception {
        log.append(REPORTER_SLACK, IncidentLog.slackTriage(ACME));
        EventEnvelope second = log.append(CONFIRMER, new SeverityConfirmed(Severity.P1, List.of()));

        kafka.publish(second);

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                kafka.deadLetters().stream()
                                        .anyMatch(r -> incidentId.equals(r.key())));
        assertThat(commands()).isEmpty();
    }

    void opsgenieAnswers(int status) {
        OpsgenieResource.server.stubFor(
                get(urlPathEqualTo("/v2/schedules/IC%20Schedule/on-calls"))
                        .willReturn(aResponse().withStatus(status).withBody(OPSGENIE_ON_CALLS)));
        OpsgenieResource.server.stubFor(
                post(urlEqualTo("/v2/alerts"))
                        .willReturn(aResponse().withStatus(202).withBody(OPSGENIE_ACCEPTED)));
    }

    CommandEnvelope awaitCommand(Class<? extends IncidentCommand> type) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                commands().stream()
                                        .filter(c -> type.isInstance(c.command()))
                                        .findFirst(),
                        found -> found.isPresent())
                .orElseThrow();
    }

    List<CommandEnvelope> commands() {
        return kafka.commandsFor(incidentId);
    }

    List<RecordEscalation> records() {
        return commands().stream()
                .map(CommandEnvelope::command)
                .filter(RecordEscalation.class::isInstance)
                .map(RecordEscalation.class::cast)
                .toList();
    }

    RecordEscalation awaitRecord(Predicate<RecordEscalation> which) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> records().stream().filter(which).findFirst(),
                        found -> found.isPresent())
                .orElseThrow();
    }

    /** This incident's lines in the pages outbox. */
    List<String> outboxLines() throws Exception {
        Path file = Path.of("target/test-outbox").resolve(PagesOutbox.FILE_NAME);
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file).stream()
                .filter(line -> line.contains("\"incidentId\":\"" + incidentId + "\""))
                .toList();
    }
}
