package dev.incident.events.model;

/** The two roles of a P1: one person talks to the customer, the other fixes. */
public enum Role {
    INCIDENT_COORDINATOR,
    OPERATIONS_ENGINEER
}
