package dev.incident.events.model;

/** What happened when somebody was to be paged. */
public enum EscalationOutcome {
    PAGED,
    ACCEPTED,
    FAILED
}
