package dev.incident.email;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Delivers raw messages over SMTP and reads a mailbox's folders over IMAP, as a person would. */
final class TestMail {

    /** One message as a folder holds it. */
    record Stored(String subject, byte[] raw) {}

    private TestMail() {}

    /** Delivers {@code raw} unchanged over SMTP to {@code recipient}. */
    static void deliver(byte[] raw, String recipient) {
        var properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put(
                "mail.smtp.port",
                String.valueOf(GreenMailResource.greenMail().getSmtp().getPort()));
        properties.put("mail.smtp.from", "sender@test.example");
        Session session = Session.getInstance(properties);
        try (Transport transport = session.getTransport("smtp")) {
            var message = new MimeMessage(session, new ByteArrayInputStream(raw));
            transport.connect();
            transport.sendMessage(message, new Address[] {new InternetAddress(recipient)});
        } catch (MessagingException e) {
            throw new IllegalStateException("SMTP delivery failed", e);
        }
    }

    /** The messages in {@code folder} of {@code user}'s mailbox (none when it does not exist). */
    static List<Stored> folder(String user, String folder) {
        var properties = new Properties();
        Session session = Session.getInstance(properties);
        try (Store store = session.getStore("imap")) {
            store.connect(
                    "127.0.0.1",
                    GreenMailResource.greenMail().getImap().getPort(),
                    user,
                    GreenMailResource.PASSWORD);
            Folder box = store.getFolder(folder);
            if (!box.exists()) {
                return List.of();
            }
            box.open(Folder.READ_ONLY);
            var stored = new ArrayList<Stored>();
            for (Message message : box.getMessages()) {
                read(session, message, stored);
            }
            box.close(false);
            return stored;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("IMAP read of " + folder + " failed", e);
        }
    }

    /** Reads one message; one that the reader moved away meanwhile is left out. */
    private static void read(Session session, Message message, List<Stored> stored)
            throws IOException {
        try {
            var out = new ByteArrayOutputStream();
            message.writeTo(out);
            byte[] raw = out.toByteArray();
            String subject = new MimeMessage(session, new ByteArrayInputStream(raw)).getSubject();
            stored.add(new Stored(subject == null ? "" : subject, raw));
        } catch (MessagingException e) {
            // Expunged by the reader between listing and fetching: no longer in this folder.
        }
    }

    /** How many messages {@code folder} holds, without fetching any of them. */
    static int count(String user, String folder) {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect(
                    "127.0.0.1",
                    GreenMailResource.greenMail().getImap().getPort(),
                    user,
                    GreenMailResource.PASSWORD);
            Folder box = store.getFolder(folder);
            return box.exists() ? box.getMessageCount() : 0;
        } catch (MessagingException e) {
            throw new IllegalStateException("IMAP count of " + folder + " failed", e);
        }
    }

    static List<String> subjects(String user, String folder) {
        return folder(user, folder).stream().map(Stored::subject).toList();
    }

    static byte[] fixture(String name) {
        try (InputStream in = TestMail.class.getResourceAsStream("/fixtures/email/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
