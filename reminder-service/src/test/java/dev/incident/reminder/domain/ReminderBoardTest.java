package dev.incident.reminder.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.incident.events.model.ReminderRule;
import dev.incident.events.model.Severity;
import dev.incident.reminder.IncidentLog;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderBoardTest {

    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");
    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    private final ReminderBoard board = new ReminderBoard(ReminderRules.standard());
    private final List<DueReminder> sent = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();

    @Test
    void shouldNotFireBeforeTheShardsLogWasReadToTheEnd() {
        IncidentLog log = IncidentLog.of("inc-1");
        board.apply(0, log.declaredLive(Severity.P1, T0));

        fireAt(T0.plus(HALF_HOUR));
        assertThat(sent).isEmpty();

        board.open(0);
        fireAt(T0.plus(HALF_HOUR));
        assertThat(sent).containsExactly(customerUpdate("inc-1", T0.plus(HALF_HOUR)));
    }

    @Test
    void shouldFireWhatIsDueOnceInDueOrderAndScheduleTheNext() {
        IncidentLog early = IncidentLog.of("inc-early");
        IncidentLog late = IncidentLog.of("inc-late");
        board.open(0);
        board.apply(0, late.declaredLive(Severity.P1, T0.plusSeconds(60)));
        board.apply(0, early.declaredLive(Severity.P1, T0));

        fireAt(T0.plus(HALF_HOUR).plusSeconds(60));
        fireAt(T0.plus(HALF_HOUR).plusSeconds(61));

        assertThat(sent)
                .containsExactly(
                        customerUpdate("inc-early", T0.plus(HALF_HOUR)),
                        customerUpdate("inc-late", T0.plus(HALF_HOUR).plusSeconds(60)));
        assertThat(board.scheduled("inc-early"))
                .contains(customerUpdate("inc-early", T0.plus(HALF_HOUR.multipliedBy(2))));
        assertThat(texts.get(0))
                .startsWith("INC-inc-ea: the customer last heard from us at 09:00 UTC, 30 min ago");
    }

    @Test
    void shouldNotFireAReminderTheLogShowsWasSentAlready() {
        IncidentLog log = IncidentLog.of("inc-1");
        board.apply(0, log.declaredLive(Severity.P1, T0));
        board.fired(
                0,
                "inc-1",
                new FiredReminder(
                        ReminderRule.CUSTOMER_UPDATE, T0.plus(HALF_HOUR), T0.plus(HALF_HOUR)));
        board.open(0);

        fireAt(T0.plus(HALF_HOUR).plusSeconds(5));

        assertThat(sent).isEmpty();
        assertThat(board.scheduled("inc-1"))
                .contains(customerUpdate("inc-1", T0.plus(HALF_HOUR.multipliedBy(2))));
    }

    @Test
    void shouldForgetTheIncidentsOfAReleasedShard() {
        board.open(0);
        board.open(1);
        board.apply(0, IncidentLog.of("inc-0").declaredLive(Severity.P1, T0));
        board.apply(1, IncidentLog.of("inc-1").declaredLive(Severity.P1, T0));

        board.release(1);
        fireAt(T0.plus(HALF_HOUR));

        assertThat(sent).extracting(DueReminder::incidentId).containsExactly("inc-0");
        assertThat(board.trackedCount()).isEqualTo(1);
    }

    @Test
    void shouldUnscheduleAClosedIncident() {
        IncidentLog log = IncidentLog.of("inc-1");
        board.open(0);
        board.apply(0, log.declaredLive(Severity.P1, T0));
        board.apply(0, log.closed(T0.plusSeconds(60)));

        fireAt(T0.plus(Duration.ofDays(2)));

        assertThat(sent).isEmpty();
        assertThat(board.scheduledCount()).isZero();
    }

    @Test
    void shouldSendAgainAReminderThatDidNotReachTheBroker() {
        IncidentLog log = IncidentLog.of("inc-1");
        board.open(0);
        board.apply(0, log.declaredLive(Severity.P1, T0));
        fireAt(T0.plus(HALF_HOUR));

        board.sendFailed(sent.get(0));
        fireAt(T0.plus(HALF_HOUR).plusSeconds(121));

        assertThat(sent)
                .containsExactly(
                        customerUpdate("inc-1", T0.plus(HALF_HOUR)),
                        customerUpdate("inc-1", T0.plus(HALF_HOUR)));
        assertThat(board.scheduled("inc-1"))
                .contains(customerUpdate("inc-1", T0.plus(HALF_HOUR.multipliedBy(2))));
    }

    @Test
    void shouldNotSendAgainAFailedReminderWhenAnUpdateResetTheClockSince() {
        IncidentLog log = IncidentLog.of("inc-1");
        board.open(0);
        board.apply(0, log.declaredLive(Severity.P1, T0));
        fireAt(T0.plus(HALF_HOUR));
        board.apply(0, log.summaryUpdated(T0.plus(HALF_HOUR).plusSeconds(60)));

        board.sendFailed(sent.get(0));
        fireAt(T0.plus(HALF_HOUR).plusSeconds(121));

        assertThat(sent).hasSize(1);
    }

    private void fireAt(Instant now) {
        board.fireDue(
                now,
                (due, text) -> {
                    sent.add(due);
                    texts.add(text);
                });
    }

    private static DueReminder customerUpdate(String incidentId, Instant dueAt) {
        return new DueReminder(incidentId, ReminderRule.CUSTOMER_UPDATE, dueAt);
    }
}
