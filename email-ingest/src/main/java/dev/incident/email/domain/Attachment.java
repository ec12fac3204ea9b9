package dev.incident.email.domain;

/**
 * An attachment as the incident lists it; its content never leaves the parser.
 *
 * @param size decoded size in bytes
 */
public record Attachment(String name, String mimeType, long size) {

    /** {@code name (type, N bytes)}, as shown in the incident's source details. */
    public String describe() {
        return name + " (" + mimeType + ", " + size + " bytes)";
    }
}
