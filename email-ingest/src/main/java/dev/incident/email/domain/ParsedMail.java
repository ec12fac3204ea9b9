package dev.incident.email.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the parser read from one message: the headers that matter, the readable text, the
 * attachments and any messages attached to it (forwarded as message/rfc822).
 *
 * @param messageId the Message-ID as written, or null when the message has none
 * @param from the first From address, or null when there is none
 * @param date when the message says it was written, or null when absent or unreadable
 * @param dateText the Date header as written, or null
 * @param subject the decoded subject, empty when absent
 * @param text the body as readable text (plain preferred, HTML turned into text)
 * @param headers top-level header values by lower-case name
 * @param attached messages attached as message/rfc822, in order
 */
public record ParsedMail(
        String messageId,
        MailAddress from,
        Instant date,
        String dateText,
        String subject,
        String text,
        String mimeType,
        Map<String, List<String>> headers,
        List<Attachment> attachments,
        List<ParsedMail> attached) {

    public ParsedMail {
        headers = Map.copyOf(headers);
        attachments = List.copyOf(attachments);
        attached = List.copyOf(attached);
    }

    /** The first value of a header, by any case of its name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty()
                ? Optional.empty()
                : Optional.of(values.get(0).strip());
    }

    public boolean hasHeader(String name) {
        return headers.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** Every attachment of this message and of the messages attached to it. */
    public List<Attachment> allAttachments() {
        var all = new java.util.ArrayList<>(attachments);
        attached.forEach(inner -> all.addAll(inner.allAttachments()));
        return all;
    }
}
