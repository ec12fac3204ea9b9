package dev.incident.events.model;

/** How an incident starts: live (investigating at once) or in triage (to be confirmed). */
public enum IncidentMode {
    LIVE,
    TRIAGE
}
