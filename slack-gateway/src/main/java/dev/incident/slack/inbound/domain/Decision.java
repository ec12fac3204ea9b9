package dev.incident.slack.inbound.domain;

import dev.incident.events.command.IncidentCommand;

/** What the gateway does about one request from a person. */
public sealed interface Decision {

    /** Answer at once; nothing is sent to incident-core. */
    record Reply(String text) implements Decision {}

    /**
     * Send {@code command} for {@code incidentId}; {@code what} tells the person what was asked.
     */
    record Send(String incidentId, IncidentCommand command, String what) implements Decision {}

    /** Open a modal of {@code kind}, for {@code incident} (null for a declaration). */
    record OpenModal(ModalKind kind, IncidentView incident) implements Decision {}

    /** The modals the gateway opens. */
    enum ModalKind {
        DECLARE,
        TRIAGE,
        ESCALATE,
        UPDATE,
        DECLINE
    }
}
