package dev.incident.reminder.domain;

import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one thread that fires reminders: it sleeps until the earliest due time on the board (or until
 * the board changes), sends what is due, and sleeps again. With nothing due it wakes at most once
 * per {@code maxSleep}, which also bounds the lateness when the wall clock jumps or a test clock is
 * moved, since the wait itself runs on the monotonic clock.
 */
public final class ReminderScheduler implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ReminderScheduler.class.getName());
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

    private final ReminderBoard board;
    private final ReminderBoard.Sink sink;
    private final Clock clock;
    private final Duration maxSleep;
    private final Thread thread;
    private volatile boolean running = true;

    public ReminderScheduler(
            ReminderBoard board, ReminderBoard.Sink sink, Clock clock, Duration maxSleep) {
        this.board = board;
        this.sink = sink;
        this.clock = clock;
        this.maxSleep = maxSleep;
        this.thread = new Thread(this::run, "reminder-scheduler");
        this.thread.setDaemon(true);
    }

    public ReminderScheduler start() {
        thread.start();
        return this;
    }

    private void run() {
        while (running) {
            try {
                int sent = board.fireDue(clock.instant(), sink);
                if (sent > 0) {
                    LOG.info(() -> "sent " + sent + " due reminders");
                }
                board.awaitDue(clock.instant(), maxSleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The reminder stays due; sending is tried again after a pause.
                LOG.log(Level.WARNING, "sending a due reminder failed; retrying in 1 s", e);
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_AFTER_FAILURE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops firing; returns once the thread has finished its current round. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
