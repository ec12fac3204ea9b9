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
    private static final Duration LOG_EVERY = Duration.ofSeconds(1);

    private final ReminderBoard board;
    private final ReminderBoard.Sink sink;
    private final Clock clock;
    private final Duration maxSleep;
    private final Thread thread;
    private volatile boolean running = true;
    private long sentSinceLog;
    private long lastLogNanos = System.nanoTime() - LOG_EVERY.toNanos();

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
                logSent(board.fireDue(clock.instant(), sink));
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

    /**
     * One line per second at most: during a burst after an outage a line per round (often one
     * reminder) costs more than the sending. The sender logs each reminder at debug.
     */
    private void logSent(int sent) {
        sentSinceLog += sent;
        long now = System.nanoTime();
        if (sentSinceLog > 0 && now - lastLogNanos >= LOG_EVERY.toNanos()) {
            long count = sentSinceLog;
            LOG.info(() -> "sent " + count + " due reminders");
            sentSinceLog = 0;
            lastLogNanos = now;
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
