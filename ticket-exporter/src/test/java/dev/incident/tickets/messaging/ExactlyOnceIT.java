package dev.incident.tickets.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.IncidentCommand.RecordFollowUpExport;
import dev.incident.events.command.IncidentCommand.RecordIntegrationFailure;
import dev.incident.events.model.Customer;
import dev.incident.events.model.IncidentStatus;
import dev.incident.tickets.ExporterRuntime;
import dev.incident.tickets.IncidentLog;
import dev.incident.tickets.TopicsOnTheBroker;
import dev.incident.tickets.domain.ExportMoment;
import dev.incident.tickets.domain.IssueComposer;
import dev.incident.tickets.github.GitHubFake;
import dev.incident.tickets.github.GitHubIssueTracker;

import static dev.incident.events.event.IncidentEvent.StatusChanged;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The exporter over the real broker against GitHub played by WireMock: one issue per follow-up
 * whatever is redelivered, restarted or run twice.
 */
class ExactlyOnceIT {

    private static final String CUSTOMER_REPO = "acme-corp/platform";
    private static final String DEFAULT_REPO = "ops/follow-ups";
    private static final String HIDDEN_REPO = "globex-inc/ops";

    private final TopicsOnTheBroker topics = new TopicsOnTheBroker();
    private final GitHubFake github =
            new GitHubFake()
                    .repository(CUSTOMER_REPO)
                    .repository(DEFAULT_REPO)
                    .hiddenRepository(HIDDEN_REPO);
    private final String group = "ticket-exporter-" + UUID.randomUUID();
    private final List<ExporterRuntime> running = new ArrayList<>();

    @AfterEach
    void stop() {
        running.forEach(ExporterRuntime::close);
        github.close();
        topics.close();
    }

    @Test
    void shouldCreateOneIssuePerFollowUpWhenEventsAreRedelivered() {
        // given a closed incident with two follow-ups whose close and follow-up are delivered twice
        IncidentLog log =
                IncidentLog.fresh()
                        .p1()
                        .followUp("FU-1", "Alarm on gateway timeouts")
                        .followUp("FU-2", "Runbook for the payment gateway")
                        .closed();
        topics.append(log.events());
        topics.append(List.of(log.events().get(3), log.last()));

        // when
        exporter(ExportMoment.CLOSED);

        // then
        await().atMost(Duration.ofSeconds(30)).until(() -> exports(log).size() == 2);
        settle();
        assertThat(github.issues(CUSTOMER_REPO))
                .extracting(issue -> issue.path("title").asText())
                .containsExactlyInAnyOrder(
                        "Alarm on gateway timeouts", "Runbook for the payment gateway");
        assertThat(github.createRequests(CUSTOMER_REPO)).isEqualTo(2);
        assertThat(exports(log))
                .extracting(RecordFollowUpExport::issueUrl)
                .containsExactlyInAnyOrderElementsOf(urls(CUSTOMER_REPO));
    }

    @Test
    void shouldFindTheIssueAgainAfterARestartBeforeTheLogRecordedIt() {
        // given an exporter created the issue and sent its record, but incident-core has not
        // appended FollowUpExported when the exporter restarts
        IncidentLog log = IncidentLog.fresh().p1().followUp("FU-1", "Alarm").closed();
        topics.append(log.events());
        ExporterRuntime first = exporter(ExportMoment.CLOSED);
        await().atMost(Duration.ofSeconds(30)).until(() -> exports(log).size() == 1);
        first.close();
        running.remove(first);

        // when
        exporter(ExportMoment.CLOSED);

        // then the restarted exporter records the same issue again and creates none
        await().atMost(Duration.ofSeconds(30)).until(() -> exports(log).size() == 2);
        assertThat(github.createRequests(CUSTOMER_REPO)).isEqualTo(1);
        assertThat(exports(log))
                .extracting(RecordFollowUpExport::issueUrl)
                .containsOnly(urls(CUSTOMER_REPO).get(0));
        assertThat(commands(log))
                .extracting(CommandEnvelope::idempotencyKey)
                .containsOnly("export:" + log.incidentId() + "/FU-1");
    }

    @Test
    void shouldLeaveFollowUpsAloneThatTheLogRecordsAsExported() {
        // given FU-1 was exported before; FU-2 was not
        IncidentLog log =
                IncidentLog.fresh()
                        .p1()
                        .followUp("FU-1", "Alarm")
                        .followUp("FU-2", "Runbook")
                        .closed()
                        .exported("FU-1", "https://github.com/acme-corp/platform/issues/7", "7");
        topics.append(log.events());

        // when
        exporter(ExportMoment.CLOSED);

        // then
        await().atMost(Duration.ofSeconds(30)).until(() -> exports(log).size() == 1);
        settle();
        assertThat(exports(log))
                .extracting(RecordFollowUpExport::followUpId)
                .containsExactly("FU-2");
        assertThat(github.createRequests(CUSTOMER_REPO)).isEqualTo(1);
    }

