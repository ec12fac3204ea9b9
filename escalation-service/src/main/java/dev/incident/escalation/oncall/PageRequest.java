package dev.incident.escalation.oncall;

import java.time.Instant;
import java.util.Objects;

import dev.incident.escalation.domain.Schedule;

/**
 * One page to send: which layer of which schedule, for which incident, and why.
 *
 * @param reference the incident's human reference (INC-...), null when not known yet
 * @param escalationId the escalation this page belongs to; with the layer it makes the page's
 *     de-duplication key at the provider
 */
public record PageRequest(
        String incidentId,
        String reference,
        String title,
        Schedule schedule,
        int layer,
        String reason,
        String escalationId,
        Instant at) {

    public PageRequest {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(escalationId, "escalationId");
        Objects.requireNonNull(at, "at");
    }

    /** The key a provider de-duplicates this page by: the same for every retry of it. */
    public String dedupKey() {
        return escalationId + ":layer-" + layer;
    }

    /** One line saying what the page is about, for an alert's title. */
    public String summary() {
        String name = reference == null ? incidentId : reference;
        return name + (title == null ? "" : " " + title) + ": " + reason;
    }
}
