package dev.incident.email.mail;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import jakarta.mail.MessagingException;

import org.jboss.logging.Logger;

import dev.incident.email.config.IngestConfig;

/**
 * A second connection to the inbox that only sits in IDLE and releases a permit whenever the server
 * reports a change, so the reader sweeps at once instead of at the next poll. Only this thread uses
 * its connection: an IDLE ended from another thread races with the server's own notifications.
 */
final class NewMailWatcher {

    private static final Logger LOG = Logger.getLogger(NewMailWatcher.class);

    /** RFC 2177: re-issue IDLE within 29 minutes; the socket may wait a little longer. */
    private static final Duration IDLE_READ_TIMEOUT = Duration.ofMinutes(30);

    private final IngestConfig.Mailbox config;
    private final Semaphore newMail;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile MailboxConnection connection;

    private NewMailWatcher(IngestConfig.Mailbox config, Semaphore newMail) {
        this.config = config;
        this.newMail = newMail;
        this.thread = new Thread(this::watch, "mailbox-idle");
        this.thread.setDaemon(true);
    }

    static NewMailWatcher start(IngestConfig.Mailbox config, Semaphore newMail) {
        var watcher = new NewMailWatcher(config, newMail);
        watcher.thread.start();
        return watcher;
    }

    private void watch() {
        while (running) {
            try (MailboxConnection open = MailboxConnection.open(config, IDLE_READ_TIMEOUT)) {
                connection = open;
                while (running) {
                    open.inbox().idle(true);
                    newMail.release();
                }
            } catch (MessagingException | RuntimeException e) {
                if (running) {
                    LOG.debugf(
                            "IDLE connection ended (%s); the reader polls meanwhile",
                            e.getMessage());
                    newMail.release();
                    pause();
                }
            } finally {
                connection = null;
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(config.reconnectDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Closing the connection ends its IDLE with an exception, which ends the thread. */
    void stop() {
        running = false;
        MailboxConnection open = connection;
        if (open != null) {
            open.close();
        }
        thread.interrupt();
    }
}
