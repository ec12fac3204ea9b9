package dev.incident.email.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.jboss.logging.Logger;

import dev.incident.email.config.IngestConfig;
import dev.incident.email.domain.Decision;
import dev.incident.email.domain.MailIntake;
import dev.incident.email.domain.Quarantine;
import dev.incident.email.messaging.CommandPublisher;
import dev.incident.email.messaging.IngestMetrics;

/**
 * One pass over the messages waiting in the inbox: each is decided, its record written and
 * acknowledged by Kafka, and only then moved to the processed, ignored or quarantine folder. A
 * message whose record Kafka did not take stays in the inbox for the next pass.
 */
public final class MailboxSweep {

    private static final Logger LOG = Logger.getLogger(MailboxSweep.class);

    /** Runs between Kafka's acknowledgement and the move; tests use it to stage a crash. */
    public interface AfterAcknowledged {
        AfterAcknowledged NOTHING = uid -> {};

        void run(long uid);
    }

    private final MailboxConnection mailbox;
    private final MailIntake intake;
    private final CommandPublisher publisher;
    private final IngestMetrics metrics;
    private final IngestConfig config;
    private final AfterAcknowledged afterAcknowledged;

    public MailboxSweep(
            MailboxConnection mailbox,
            MailIntake intake,
            CommandPublisher publisher,
            IngestMetrics metrics,
            IngestConfig config,
            AfterAcknowledged afterAcknowledged) {
        this.mailbox = mailbox;
        this.intake = intake;
        this.publisher = publisher;
        this.metrics = metrics;
        this.config = config;
        this.afterAcknowledged = afterAcknowledged;
    }

    /**
     * Handles every message in the inbox, oldest first.
     *
     * @return how many messages were handled
     */
    public int run() throws MessagingException, CommandPublisher.PublishFailed {
        IMAPFolder inbox = mailbox.inbox();
        // The client knows of new mail only from the server's answers: ask, or miss what came in
        // since the last command.
        inbox.doCommand(
                protocol -> {
                    protocol.noop();
                    return null;
                });
        Message[] messages = inbox.getMessages();
        var profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        profile.add(FetchProfile.Item.FLAGS);
        inbox.fetch(messages, profile);
        long[] uids =
                Arrays.stream(messages)
                        .filter(m -> !m.isExpunged() && !isDeleted(m))
                        .mapToLong(m -> uid(inbox, m))
                        .toArray();
        for (long uid : uids) {
            Message message = inbox.getMessageByUID(uid);
            if (message != null && !message.isExpunged()) {
                handle((IMAPMessage) message, uid);
            }
        }
        return uids.length;
    }

    private void handle(IMAPMessage message, long uid)
            throws MessagingException, CommandPublisher.PublishFailed {
        metrics.received();
        long size = message.getSizeLong();
        long limit = config.limits().maxMessageBytes();
        byte[] raw = size > limit ? headerBytes(message) : read(message);
        Decision decision =
                size > limit
                        ? new Decision.Hold(
                                MailIntake.fingerprintId(raw),
                                new Quarantine(
                                        Quarantine.Reason.OVERSIZE,
                                        size + " bytes, over the limit of " + limit))
                        : intake.decide(raw);

        if (decision instanceof Decision.Declare declare) {
            publisher.declare(declare);
            boolean duplicate = metrics.declared(declare.incidentId());
            LOG.debugf(
                    "message %s: incident %s (duplicate: %s)",
                    String.valueOf(uid), declare.key(), duplicate);
            afterAcknowledged.run(uid);
            move(message, config.mailbox().processedFolder());
        } else if (decision instanceof Decision.Ignore ignore) {
            LOG.infof(
                    "message %s from %s (%s) is not an incident: %s",
                    String.valueOf(uid), ignore.sender(), ignore.subject(), ignore.reason());
            metrics.ignored(ignore.reason());
            move(message, config.mailbox().ignoredFolder());
        } else if (decision instanceof Decision.Hold hold) {
            LOG.warnf(
                    "message %s quarantined as %s: %s",
                    String.valueOf(uid), hold.key(), hold.problem().getMessage());
            publisher.deadLetter(hold, deadLetterValue(raw), config.mailbox().folder(), uid);
            metrics.quarantined(hold.problem().reason());
            afterAcknowledged.run(uid);
            move(message, config.mailbox().quarantineFolder());
        }
    }

    /** The message as the server stores it, byte for byte. */
    private static byte[] read(IMAPMessage message) throws MessagingException {
        var out = new ByteArrayOutputStream(Math.max(message.getSize(), 1024));
        try {
            message.writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("could not read message", e);
        }
        return out.toByteArray();
    }

    private static byte[] headerBytes(IMAPMessage message) throws MessagingException {
        var headers = new StringBuilder();
        for (String line : Collections.list(message.getAllHeaderLines())) {
            headers.append(line).append("\r\n");
        }
        return headers.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A dead letter carries the message; one too large for a record carries its headers. */
    private byte[] deadLetterValue(byte[] raw) {
        if (raw.length <= config.limits().maxDeadLetterBytes()) {
            return raw;
        }
        int end = indexOfBlankLine(raw);
        return Arrays.copyOf(raw, Math.min(end, config.limits().maxDeadLetterBytes()));
    }

    private static int indexOfBlankLine(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int crlf = text.indexOf("\r\n\r\n");
        int lf = text.indexOf("\n\n");
        return crlf >= 0 ? crlf + 4 : lf >= 0 ? lf + 2 : raw.length;
    }

    private void move(IMAPMessage message, String folderName) throws MessagingException {
        IMAPFolder inbox = mailbox.inbox();
        var target = mailbox.folder(folderName);
        Message[] one = {message};
        if (mailbox.canMove()) {
            inbox.moveMessages(one, target);
        } else {
            inbox.copyMessages(one, target);
            message.setFlag(Flags.Flag.DELETED, true);
            if (mailbox.hasUidPlus()) {
                inbox.expunge(one);
            } else {
                inbox.expunge();
            }
        }
    }

    private static boolean isDeleted(Message message) {
        try {
            return message.isSet(Flags.Flag.DELETED);
        } catch (MessagingException e) {
            return false;
        }
    }

    private static long uid(IMAPFolder inbox, Message message) {
        try {
            return inbox.getUID(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("the server gave no UID", e);
        }
    }
}
