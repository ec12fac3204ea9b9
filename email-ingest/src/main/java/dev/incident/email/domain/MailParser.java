package dev.incident.email.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.address.MailboxList;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.message.DefaultMessageWriter;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Reads a raw RFC 5322 message with Apache mime4j, leniently, as mail from the wild needs: encoded
 * words in the subject, every charset Java knows, quoted-printable and base64, plain text preferred
 * over HTML, attachments listed but never kept.
 */
public final class MailParser {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final int maxDepth;

    public MailParser(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    /** Parses one message; throws when it cannot be read or nests deeper than the limit. */
    public ParsedMail parse(byte[] raw) throws Quarantine {
        Message message;
        try {
            message = builder().parseMessage(new ByteArrayInputStream(raw));
        } catch (IOException | RuntimeException e) {
            throw new Quarantine(Quarantine.Reason.UNPARSEABLE, String.valueOf(e.getMessage()), e);
        }
        try {
            return read(message, 0);
        } catch (IOException | RuntimeException e) {
            throw new Quarantine(Quarantine.Reason.UNPARSEABLE, String.valueOf(e.getMessage()), e);
        } finally {
            message.dispose();
        }
    }

    private static DefaultMessageBuilder builder() {
        // Lenient on purpose: mail from the wild breaks the rules, and a half-readable urgent
        // email is better declared than lost. Limits against abuse are the size and the depth.
        MimeConfig config =
                MimeConfig.custom()
                        .setStrictParsing(false)
                        .setMaxLineLen(-1)
                        .setMaxHeaderLen(-1)
                        .setMaxHeaderCount(10_000)
                        .setMaxContentLen(-1)
                        .build();
        var builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(config);
        builder.setDecodeMonitor(DecodeMonitor.SILENT);
        return builder;
    }

    private ParsedMail read(Message message, int depth) throws Quarantine, IOException {
        var parts = new Parts();
        walk(message, depth, parts);
        String text = parts.plain.isEmpty() ? HtmlText.toText(join(parts.html)) : join(parts.plain);
        return new ParsedMail(
                message.getMessageId(),
                firstFrom(message),
                date(message),
                headerText(message, "Date"),
                subject(message),
                text.strip(),
                message.getMimeType(),
                headers(message),
                parts.attachments,
                parts.attached);
    }

    private void walk(Entity entity, int depth, Parts parts) throws Quarantine, IOException {
        if (depth > maxDepth) {
            throw new Quarantine(
                    Quarantine.Reason.TOO_DEEP, "parts nest deeper than " + maxDepth + " levels");
        }
        Body body = entity.getBody();
        if (body instanceof Multipart multipart) {
            for (Entity part : multipart.getBodyParts()) {
                walk(part, depth + 1, parts);
            }
        } else if (body instanceof Message inner && entity.getParent() != null) {
            parts.attachments.add(
                    new Attachment(name(entity, "message.eml"), entity.getMimeType(), size(inner)));
            parts.attached.add(read(inner, depth + 1));
        } else if (body instanceof Message inner) {
            // The whole message is another message (Content-Type: message/rfc822 at the top).
            parts.attached.add(read(inner, depth + 1));
        } else if (body instanceof SingleBody single) {
            readLeaf(entity, single, parts);
        }
    }

    private static void readLeaf(Entity entity, SingleBody body, Parts parts) throws IOException {
        String type = entity.getMimeType().toLowerCase(Locale.ROOT);
        boolean attachment =
                "attachment".equalsIgnoreCase(entity.getDispositionType())
                        || entity.getFilename() != null;
        if (!attachment && type.equals("text/plain")) {
            parts.plain.add(decode(bytes(body), declaredCharset(entity)));
        } else if (!attachment && type.equals("text/html")) {
            parts.html.add(decode(bytes(body), declaredCharset(entity)));
        } else if (attachment || !type.startsWith("text/")) {
            parts.attachments.add(new Attachment(name(entity, "unnamed"), type, count(body)));
        }
    }

    /**
     * Text in its declared charset when Java knows it; otherwise (no charset, US-ASCII with 8-bit
     * bytes, an unknown name) UTF-8 when the bytes are valid UTF-8, else windows-1252, which
     * decodes every byte.
     */
    static String decode(byte[] bytes, String charsetName) {
        Charset declared = charset(charsetName);
        if (declared != null && !declared.equals(StandardCharsets.US_ASCII)) {
            return new String(bytes, declared);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.strip().replace("\"", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String declaredCharset(Entity entity) {
        if (entity.getHeader() != null
                && entity.getHeader().getField("Content-Type") instanceof ContentTypeField type) {
            return type.getParameter("charset");
        }
        return null;
    }

    private static byte[] bytes(SingleBody body) throws IOException {
        try (InputStream in = body.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static long count(SingleBody body) throws IOException {
        try (InputStream in = body.getInputStream()) {
            return in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static long size(Message message) throws IOException {
        var counter = new CountingStream();
        new DefaultMessageWriter().writeMessage(message, counter);
        return counter.count;
    }

    private static String name(Entity entity, String fallback) {
        String name = entity.getFilename();
        if (name == null
                && entity.getHeader() != null
                && entity.getHeader().getField("Content-Type") instanceof ContentTypeField type) {
            name = type.getParameter("name");
        }
        return name == null || name.isBlank() ? fallback : name.strip();
    }

    private static MailAddress firstFrom(Message message) {
        MailboxList from;
        try {
            from = message.getFrom();
        } catch (RuntimeException e) {
            from = null;
        }
        if (from == null || from.isEmpty()) {
            return fallbackFrom(message);
        }
        Mailbox mailbox = from.get(0);
        String address = mailbox.getAddress();
        if (address == null || address.isBlank()) {
            return fallbackFrom(message);
        }
        return new MailAddress(address.strip(), mailbox.getName());
    }

    /** A From the address parser gave up on: its first address-like word, if any. */
    private static MailAddress fallbackFrom(Message message) {
        String raw = headerText(message, "From");
        if (raw == null) {
            return null;
        }
        return InlineForward.address(raw);
    }

    private static Instant date(Message message) {
        try {
            var date = message.getDate();
            return date == null ? null : date.toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String subject(Message message) {
        String subject = message.getSubject();
        return subject == null ? "" : subject.replaceAll("\\s+", " ").strip();
    }

    private static String headerText(Message message, String name) {
        Field field = message.getHeader() == null ? null : message.getHeader().getField(name);
        return field == null ? null : field.getBody().strip();
    }

    private static Map<String, List<String>> headers(Message message) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (message.getHeader() == null) {
            return headers;
        }
        for (Field field : message.getHeader().getFields()) {
            headers.computeIfAbsent(
                            field.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(field.getBody() == null ? "" : field.getBody());
        }
        return headers;
    }

    private static String join(List<String> texts) {
        return String.join("\n\n", texts);
    }

    /** What the walk over one message's parts collects. */
    private static final class Parts {
        final List<String> plain = new ArrayList<>();
        final List<String> html = new ArrayList<>();
        final List<Attachment> attachments = new ArrayList<>();
        final List<ParsedMail> attached = new ArrayList<>();
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
