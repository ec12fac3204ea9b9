package dev.incident.reminder.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.IncidentCommand.IssueReminder;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.kafka.RecordHeaders;
import dev.incident.events.model.ActorSource;
import dev.incident.events.model.IncidentStatus;
import dev.incident.events.model.ReminderRule;
import dev.incident.events.model.Severity;
import dev.incident.reminder.IncidentLog;
import dev.incident.reminder.TestClock;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** The service against the real broker, with a clock the test moves. */
class ReminderEngineIT {

    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ReminderBroker broker = new ReminderBroker();
    private final TestClock clock = new TestClock(T0);
    private final String group = "reminder-it-" + UUID.randomUUID();
    private final List<ReminderEngine> engines = new ArrayList<>();

    @AfterEach
    void stop() {
        engines.forEach(ReminderEngine::close);
        broker.close();
    }

    @Test
    void shouldSendTheReminderWithItsRuleAndDueTimeWhenItComesDue() {
        IncidentLog incident = IncidentLog.of(id());
        broker.append(incident.declaredLive(Severity.P1, T0));
        ReminderEngine engine = startedInstance();
        awaitScheduled(engine, 1);

        clock.advance(minutes(30));

        CommandEnvelope command = awaitReminders(1).get(0);
        IssueReminder reminder = (IssueReminder) command.command();
        assertThat(command.incidentId()).isEqualTo(incident.incidentId());
        assertThat(reminder.rule()).isEqualTo(ReminderRule.CUSTOMER_UPDATE);
        assertThat(reminder.dueAt()).isEqualTo(T0.plus(minutes(30)));
        assertThat(reminder.text()).contains("the customer last heard from us at 09:00 UTC");
        assertThat(command.idempotencyKey())
                .isEqualTo(
                        "reminder:"
                                + incident.incidentId()
                                + ":CUSTOMER_UPDATE:"
                                + T0.plus(minutes(30)));
        assertThat(command.actor().source()).isEqualTo(ActorSource.SERVICE);
        assertThat(command.actor().id()).isEqualTo("reminder-service");
    }

    @Test
    void shouldRestartTheClockOnAnUpdateAndStopOnClose() {
        IncidentLog incident = IncidentLog.of(id());
        broker.append(incident.declaredLive(Severity.P1, T0));
        ReminderEngine engine = startedInstance();
        awaitScheduled(engine, 1);

        clock.set(T0.plus(minutes(20)));
        broker.append(
                incident.statusChanged(
                        IncidentStatus.INVESTIGATING, IncidentStatus.FIXING, clock.instant()));
        await().atMost(WAIT).until(() -> dueAt(engine, incident).equals(T0.plus(minutes(50))));
        clock.set(T0.plus(minutes(49)));
        assertNoMoreRemindersThan(0);

        clock.set(T0.plus(minutes(50)));
        assertThat(dueTimes(awaitReminders(1))).containsExactly(T0.plus(minutes(50)));

        clock.set(T0.plus(minutes(55)));
        broker.append(incident.closed(clock.instant()));
        await().atMost(WAIT).until(() -> engine.board().scheduledCount() == 0);
        clock.set(T0.plus(Duration.ofHours(5)));
        assertNoMoreRemindersThan(1);
    }

    @Test
    void shouldRemindTriageEveryTenMinutesAndCheckInDailyWhileMonitoring() {
        IncidentLog triage = IncidentLog.of(id());
        IncidentLog monitored = IncidentLog.of(id());
        broker.append(triage.declaredInTriage(T0), monitored.declaredLive(Severity.P2, T0));
        broker.append(
                monitored.statusChanged(
                        IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING, T0));
        ReminderEngine engine = startedInstance();
        awaitScheduled(engine, 2);

        clock.set(T0.plus(minutes(10)));
        awaitReminders(1);
        clock.set(T0.plus(minutes(20)));
        awaitReminders(2);
        clock.set(T0.plus(Duration.ofHours(24)));

        // The triage reminders due from 09:30 on came due in the same jump: one fires, for the
        // first missed due time, not one per missed interval.
        // The two incidents may sit on different partitions, read back in either order.
        assertThat(awaitReminders(4))
                .extracting(c -> ((IssueReminder) c.command()).rule(), c -> dueAt(c))
                .containsExactlyInAnyOrder(
                        tuple(ReminderRule.TRIAGE_DECISION, T0.plus(minutes(10))),
                        tuple(ReminderRule.TRIAGE_DECISION, T0.plus(minutes(20))),
                        tuple(ReminderRule.TRIAGE_DECISION, T0.plus(minutes(30))),
                        tuple(ReminderRule.MONITORING_CHECK_IN, T0.plus(Duration.ofHours(24))));
        assertNoMoreRemindersThan(4);
    }

