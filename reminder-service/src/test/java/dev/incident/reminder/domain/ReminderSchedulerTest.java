package dev.incident.reminder.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.incident.events.model.Severity;
import dev.incident.reminder.IncidentLog;
import dev.incident.reminder.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReminderSchedulerTest {

    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");

    @Test
    void shouldFireWhenTheClockReachesTheDueTimeAndNotBefore() throws Exception {
        TestClock clock = new TestClock(T0);
        ReminderBoard board = new ReminderBoard(ReminderRules.standard());
        List<DueReminder> sent = new CopyOnWriteArrayList<>();
        board.open(0);
        board.apply(0, IncidentLog.of("inc-1").declaredLive(Severity.P1, T0));

        try (ReminderScheduler scheduler =
                new ReminderScheduler(
                                board, (due, text) -> sent.add(due), clock, Duration.ofMillis(20))
                        .start()) {
            clock.advance(Duration.ofMinutes(29).plusSeconds(59));
            Thread.sleep(200);
            assertThat(sent).isEmpty();

            clock.advance(Duration.ofSeconds(1));
            await().atMost(Duration.ofSeconds(2)).until(() -> sent.size() == 1);
            assertThat(sent.get(0).dueAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        }
    }

    @Test
    void shouldWakeUpForAReminderThatComesDueSoonerThanTheOneItWaitsFor() {
        // The real clock: the scheduler sleeps towards a reminder an hour away, then an
        // incident arrives whose reminder is due in 300 ms.
        ReminderBoard board = new ReminderBoard(ReminderRules.standard());
        List<Instant> firedAt = new CopyOnWriteArrayList<>();
        board.open(0);
        Instant now = Instant.now();
        board.apply(0, IncidentLog.of("inc-far").declaredLive(Severity.P1, now.plusSeconds(1800)));

        try (ReminderScheduler scheduler =
                new ReminderScheduler(
                                board,
                                (due, text) -> firedAt.add(Instant.now()),
                                java.time.Clock.systemUTC(),
                                Duration.ofHours(1))
                        .start()) {
            Instant due = Instant.now().plusMillis(300);
            board.apply(
                    0,
                    IncidentLog.of("inc-near")
                            .declaredLive(Severity.P1, due.minus(Duration.ofMinutes(30))));

            await().atMost(Duration.ofSeconds(2)).until(() -> firedAt.size() == 1);
            assertThat(Duration.between(due, firedAt.get(0))).isLessThan(Duration.ofMillis(200));
        }
    }
}
