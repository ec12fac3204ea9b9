package dev.incident.tickets.domain;

/** When a follow-up becomes an issue: when its incident closes, or as soon as it is added. */
public enum ExportMoment {
    CLOSED,
    ADDED
}
