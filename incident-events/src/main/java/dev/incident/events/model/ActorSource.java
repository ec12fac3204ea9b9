package dev.incident.events.model;

/** The way an actor reached the platform. */
public enum ActorSource {
    SLACK_USER,
    EMAIL_SENDER,
    SERVICE,
    API_CLIENT,
    ON_CALL_PROVIDER
}
