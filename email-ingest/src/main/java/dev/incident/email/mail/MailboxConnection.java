package dev.incident.email.mail;

import java.time.Duration;
import java.util.Properties;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

import dev.incident.email.config.IngestConfig;

/**
 * One IMAP (or IMAPS) connection to the ingest mailbox with its inbox open for writing and the
 * processed, ignored and quarantine folders created when missing.
 */
public final class MailboxConnection implements AutoCloseable {

    private final IMAPStore store;
    private final IMAPFolder inbox;
    private final IngestConfig.Mailbox config;

    private final boolean idle;
    private final boolean move;
    private final boolean uidPlus;

    private MailboxConnection(IMAPStore store, IMAPFolder inbox, IngestConfig.Mailbox config)
            throws MessagingException {
        this.store = store;
        this.inbox = inbox;
        this.config = config;
        // Asked once: each question uses the store's own connection, which the server may drop.
        this.idle = config.idle() && store.hasCapability("IDLE");
        this.move = config.useMove() && store.hasCapability("MOVE");
        this.uidPlus = store.hasCapability("UIDPLUS");
    }

    /** Connects with the configured address, credentials and protocol. */
    public static MailboxConnection open(IngestConfig.Mailbox config) throws MessagingException {
        return open(config, config.timeout());
    }

    /** Connects with a socket read timeout of its own (long for a connection that only idles). */
    public static MailboxConnection open(IngestConfig.Mailbox config, Duration readTimeout)
            throws MessagingException {
        String protocol = config.ssl() ? "imaps" : "imap";
        Session session = Session.getInstance(properties(config, protocol, readTimeout));
        Store store = session.getStore(protocol);
        store.connect(config.host(), config.port(), config.user(), config.password().orElse(""));
        try {
            var inbox = (IMAPFolder) store.getFolder(config.folder());
            inbox.open(Folder.READ_WRITE);
            var connection = new MailboxConnection((IMAPStore) store, inbox, config);
            connection.ensureFolders();
            return connection;
        } catch (MessagingException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static Properties properties(
            IngestConfig.Mailbox config, String protocol, Duration readTimeout) {
        var properties = new Properties();
        String prefix = "mail." + protocol + ".";
        long timeout = config.timeout().toMillis();
        properties.put(prefix + "connectiontimeout", String.valueOf(timeout));
        properties.put(prefix + "timeout", String.valueOf(readTimeout.toMillis()));
        properties.put(prefix + "writetimeout", String.valueOf(timeout));
        properties.put(prefix + "peek", "true");
        properties.put(prefix + "fetchsize", String.valueOf(1 << 20));
        if (config.ssl()) {
            properties.put(prefix + "ssl.checkserveridentity", "true");
        }
        return properties;
    }

    private void ensureFolders() throws MessagingException {
        for (String name :
                new String[] {
                    config.processedFolder(), config.ignoredFolder(), config.quarantineFolder()
                }) {
            Folder folder = store.getFolder(name);
            if (!folder.exists()) {
                folder.create(Folder.HOLDS_MESSAGES);
            }
        }
    }

    public IMAPFolder inbox() {
        return inbox;
    }

    public boolean canIdle() {
        return idle;
    }

    public boolean canMove() {
        return move;
    }

    public boolean hasUidPlus() {
        return uidPlus;
    }

    public Folder folder(String name) throws MessagingException {
        return store.getFolder(name);
    }

    @Override
    public void close() {
        try {
            if (inbox.isOpen()) {
                inbox.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            // Closing a broken connection: nothing left to save.
        }
        try {
            store.close();
        } catch (MessagingException e) {
            // As above.
        }
    }
}
