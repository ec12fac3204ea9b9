package dev.incident.escalation.domain;

import java.util.ArrayList;
import java.util.List;

import dev.incident.events.command.IncidentCommand.AssignRole;
import dev.incident.events.command.IncidentCommand.PublishEscalationMatrix;
import dev.incident.events.command.IncidentCommand.RecordEscalation;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.event.IncidentEvent;
import dev.incident.events.event.IncidentEvent.EscalationRequested;
import dev.incident.events.event.IncidentEvent.IncidentClosed;
import dev.incident.events.event.IncidentEvent.IncidentDeclared;
import dev.incident.events.event.IncidentEvent.IncidentDeclined;
import dev.incident.events.event.IncidentEvent.RoleAssigned;
import dev.incident.events.event.IncidentEvent.SeverityConfirmed;
import dev.incident.events.model.Actor;
import dev.incident.events.model.ActorSource;
import dev.incident.events.model.DeclarationSource;
import dev.incident.events.model.EscalationOutcome;
import dev.incident.events.model.IncidentMode;
import dev.incident.events.model.Role;
import dev.incident.events.model.Severity;
import dev.incident.events.state.IncidentState;

/**
 * Decides what the service does about one event of an incident, given the incident as folded up to
 * and including that event. Pure: the same event and state always give the same reactions, with the
 * same idempotency keys, so a redelivered event is recognised downstream.
 */
public final class IncidentReactions {

    private final OnCallSetup setup;

    public IncidentReactions(OnCallSetup setup) {
        this.setup = setup;
    }

    public List<Reaction> to(EventEnvelope envelope, IncidentState state) {
        IncidentEvent event = envelope.payload();
        if (event instanceof IncidentDeclared e) {
            return declared(e, envelope, state);
        }
        if (event instanceof SeverityConfirmed e && e.severity() == Severity.P1) {
            return p1Confirmed(envelope.actor(), state);
        }
        if (event instanceof EscalationRequested e) {
            return requested(e, envelope);
        }
        if (event instanceof RoleAssigned e) {
            String why = e.assignee().id() + " took the role " + e.role();
            return List.of(new Reaction.StopEscalating(e.role(), why));
        }
        if (event instanceof IncidentClosed || event instanceof IncidentDeclined) {
            return List.of(new Reaction.StopEscalating(null, "the incident ended"));
        }
        return List.of();
    }

    private List<Reaction> declared(
            IncidentDeclared e, EventEnvelope envelope, IncidentState state) {
        if (e.source() == DeclarationSource.EMAIL && e.mode() == IncidentMode.TRIAGE) {
            String id = "triage-oe:" + envelope.incidentId();
            String reason = "triage incident from email: " + e.title();
            return List.of(new Reaction.Escalate(id, setup.operationsEngineers(), reason, false));
        }
        if (e.mode() == IncidentMode.LIVE && e.severity() == Severity.P1) {
            // A live P1 is confirmed by being declared; no SeverityConfirmed follows it.
            return p1Confirmed(envelope.actor(), state);
        }
        return List.of();
    }

    private List<Reaction> p1Confirmed(Actor confirmedBy, IncidentState state) {
        String incidentId = state.incidentId();
        List<Reaction> reactions = new ArrayList<>();

        if (state.role(Role.OPERATIONS_ENGINEER).isEmpty()) {
            Actor reporter = state.reporter();
            Actor engineer =
                    reporter != null && reporter.source() == ActorSource.SLACK_USER
                            ? reporter
                            : confirmedBy;
            reactions.add(
                    new Reaction.Send(
                            new AssignRole(Role.OPERATIONS_ENGINEER, engineer),
                            "p1-oe:" + incidentId));
        }

        String customerId = state.customer() == null ? "unknown" : state.customer().id();
        setup.matrix(customerId)
                .ifPresent(
                        contacts ->
                                reactions.add(
                                        new Reaction.Send(
                                                new PublishEscalationMatrix(customerId, contacts),
                                                "p1-matrix:" + incidentId)));

        if (state.role(Role.INCIDENT_COORDINATOR).isEmpty()) {
            reactions.add(
                    new Reaction.Escalate(
                            "p1-ic:" + incidentId,
                            setup.incidentCoordinators(),
                            "P1 confirmed: the incident needs an incident coordinator",
                            false));
        }
        return reactions;
    }

    private List<Reaction> requested(EscalationRequested e, EventEnvelope envelope) {
        String id = "requested:" + envelope.incidentId() + ":" + envelope.sequence();
        String reason = e.reason() == null ? "escalation requested" : e.reason();
        return setup.schedule(e.target())
                .<List<Reaction>>map(s -> List.of(new Reaction.Escalate(id, s, reason, true)))
                .orElseGet(
                        () ->
                                List.of(
                                        new Reaction.Send(
                                                unknownTarget(e.target(), reason),
                                                id + ":unknown-target")));
    }

    private static RecordEscalation unknownTarget(String target, String reason) {
        return new RecordEscalation(
                target,
                reason,
                null,
                null,
                EscalationOutcome.FAILED,
                "no on-call schedule is named '" + target + "'",
                null);
    }
}
