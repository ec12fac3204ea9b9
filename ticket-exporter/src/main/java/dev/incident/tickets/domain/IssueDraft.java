package dev.incident.tickets.domain;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * An issue as the exporter wants it to exist in the tracker.
 *
 * @param repository owner/name of the target repository
 * @param assignee the tracker login to assign, null when the coordinator has no mapped login
 * @param notBefore the issue cannot have been created before this time (the incident began then),
 *     which bounds the search for an existing issue
 */
public record IssueDraft(
        String repository,
        String title,
        String body,
        List<String> labels,
        String assignee,
        ExportMarker marker,
        Instant notBefore) {

    public IssueDraft {
        requireNonNull(repository, "repository");
        requireNonNull(title, "title");
        requireNonNull(body, "body");
        requireNonNull(marker, "marker");
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
