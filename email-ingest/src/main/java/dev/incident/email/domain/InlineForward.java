package dev.incident.email.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An email forwarded inline: the forwarder's note, then a block of the original's headers (From,
 * Sent or Date, To, Subject) as mail clients write it, then the original's text.
 *
 * @param note what the forwarder wrote above the forwarded message
 * @param sender the original sender
 * @param dateText the original's date as the client wrote it (often not RFC 5322)
 * @param subject the original's subject, empty when the block had none
 * @param text the original's text
 */
public record InlineForward(
        String note, MailAddress sender, String dateText, String subject, String text) {

    private static final Pattern SEPARATOR =
            Pattern.compile(
                    "^\\s*(-{2,}\\s*(forwarded message|original message|weitergeleitete"
                            + " nachricht|message transféré|ursprüngliche nachricht)\\s*-{2,}"
                            + "|begin forwarded message:)\\s*$",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern HEADER =
            Pattern.compile("^\\s*[*>]?\\s*([\\p{L} -]{2,20}?)\\s*[*]?\\s*:\\s*[*]?\\s*(.*)$");

    private static final Pattern ADDRESS =
            Pattern.compile("[\\w.!#$%&'*+/=?^`{|}~-]+@[\\w-]+(\\.[\\w-]+)+");

    private static final List<String> FROM = List.of("from", "von", "de", "da", "van");
    private static final List<String> DATE =
            List.of("sent", "date", "gesendet", "datum", "envoyé", "date d'envoi", "inviato");
    private static final List<String> SUBJECT =
            List.of("subject", "betreff", "objet", "oggetto", "asunto", "onderwerp");

    /** How many lines a header block may span (wrapped To and Cc lines included). */
    private static final int BLOCK_LINES = 12;

    /** Finds the first forwarded message in {@code text}, if it has one. */
    public static Optional<InlineForward> find(String text) {
        String[] lines = text.split("\\r?\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            boolean separator = SEPARATOR.matcher(lines[i]).matches();
            int start = separator ? next(lines, i + 1) : i;
            Optional<InlineForward> found = block(lines, i, start, separator);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a header block starting at {@code start}; a lone block needs From, date and Subject.
     */
    private static Optional<InlineForward> block(
            String[] lines, int noteEnd, int start, boolean separator) {
        if (start >= lines.length || !FROM.contains(key(lines[start]))) {
            return Optional.empty();
        }
        MailAddress sender = address(value(lines[start]));
        String date = null;
        String subject = null;
        int end = start + 1;
        for (; end < lines.length && end < start + BLOCK_LINES; end++) {
            if (lines[end].isBlank()) {
                break;
            }
            String key = key(lines[end]);
            if (DATE.contains(key)) {
                date = value(lines[end]);
            } else if (SUBJECT.contains(key)) {
                subject = value(lines[end]);
            }
        }
        boolean complete = date != null && subject != null;
        if (sender == null || !(separator || complete)) {
            return Optional.empty();
        }
        String note = String.join("\n", List.of(lines).subList(0, noteEnd)).strip();
        String body = String.join("\n", List.of(lines).subList(end, lines.length)).strip();
        return Optional.of(
                new InlineForward(note, sender, date, subject == null ? "" : subject, body));
    }

    /** The first address in a header value, with the name written before it. */
    static MailAddress address(String value) {
        Matcher matcher = ADDRESS.matcher(value);
        if (!matcher.find()) {
            String bare = value.replaceAll("[<>\"]", "").strip();
            return bare.isEmpty() || bare.contains(" ") ? null : new MailAddress(bare, null);
        }
        String name =
                value.substring(0, matcher.start()).replaceAll("[<\\[\"*]|mailto:", "").strip();
        return new MailAddress(matcher.group(), name.isEmpty() ? null : name);
    }

    private static int next(String[] lines, int from) {
        int i = from;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        return i;
    }

    private static String key(String line) {
        Matcher matcher = HEADER.matcher(line);
        return matcher.matches() ? matcher.group(1).strip().toLowerCase(Locale.ROOT) : "";
    }

    private static String value(String line) {
        Matcher matcher = HEADER.matcher(line);
        return matcher.matches() ? matcher.group(2).replace("*", "").strip() : "";
    }
}
