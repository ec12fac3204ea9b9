package dev.incident.slack.inbound.domain;

import dev.incident.events.model.IncidentStatus;
import dev.incident.events.model.Role;
import dev.incident.events.model.Severity;
import dev.incident.events.state.IncidentState;

/** What the gateway knows of one incident at a moment: an immutable copy of its folded state. */
public record IncidentView(
        String incidentId,
        String reference,
        String title,
        String summary,
        IncidentStatus status,
        Severity severity,
        String channelId,
        String coordinatorId,
        String engineerId) {

    static IncidentView of(IncidentState state) {
        return new IncidentView(
                state.incidentId(),
                state.reference(),
                state.title(),
                state.summary(),
                state.status(),
                state.severity(),
                state.channelId(),
                state.role(Role.INCIDENT_COORDINATOR).map(a -> a.id()).orElse(null),
                state.role(Role.OPERATIONS_ENGINEER).map(a -> a.id()).orElse(null));
    }

    /** The reference when known, else the id: how the incident is named to a person. */
    public String name() {
        return reference != null ? reference : incidentId;
    }
}
