package dev.incident.tickets.domain;

import static java.util.Objects.requireNonNull;

/**
 * The hidden line every exported issue carries, so that the exporter can find the issue again after
 * a restart or from a second instance instead of creating it twice.
 */
public record ExportMarker(String incidentId, String followUpId) {

    public ExportMarker {
        requireNonNull(incidentId, "incidentId");
        requireNonNull(followUpId, "followUpId");
    }

    /** The HTML comment as it appears in the issue body; GitHub does not render it. */
    public String text() {
        return "<!-- incident-followup: " + incidentId + "/" + followUpId + " -->";
    }

    /** True when {@code body} carries this marker. */
    public boolean foundIn(String body) {
        return body != null && body.contains(text());
    }

    @Override
    public String toString() {
        return incidentId + "/" + followUpId;
    }
}
