package dev.incident.email.domain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import dev.incident.events.event.EventChain;

/**
 * A hash that identifies a message without a Message-ID. It leaves out the trace headers each hop
 * adds (Received, Return-Path, Delivered-To ...), so the same email delivered twice, along
 * different routes, has the same fingerprint.
 */
public final class Fingerprint {

    private static final Set<String> TRACE_HEADERS =
            Set.of(
                    "received",
                    "return-path",
                    "delivered-to",
                    "x-original-to",
                    "envelope-to",
                    "delivery-date",
                    "x-received",
                    "arc-seal",
                    "arc-message-signature",
                    "arc-authentication-results",
                    "authentication-results",
                    "received-spf",
                    "x-spam-status",
                    "x-spam-score",
                    "x-virus-scanned");

    private Fingerprint() {}

    /** SHA-256 (hex) over the message without trace headers, line ends made CRLF. */
    public static String of(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1).replaceAll("\\r?\\n", "\r\n");
        int end = text.indexOf("\r\n\r\n");
        String headers = end < 0 ? text : text.substring(0, end + 2);
        String body = end < 0 ? "" : text.substring(end + 2);
        var kept = new ByteArrayOutputStream();
        boolean keep = true;
        for (String line : headers.split("(?<=\r\n)")) {
            boolean continuation = line.startsWith(" ") || line.startsWith("\t");
            if (!continuation) {
                int colon = line.indexOf(':');
                String name = colon < 0 ? "" : line.substring(0, colon).strip();
                keep = !TRACE_HEADERS.contains(name.toLowerCase(Locale.ROOT));
            }
            if (keep) {
                kept.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        kept.writeBytes(body.getBytes(StandardCharsets.ISO_8859_1));
        return EventChain.sha256Hex(kept.toString(StandardCharsets.ISO_8859_1));
    }
}