    @Test
    void shouldFireAReminderThatCameDueWhileDownOnceWhenBackAndCarryOnFromThere() {
        IncidentLog incident = IncidentLog.of(id());
        broker.append(incident.declaredLive(Severity.P1, T0));
        ReminderEngine first = startedInstance();
        awaitScheduled(first, 1);
        stopInstance(first);

        clock.set(T0.plus(Duration.ofHours(2)));
        startedInstance();

        assertThat(dueTimes(awaitReminders(1))).containsExactly(T0.plus(minutes(30)));
        assertNoMoreRemindersThan(1);

        clock.set(T0.plus(Duration.ofHours(2)).plus(minutes(30)));
        assertThat(dueTimes(awaitReminders(2)))
                .containsExactly(T0.plus(minutes(30)), T0.plus(minutes(150)));
    }

    @Test
    void shouldNotFireAgainAfterARestartWhenTheReminderWasSentButNotYetRecorded() {
        IncidentLog incident = IncidentLog.of(id());
        broker.append(incident.declaredLive(Severity.P1, T0));
        ReminderEngine first = startedInstance();
        awaitScheduled(first, 1);
        clock.set(T0.plus(minutes(30)));
        awaitReminders(1);

        // incident-core has not recorded the ReminderIssued yet when the service restarts.
        stopInstance(first);
        clock.set(T0.plus(minutes(31)));
        ReminderEngine second = startedInstance();

        await().atMost(WAIT).until(() -> T0.plus(minutes(60)).equals(dueAt(second, incident)));
        assertNoMoreRemindersThan(1);
    }

    @Test
    void shouldFireEachReminderOnceWhileTwoInstancesShareTheIncidents() {
        List<IncidentLog> incidents = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            IncidentLog incident = IncidentLog.of(id());
            broker.append(incident.declaredLive(Severity.P1, T0.plus(minutes(i))));
            incidents.add(incident);
        }
        ReminderEngine first = startedInstance();
        awaitScheduled(first, 30);

        clock.set(T0.plus(minutes(44)));
        awaitReminders(15);

        ReminderEngine second = startedInstance();
        await().atMost(WAIT)
                .until(
                        () ->
                                first.caughtUp()
                                        && second.caughtUp()
                                        && second.board().scheduledCount() > 0
                                        && first.board().scheduledCount()
                                                        + second.board().scheduledCount()
                                                == 30);

        clock.set(T0.plus(minutes(59)).plusSeconds(59));
        List<CommandEnvelope> reminders = awaitReminders(30);
        assertThat(reminders)
                .extracting(CommandEnvelope::incidentId)
                .containsExactlyInAnyOrderElementsOf(
                        incidents.stream().map(IncidentLog::incidentId).toList());

        stopInstance(second);
        await().atMost(WAIT).until(() -> first.board().scheduledCount() == 30);
        assertNoMoreRemindersThan(30);
    }

    @Test
    void shouldDeadLetterARecordThatIsNoEventAndCarryOn() {
        IncidentLog incident = IncidentLog.of(id());
        broker.appendRaw(incident.incidentId(), "not an event".getBytes(UTF_8));
        broker.append(incident.declaredLive(Severity.P1, T0));
        ReminderEngine engine = startedInstance();
        awaitScheduled(engine, 1);

        await().atMost(WAIT).until(() -> !broker.deadLetters().isEmpty());
        ConsumerRecord<String, byte[]> dead = broker.deadLetters().get(0);
        assertThat(dead.key()).isEqualTo(incident.incidentId());
        assertThat(new String(dead.value(), UTF_8)).isEqualTo("not an event");
        assertThat(ContractRecords.header(dead.headers(), RecordHeaders.DEAD_LETTER_CONSUMER))
                .contains("reminder-service");

        clock.advance(minutes(30));
        assertThat(dueTimes(awaitReminders(1))).containsExactly(T0.plus(minutes(30)));
    }

    private ReminderEngine startedInstance() {
        ReminderEngine engine = ReminderEngine.start(broker.settings(group, clock));
        engines.add(engine);
        await().atMost(WAIT).until(engine::caughtUp);
        return engine;
    }

    private void stopInstance(ReminderEngine engine) {
        engines.remove(engine);
        engine.close();
    }

    private void awaitScheduled(ReminderEngine engine, int count) {
        await().atMost(WAIT).until(() -> engine.board().scheduledCount() == count);
    }

    private List<CommandEnvelope> awaitReminders(int count) {
        await().atMost(WAIT).until(() -> reminders().size() >= count);
        return reminders();
    }

    /** Gives a wrong extra reminder time to show up before checking there is none. */
    private void assertNoMoreRemindersThan(int count) {
        await().pollDelay(Duration.ofMillis(1500)).atMost(WAIT).until(() -> true);
        assertThat(reminders()).hasSize(count);
    }

    private List<CommandEnvelope> reminders() {
        return broker.commands().stream()
                .filter(c -> c.command() instanceof IssueReminder)
                .toList();
    }

    private static Instant dueAt(ReminderEngine engine, IncidentLog incident) {
        return engine.board()
                .scheduled(incident.incidentId())
                .map(due -> due.dueAt())
                .orElse(Instant.EPOCH);
    }

    private static List<Instant> dueTimes(List<CommandEnvelope> commands) {
        return commands.stream().map(ReminderEngineIT::dueAt).toList();
    }

    private static Instant dueAt(CommandEnvelope command) {
        return ((IssueReminder) command.command()).dueAt();
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }
}
