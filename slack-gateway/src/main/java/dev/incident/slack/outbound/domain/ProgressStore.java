package dev.incident.slack.outbound.domain;

/** Where the gateway keeps each incident's {@link IncidentProgress}; it must survive a restart. */
public interface ProgressStore {

    /**
     * The progress of {@code incidentId}, or {@link IncidentProgress#none} when nothing is kept.
     */
    IncidentProgress load(String incidentId);

    void save(IncidentProgress progress);
}