    @Test
    void shouldShareTheIncidentsWithASecondInstanceWithoutDuplicates() {
        // given six closed incidents with two follow-ups each
        List<IncidentLog> logs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            IncidentLog log =
                    IncidentLog.fresh().p1().followUp("FU-1", "A " + i).followUp("FU-2", "B " + i);
            logs.add(log.closed());
            topics.append(log.events());
        }

        // when two instances of the same group run, the second joining while the first works
        exporter(ExportMoment.CLOSED);
        exporter(ExportMoment.CLOSED);

        // then
        await().atMost(Duration.ofSeconds(60))
                .until(() -> github.issues(CUSTOMER_REPO).size() == 12);
        settle();
        assertThat(github.issues(CUSTOMER_REPO)).hasSize(12);
        assertThat(github.issues(CUSTOMER_REPO))
                .extracting(issue -> marker(issue))
                .doesNotHaveDuplicates();
    }

    @Test
    void shouldExportAtOnceWhenConfiguredToTheDefaultRepository() {
        // given an open incident of a customer without a repository of its own
        IncidentLog log =
                IncidentLog.fresh()
                        .declared(Customer.known("initech", "Initech"))
                        .then(
                                new StatusChanged(
                                        IncidentStatus.INVESTIGATING, IncidentStatus.FIXING, null))
                        .followUp("FU-1", "Alarm");
        topics.append(log.events());

        // when
        exporter(ExportMoment.ADDED);

        // then
        await().atMost(Duration.ofSeconds(30)).until(() -> exports(log).size() == 1);
        assertThat(github.issues(DEFAULT_REPO)).hasSize(1);
    }

    @Test
    void shouldRecordAMissingPermissionInTheIncidentWithAReadableReason() {
        // given the customer's repository answers 404 to the token
        IncidentLog log =
                IncidentLog.fresh()
                        .declared(Customer.known("globex", "Globex"))
                        .followUp("FU-1", "Alarm")
                        .closed();
        topics.append(log.events());

        // when
        exporter(ExportMoment.CLOSED);

        // then
        await().atMost(Duration.ofSeconds(30)).until(() -> failures(log).size() == 1);
        RecordIntegrationFailure failure = failures(log).get(0);
        assertThat(failure.integration()).isEqualTo("github");
        assertThat(failure.operation()).isEqualTo("export follow-up FU-1");
        assertThat(failure.reason())
                .contains("GitHub answered 404")
                .contains(HIDDEN_REPO)
                .contains("the token may not see it");
        assertThat(exports(log)).isEmpty();
    }

    @Test
    void shouldDeadLetterAnUnreadableRecordAndCarryOn() {
        // given
        IncidentLog log = IncidentLog.fresh().p1().followUp("FU-1", "Alarm").closed();
        topics.appendRaw(log.incidentId(), "not json".getBytes(UTF_8));
        topics.append(log.events());

        // when
        exporter(ExportMoment.CLOSED);

        // then
        await().atMost(Duration.ofSeconds(30)).until(() -> exports(log).size() == 1);
        assertThat(topics.deadLetters())
                .extracting(record -> new String(record.value(), UTF_8))
                .containsExactly("not json");
    }

    private ExporterRuntime exporter(ExportMoment moment) {
        try {
            IssueComposer composer =
                    new IssueComposer(
                            DEFAULT_REPO,
                            Map.of("acme", CUSTOMER_REPO, "globex", HIDDEN_REPO),
                            Map.of(IncidentLog.BOB.id(), "bob-tanaka"),
                            null);
            ExporterRuntime runtime =
                    ExporterRuntime.start(
                            new ExporterRuntime.Settings(
                                    topics.bootstrap(),
                                    group,
                                    topics.names(),
                                    moment,
                                    Duration.ZERO,
                                    composer,
                                    GitHubIssueTracker.connect(
                                            github.apiUrl(), "ghp_test", Duration.ofSeconds(5)),
                                    Duration.ofMillis(500),
                                    Duration.ofMinutes(2)));
            running.add(runtime);
            return runtime;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gives a wrongly repeated export time to happen: a few retry sweeps. */
    private static void settle() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<CommandEnvelope> commands(IncidentLog log) {
        return topics.commands().stream()
                .filter(command -> command.incidentId().equals(log.incidentId()))
                .toList();
    }

    private List<RecordFollowUpExport> exports(IncidentLog log) {
        return commands(log).stream()
                .map(CommandEnvelope::command)
                .filter(RecordFollowUpExport.class::isInstance)
                .map(RecordFollowUpExport.class::cast)
                .toList();
    }

    private List<RecordIntegrationFailure> failures(IncidentLog log) {
        return commands(log).stream()
                .map(CommandEnvelope::command)
                .filter(RecordIntegrationFailure.class::isInstance)
                .map(RecordIntegrationFailure.class::cast)
                .toList();
    }

    private List<String> urls(String repository) {
        return github.issues(repository).stream()
                .map(issue -> issue.path("html_url").asText())
                .toList();
    }

    private static String marker(JsonNode issue) {
        String body = issue.path("body").asText();
        return body.substring(body.indexOf("<!-- incident-followup:"));
    }
}
