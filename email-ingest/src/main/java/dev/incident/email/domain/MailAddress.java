package dev.incident.email.domain;

import java.util.Locale;

/**
 * An email address as a sender gave it, with the display name when there was one.
 *
 * @param address the address; it may lack a domain when the message was malformed ("user0")
 */
public record MailAddress(String address, String name) {

    /** The domain in lower case, or empty when the address has none. */
    public String domain() {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT).strip();
    }

    /** The part before the {@code @}, in lower case. */
    public String localPart() {
        int at = address.lastIndexOf('@');
        return (at < 0 ? address : address.substring(0, at)).toLowerCase(Locale.ROOT).strip();
    }

    public boolean sameAddress(String other) {
        return other != null && address.strip().equalsIgnoreCase(other.strip());
    }
}
