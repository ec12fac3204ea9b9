package dev.incident.tickets.domain;

import static java.util.Objects.requireNonNull;

/**
 * An issue that exists in the tracker.
 *
 * @param url where a person opens it
 * @param key the tracker's short name for it, e.g. {@code acme/ops#42}
 */
public record TrackedIssue(String url, String key) {

    public TrackedIssue {
        requireNonNull(url, "url");
        requireNonNull(key, "key");
    }
}
