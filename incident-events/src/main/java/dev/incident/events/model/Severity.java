package dev.incident.events.model;

/** How bad an incident is, once somebody confirmed it. */
public enum Severity {
    /** Critical: a customer's production is down or badly impaired. */
    P1,
    /** Major: impaired, with a workaround or a limited reach. */
    P2
}
