package dev.incident.events.model;

/** Why a reminder fired. */
public enum ReminderRule {
    /** Investigating or fixing: the customer has not heard from us for the update interval. */
    CUSTOMER_UPDATE,
    /** Triage: the incident is still neither confirmed nor declined. */
    TRIAGE_DECISION,
    /** Monitoring: ask whether the customer agrees the incident can close. */
    MONITORING_CHECK_IN
}
