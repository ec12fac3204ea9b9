package dev.incident.reminder.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.incident.events.event.EventEnvelope;
import dev.incident.events.model.IncidentStatus;
import dev.incident.events.model.ReminderRule;
import dev.incident.events.model.Severity;
import dev.incident.reminder.IncidentLog;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentRemindersTest {

    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");
    private static final ReminderRules RULES = ReminderRules.standard();

    private final IncidentLog log = IncidentLog.of("inc-1");
    private final IncidentReminders reminders = new IncidentReminders("inc-1");

    @Test
    void shouldRemindInvestigatingP1ThirtyMinutesAfterDeclaration() {
        given(log.declaredLive(Severity.P1, T0));

        assertThat(next()).contains(due(ReminderRule.CUSTOMER_UPDATE, T0.plus(minutes(30))));
    }

    @Test
    void shouldRemindFixingThirtyMinutesAfterTheMoveToFixing() {
        given(
                log.declaredLive(Severity.P1, T0),
                log.statusChanged(
                        IncidentStatus.INVESTIGATING, IncidentStatus.FIXING, T0.plus(minutes(12))));

        assertThat(next()).contains(due(ReminderRule.CUSTOMER_UPDATE, T0.plus(minutes(42))));
    }

    @Test
    void shouldRestartTheClockOnASummaryUpdate() {
        given(log.declaredLive(Severity.P1, T0), log.summaryUpdated(T0.plus(minutes(20))));

        assertThat(next()).contains(due(ReminderRule.CUSTOMER_UPDATE, T0.plus(minutes(50))));
    }

    @Test
    void shouldRepeatOneIntervalAfterAReminderWhileNothingChanges() {
        given(
                log.declaredLive(Severity.P1, T0),
                log.reminderIssued(
                        ReminderRule.CUSTOMER_UPDATE, T0.plus(minutes(30)), T0.plus(minutes(30))));

        // The ReminderIssued event is not a customer update: the clock runs on from the due time.
        assertThat(reminders.state().lastCustomerUpdateAt()).isEqualTo(T0);
        assertThat(next()).contains(due(ReminderRule.CUSTOMER_UPDATE, T0.plus(minutes(60))));
    }

    @Test
    void shouldFireOnceAfterDowntimeInsteadOfOncePerMissedInterval() {
        given(log.declaredLive(Severity.P1, T0));

        reminders.fired(
                new FiredReminder(
                        ReminderRule.CUSTOMER_UPDATE, T0.plus(minutes(30)), T0.plus(minutes(125))));

        assertThat(next()).contains(due(ReminderRule.CUSTOMER_UPDATE, T0.plus(minutes(150))));
    }

    @Test
    void shouldIgnoreAReminderOfAClockThatAnUpdateHasReset() {
        // The reminder was sent at 09:30, the update came at 09:31, core recorded both in that
        // order: the reminder belongs to the old clock and must not shift the new one.
        given(
                log.declaredLive(Severity.P1, T0),
                log.summaryUpdated(T0.plus(minutes(31))),
                log.reminderIssued(
                        ReminderRule.CUSTOMER_UPDATE, T0.plus(minutes(30)), T0.plus(minutes(31))));

        assertThat(next()).contains(due(ReminderRule.CUSTOMER_UPDATE, T0.plus(minutes(61))));
    }

    @Test
    void shouldRemindTriageEveryTenMinutesUntilConfirmed() {
        given(log.declaredInTriage(T0));
        assertThat(next()).contains(due(ReminderRule.TRIAGE_DECISION, T0.plus(minutes(10))));

        given(
                log.reminderIssued(
                        ReminderRule.TRIAGE_DECISION, T0.plus(minutes(10)), T0.plus(minutes(10))));
        assertThat(next()).contains(due(ReminderRule.TRIAGE_DECISION, T0.plus(minutes(20))));

        given(log.confirmed(Severity.P1, T0.plus(minutes(25))));
        assertThat(next()).contains(due(ReminderRule.CUSTOMER_UPDATE, T0.plus(minutes(55))));
    }

    @Test
    void shouldStopTriageRemindersWhenDeclined() {
        given(log.declaredInTriage(T0), log.declined(T0.plus(minutes(4))));

        assertThat(next()).isEmpty();
        assertThat(reminders.isOver()).isTrue();
    }

    @Test
    void shouldStopRemindersWhenClosed() {
        given(log.declaredLive(Severity.P1, T0), log.closed(T0.plus(minutes(29))));

        assertThat(next()).isEmpty();
    }

    @Test
    void shouldCheckInDailyWhileMonitoring() {
        given(
                log.declaredLive(Severity.P1, T0),
                log.statusChanged(
                        IncidentStatus.INVESTIGATING,
                        IncidentStatus.MONITORING,
                        T0.plus(minutes(90))));

        assertThat(next())
                .contains(
                        due(
                                ReminderRule.MONITORING_CHECK_IN,
                                T0.plus(minutes(90)).plus(Duration.ofHours(24))));
    }

    @Test
    void shouldUseTheIntervalConfiguredForTheSeverity() {
        ReminderRules slowerForP2 =
                new ReminderRules(
                        Map.of(
                                ReminderRule.CUSTOMER_UPDATE,
                                new RuleTiming(
                                        true, minutes(30), Map.of(Severity.P2, minutes(120))),
                                ReminderRule.TRIAGE_DECISION,
                                RuleTiming.every(minutes(10)),
                                ReminderRule.MONITORING_CHECK_IN,
                                new RuleTiming(false, Duration.ofHours(24), Map.of())));
        given(log.declaredLive(Severity.P2, T0));

        assertThat(reminders.next(slowerForP2))
                .contains(due(ReminderRule.CUSTOMER_UPDATE, T0.plus(minutes(120))));
    }

    @Test
    void shouldIgnoreAnEventItHasFoldedBefore() {
        EventEnvelope declared = log.declaredLive(Severity.P1, T0);
        given(declared);

        assertThat(reminders.apply(declared)).isFalse();
        assertThat(next()).contains(due(ReminderRule.CUSTOMER_UPDATE, T0.plus(minutes(30))));
    }

    @Test
    void shouldNameTheRuleAndDueTimeInTheIdempotencyKey() {
        assertThat(due(ReminderRule.CUSTOMER_UPDATE, T0).idempotencyKey())
                .isEqualTo("reminder:inc-1:CUSTOMER_UPDATE:2026-12-03T09:00:00Z");
    }

    private void given(EventEnvelope... events) {
        for (EventEnvelope event : events) {
            reminders.apply(event);
        }
    }

    private Optional<DueReminder> next() {
        return reminders.next(RULES);
    }

    private static DueReminder due(ReminderRule rule, Instant at) {
        return new DueReminder("inc-1", rule, at);
    }

    private static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }
}
