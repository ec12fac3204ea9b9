package dev.incident.slack.outbound.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Incident channel names: the reference and a slug of the title, lowercase ASCII letters, digits
 * and hyphens, at most {@link #MAX_LENGTH} characters with any suffix included.
 */
public final class ChannelNames {

    /** Slack's limit for a channel name. */
    public static final int MAX_LENGTH = 80;

    private ChannelNames() {}

    /** The first name to try: {@code inc-7k2q-checkout-api-returns-502}. */
    public static String of(String reference, String title) {
        String prefix = slug(reference);
        String titleSlug = slug(title);
        String name = titleSlug.isEmpty() ? prefix : prefix + "-" + titleSlug;
        return cut(name, MAX_LENGTH);
    }

    /**
     * The name for the {@code attempt}-th try: the first is the name itself, later ones end in
     * {@code -2}, {@code -3} ... and are shortened so that the suffix still fits.
     */
    public static String attempt(String name, int attempt) {
        if (attempt <= 1) {
            return cut(name, MAX_LENGTH);
        }
        String suffix = "-" + attempt;
        return cut(name, MAX_LENGTH - suffix.length()) + suffix;
    }

    /**
     * Lowercase ASCII with hyphens for anything else. Accents are dropped from their letters (café
     * becomes cafe); scripts without an ASCII form (Japanese, emoji) drop out entirely.
     */
    static String slug(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String ascii = decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        return ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    private static String cut(String name, int max) {
        String cut = name.length() <= max ? name : name.substring(0, max);
        return cut.replaceAll("-+$", "");
    }
}
