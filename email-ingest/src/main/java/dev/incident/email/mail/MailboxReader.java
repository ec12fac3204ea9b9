package dev.incident.email.mail;

import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.mail.MessagingException;

import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

import dev.incident.email.config.IngestConfig;
import dev.incident.email.domain.MailIntake;
import dev.incident.email.messaging.CommandPublisher;
import dev.incident.email.messaging.IngestMetrics;

/**
 * Reads the ingest mailbox for as long as the service runs: a sweep over the inbox, then a wait
 * until a second connection in IDLE hears of new mail (when the server offers IDLE) or the poll
 * interval passes. A lost connection is reopened after a delay; what was not acknowledged stays in
 * the inbox and is read again.
 */
@ApplicationScoped
public class MailboxReader {

    private static final Logger LOG = Logger.getLogger(MailboxReader.class);

    private final IngestConfig config;
    private final MailIntake intake;
    private final CommandPublisher publisher;
    private final IngestMetrics metrics;

    private volatile boolean running;
    private volatile MailboxConnection connection;
    private volatile String lastProblem = "no sweep of the mailbox yet";
    private volatile Instant lastSweep;
    private volatile boolean idling;
    private final Semaphore newMail = new Semaphore(0);
    private Thread thread;

    public MailboxReader(
            IngestConfig config,
            MailIntake intake,
            CommandPublisher publisher,
            IngestMetrics metrics) {
        this.config = config;
        this.intake = intake;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.mailbox().enabled()) {
            LOG.info("mailbox reader is disabled (ingest.mailbox.enabled=false)");
            return;
        }
        running = true;
        thread = new Thread(this::readForever, "mailbox-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Whether the reader holds a connection and swept within two poll intervals (plus the socket
     * timeout), and what went wrong last when not. Judged from the reader's own progress, so the
     * health check never touches the connection from another thread.
     */
    public Status status() {
        Instant swept = lastSweep;
        var mailbox = config.mailbox();
        Instant due =
                Instant.now()
                        .minus(mailbox.pollInterval().multipliedBy(2))
                        .minus(mailbox.timeout());
        boolean connected = connection != null && swept != null && swept.isAfter(due);
        return new Status(
                mailbox.enabled(), connected, idling, connected ? null : lastProblem, swept);
    }

    /** What the health check reports. */
    public record Status(
            boolean enabled, boolean connected, boolean idle, String problem, Instant lastSweep) {}

    /** Sweeps in a row without waiting, while each finds mail. */
    private static final int MAX_QUICK_SWEEPS = 10;

    private void readForever() {
        var mailbox = config.mailbox();
        while (running) {
            try (MailboxConnection open = MailboxConnection.open(mailbox)) {
                connection = open;
                LOG.infof(
                        "connected to %s:%d/%s as %s (%s, %s)",
                        mailbox.host(),
                        mailbox.port(),
                        mailbox.folder(),
                        mailbox.user(),
                        mailbox.ssl() ? "imaps" : "imap",
                        open.canIdle() ? "idle" : "polling");
                readWhileConnected(open);
            } catch (MessagingException | CommandPublisher.PublishFailed | RuntimeException e) {
                lastProblem = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (running) {
                    LOG.warnf(
                            e,
                            "mailbox reader stopped, reconnecting in %s",
                            mailbox.reconnectDelay());
                    pause(mailbox.reconnectDelay().toMillis());
                }
            } finally {
                connection = null;
            }
        }
    }

    private void readWhileConnected(MailboxConnection open)
            throws MessagingException, CommandPublisher.PublishFailed {
        var sweep =
                new MailboxSweep(
                        open,
                        intake,
                        publisher,
                        metrics,
                        config,
                        MailboxSweep.AfterAcknowledged.NOTHING);
        boolean idle = open.canIdle();
        idling = idle;
        NewMailWatcher watcher = idle ? NewMailWatcher.start(config.mailbox(), newMail) : null;
        try {
            int quickSweeps = 0;
            while (running) {
                int handled = sweep.run();
                lastSweep = Instant.now();
                if (handled > 0) {
                    LOG.debugf("handled %d messages", handled);
                }

                // Mail that lands while a sweep runs may raise no notification: the IDLE
                // connection is between two IDLE commands then. So after a sweep that found mail,
                // look again at once; every message found leaves the inbox or stops the reader,
                // and the cap only guards against a server that does not let it leave.
                if (handled == 0 || ++quickSweeps > MAX_QUICK_SWEEPS) {
                    quickSweeps = 0;
                    waitForMail();
                }
            }
        } finally {
            if (watcher != null) {
                watcher.stop();
            }
        }
    }

    /** Until the watcher reports new mail, or the poll interval passes. */
    private void waitForMail() {
        try {
            newMail.tryAcquire(config.mailbox().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            newMail.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        MailboxConnection open = connection;
        if (open != null) {
            open.close();
        }
        newMail.release();
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
