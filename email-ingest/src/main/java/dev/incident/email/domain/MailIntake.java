package dev.incident.email.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.incident.events.command.IncidentCommand.DeclareIncident;
import dev.incident.events.model.Actor;
import dev.incident.events.model.DeclarationSource;
import dev.incident.events.model.IncidentMode;
import dev.incident.events.state.IncidentIds;

/**
 * Decides what one raw message becomes: a triage incident declared for the original sender (also
 * when forwarded inline or as an attached message), an ignored automatic reply or bounce, or a
 * quarantined message with its reason.
 */
public final class MailIntake {

    private static final Pattern REPLY_PREFIX =
            Pattern.compile(
                    "^((re|fwd?|aw|wg|tr|sv|vs|rv|antw)(\\[\\d+])?\\s*:\\s*)+",
                    Pattern.CASE_INSENSITIVE);

    private static final Pattern FORWARD_PREFIX =
            Pattern.compile(
                    "^((re|aw|sv)\\s*:\\s*)*(fwd?|wg|tr|rv)\\s*:.*", Pattern.CASE_INSENSITIVE);

    private static final int TITLE_LENGTH = 200;

    private final MailParser parser;
    private final MailTriage triage;
    private final CustomerDirectory customers;
    private final int excerptLength;

    public MailIntake(
            MailParser parser, MailTriage triage, CustomerDirectory customers, int excerptLength) {
        this.parser = parser;
        this.triage = triage;
        this.customers = customers;
        this.excerptLength = excerptLength;
    }

    /** The id of a message that carries no usable Message-ID: from its fingerprint. */
    public static String fingerprintId(byte[] raw) {
        return IncidentIds.fromEmail("sha256:" + Fingerprint.of(raw));
    }

    public Decision decide(byte[] raw) {
        ParsedMail mail;
        try {
            mail = parser.parse(raw);
        } catch (Quarantine problem) {
            return new Decision.Hold(fingerprintId(raw), problem);
        }

        Optional<MailTriage.Ignored> ignored = triage.ignored(mail);
        if (ignored.isPresent()) {
            String sender = mail.from() == null ? "" : mail.from().address();
            return new Decision.Ignore(idOf(mail, raw), ignored.get(), sender, mail.subject());
        }

        try {
            return declare(mail, raw);
        } catch (Quarantine problem) {
            return new Decision.Hold(idOf(mail, raw), problem);
        }
    }

    private Decision declare(ParsedMail mail, byte[] raw) throws Quarantine {
        Origin origin = Origin.of(mail);
        if (origin.sender == null) {
            throw new Quarantine(Quarantine.Reason.NO_SENDER, "the message has no From address");
        }
        String messageId =
                usableId(origin.messageId).orElse(usableId(mail.messageId()).orElse(null));
        String incidentId =
                messageId != null ? IncidentIds.fromEmail(messageId) : fingerprintId(raw);
        String reference = messageId != null ? messageId.strip() : "sha256:" + Fingerprint.of(raw);

        var command =
                new DeclareIncident(
                        title(origin),
                        excerpt(origin.text),
                        DeclarationSource.EMAIL,
                        IncidentMode.TRIAGE,
                        null,
                        customers.forDomain(origin.sender.domain()),
                        Actor.emailSender(origin.sender.address(), origin.sender.name()),
                        reference,
                        details(mail, origin));
        return new Decision.Declare(incidentId, command, "email:" + reference);
    }

    private static String idOf(ParsedMail mail, byte[] raw) {
        return usableId(mail.messageId()).map(IncidentIds::fromEmail).orElse(fingerprintId(raw));
    }

    /** A Message-ID worth keying on: present and not blank or empty brackets. */
    private static Optional<String> usableId(String messageId) {
        if (messageId == null || messageId.replaceAll("[<>\\s]", "").isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(messageId.strip());
    }

    private static String title(Origin origin) {
        String subject = REPLY_PREFIX.matcher(origin.subject).replaceFirst("").strip();
        if (subject.isEmpty()) {
            subject = "Email from " + origin.sender.address();
        }
        return subject.length() <= TITLE_LENGTH
                ? subject
                : subject.substring(0, TITLE_LENGTH - 1) + "…";
    }

    /** The first {@code excerptLength} characters of the text, cut at a word. */
    String excerpt(String text) {
        String clean =
                text.replace("\r", "")
                        .replaceAll("[ \\t]+\\n", "\n")
                        .replaceAll("\\n{3,}", "\n\n")
                        .strip();
        if (clean.isEmpty()) {
            return "(the email has no text)";
        }
        if (clean.length() <= excerptLength) {
            return clean;
        }
        int cut = clean.lastIndexOf(' ', excerptLength - 1);
        return clean.substring(0, cut > excerptLength / 2 ? cut : excerptLength - 1).strip() + "…";
    }

    private static Map<String, String> details(ParsedMail mail, Origin origin) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("sender", origin.sender.address());
        if (origin.sender.name() != null && !origin.sender.name().isBlank()) {
            details.put("sender-name", origin.sender.name());
        }
        if (origin.date != null) {
            details.put("date", origin.date.toString());
        } else if (origin.dateText != null) {
            details.put("date", origin.dateText);
        }
        details.put("subject", origin.subject);
        String attachments =
                mail.allAttachments().stream()
                        .map(Attachment::describe)
                        .collect(Collectors.joining("; "));
        if (!attachments.isEmpty()) {
            details.put("attachments", attachments);
        }
        if (origin.forwardedAs != null) {
            details.put("forwarded-as", origin.forwardedAs);
            if (mail.from() != null) {
                details.put("forwarded-by", mail.from().address());
            }
            if (!origin.note.isBlank()) {
                details.put("forward-note", origin.note.strip());
            }
        }
        return details;
    }

    /**
     * The original of a message: the message itself, or the message it forwards. A forward as an
     * attachment (message/rfc822) is followed through wrappers that only forward again; a forward
     * inline is read from the header block mail clients write above the original text.
     */
    private record Origin(
            MailAddress sender,
            Instant date,
            String dateText,
            String subject,
            String text,
            String messageId,
            String forwardedAs,
            String note) {

        static Origin of(ParsedMail mail) {
            ParsedMail original = mail;
            while (!original.attached().isEmpty()
                    && (original == mail
                            || original.text().isBlank()
                            || FORWARD_PREFIX.matcher(original.subject()).matches())) {
                original = original.attached().get(0);
            }
            boolean attached = original != mail;
            boolean mayForwardInline =
                    !attached || FORWARD_PREFIX.matcher(original.subject()).matches();
            Optional<InlineForward> inline =
                    mayForwardInline ? InlineForward.find(original.text()) : Optional.empty();
            if (inline.isPresent()) {
                return inline(mail, original, inline.get(), attached);
            }
            MailAddress sender = original.from() != null ? original.from() : mail.from();
            return new Origin(
                    sender,
                    original.date(),
                    original.dateText(),
                    original.subject(),
                    original.text(),
                    original.messageId(),
                    attached ? "attachment" : null,
                    attached ? mail.text() : "");
        }

        private static Origin inline(
                ParsedMail mail, ParsedMail wrapper, InlineForward inline, boolean attached) {
            String note = attached ? mail.text() : inline.note();
            return new Origin(
                    inline.sender(),
                    null,
                    inline.dateText(),
                    inline.subject().isEmpty() ? wrapper.subject() : inline.subject(),
                    inline.text(),
                    null,
                    "inline",
                    note);
        }
    }
}
