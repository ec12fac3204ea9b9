package dev.incident.events.model;

/** Where an incident is in its lifecycle: triage, investigating, fixing, monitoring, closed. */
public enum IncidentStatus {
    TRIAGE,
    INVESTIGATING,
    FIXING,
    MONITORING,
    CLOSED,
    DECLINED;

    /** Closed and declined incidents never change again. */
    public boolean isFinal() {
        return this == CLOSED || this == DECLINED;
    }
}
