package dev.incident.reminder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.incident.events.event.EventChain;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.event.IncidentEvent;
import dev.incident.events.event.IncidentEvent.IncidentClosed;
import dev.incident.events.event.IncidentEvent.IncidentDeclared;
import dev.incident.events.event.IncidentEvent.IncidentDeclined;
import dev.incident.events.event.IncidentEvent.ReminderIssued;
import dev.incident.events.event.IncidentEvent.SeverityConfirmed;
import dev.incident.events.event.IncidentEvent.StatusChanged;
import dev.incident.events.event.IncidentEvent.SummaryUpdated;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.model.Actor;
import dev.incident.events.model.Customer;
import dev.incident.events.model.DeclarationSource;
import dev.incident.events.model.IncidentMode;
import dev.incident.events.model.IncidentStatus;
import dev.incident.events.model.ReminderRule;
import dev.incident.events.model.Severity;

/** One incident's log as incident-core would append it, hash chain included, for tests. */
public final class IncidentLog {

    public static final Actor ALICE = Actor.slackUser("U024BE7LH", "Alice Moreau");
    private static final EventChain CHAIN = new EventChain(new ContractCodec());

    private final String incidentId;
    private final List<EventEnvelope> events = new ArrayList<>();

    private IncidentLog(String incidentId) {
        this.incidentId = incidentId;
    }

    public static IncidentLog of(String incidentId) {
        return new IncidentLog(incidentId);
    }

    public String incidentId() {
        return incidentId;
    }

    public List<EventEnvelope> events() {
        return List.copyOf(events);
    }

    public EventEnvelope declaredLive(Severity severity, Instant at) {
        return declared(IncidentMode.LIVE, severity, at);
    }

    public EventEnvelope declaredInTriage(Instant at) {
        return declared(IncidentMode.TRIAGE, null, at);
    }

    public EventEnvelope confirmed(Severity severity, Instant at) {
        return append(new SeverityConfirmed(severity, List.of()), at);
    }

    public EventEnvelope declined(Instant at) {
        return append(new IncidentDeclined("not an incident"), at);
    }

    public EventEnvelope statusChanged(IncidentStatus from, IncidentStatus to, Instant at) {
        return append(new StatusChanged(from, to, "now " + to), at);
    }

    public EventEnvelope summaryUpdated(Instant at) {
        return append(new SummaryUpdated("summary at " + at), at);
    }

    public EventEnvelope closed(Instant at) {
        return append(new IncidentClosed("fixed"), at);
    }

    public EventEnvelope reminderIssued(ReminderRule rule, Instant dueAt, Instant at) {
        return append(new ReminderIssued(rule, dueAt, "reminder"), at);
    }

    private EventEnvelope declared(IncidentMode mode, Severity severity, Instant at) {
        return append(
                new IncidentDeclared(
                        "INC-" + incidentId.substring(0, Math.min(6, incidentId.length())),
                        "Checkout fails",
                        "Every EU checkout returns 502",
                        DeclarationSource.SLASH_COMMAND,
                        mode,
                        severity,
                        Customer.known("acme", "ACME Logistics"),
                        ALICE,
                        null,
                        Map.of()),
                at);
    }

    private EventEnvelope append(IncidentEvent payload, Instant at) {
        EventEnvelope previous = events.isEmpty() ? null : events.get(events.size() - 1);
        EventEnvelope next =
                CHAIN.next(
                        previous,
                        incidentId,
                        UUID.randomUUID(),
                        at,
                        at,
                        ALICE,
                        UUID.randomUUID(),
                        payload);
        events.add(next);
        return next;
    }
}
