package dev.incident.core.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.IncidentCommand;
import dev.incident.events.command.IncidentCommand.*;
import dev.incident.events.event.EventChain;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.event.IncidentEvent;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.model.Actor;
import dev.incident.events.model.Customer;
import dev.incident.events.model.DeclarationSource;
import dev.incident.events.model.IncidentMode;
import dev.incident.events.model.IncidentStatus;
import dev.incident.events.model.Severity;

/** Given events (built by deciding commands), when a command, then events or a rejection. */
final class Given {

    static final String INCIDENT = "slack-abc123";
    static final Actor ALICE = Actor.slackUser("U-ALICE", "Alice");
    static final Actor BOB = Actor.slackUser("U-BOB", "Bob");
    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    final ReferenceBook references = new ReferenceBook();
    final CommandDecider decider =
            new CommandDecider(new EventChain(new ContractCodec()), references);
    final IncidentHistory history;
    final List<EventEnvelope> log = new ArrayList<>();

    private Given(String incidentId) {
        history = IncidentHistory.empty(incidentId);
    }

    static Given nothing() {
        return new Given(INCIDENT);
    }

    /** An incident brought to {@code status} through the allowed path. */
    static Given incidentIn(IncidentStatus status) {
        Given given = nothing();
        switch (status) {
            case TRIAGE -> given.accepted(declare(IncidentMode.TRIAGE));
            case DECLINED ->
                    given.accepted(declare(IncidentMode.TRIAGE))
                            .accepted(new DeclineIncident("a test alert"));
            case INVESTIGATING -> given.accepted(declare(IncidentMode.LIVE));
            case FIXING ->
                    given.accepted(declare(IncidentMode.LIVE))
                            .accepted(new ChangeStatus(IncidentStatus.FIXING, null));
            case MONITORING ->
                    given.accepted(declare(IncidentMode.LIVE))
                            .accepted(new ChangeStatus(IncidentStatus.FIXING, null))
                            .accepted(new ChangeStatus(IncidentStatus.MONITORING, null));
            case CLOSED ->
                    given.accepted(declare(IncidentMode.LIVE))
                            .accepted(new ChangeStatus(IncidentStatus.FIXING, null))
                            .accepted(new ChangeStatus(IncidentStatus.MONITORING, null))
                            .accepted(new CloseIncident("restarted the pool"));
            default -> throw new IllegalArgumentException(status.name());
        }
        return given;
    }

    static DeclareIncident declare(IncidentMode mode) {
        return new DeclareIncident(
                "Checkout down",
                "500s on /checkout",
                DeclarationSource.SLACK_SHORTCUT,
                mode,
                mode == IncidentMode.LIVE ? Severity.P1 : null,
                Customer.known("acme", "ACME"),
                ALICE,
                "https://slack.example/p1",
                null);
    }

    static CommandEnvelope envelope(IncidentCommand command) {
        return CommandEnvelope.of(INCIDENT, ALICE, NOW, command);
    }

    /** Decides and applies {@code command}, which must be accepted. */
    Given accepted(IncidentCommand command) {
        Decision decision = when(envelope(command));
        if (!(decision instanceof Decision.Accepted)) {
            throw new IllegalStateException("given " + command + " was " + decision);
        }
        return this;
    }

    /** Decides {@code envelope} and, when accepted, applies its events as the log would. */
    Decision when(CommandEnvelope envelope) {
        Decision decision = decider.decide(history, envelope, NOW);
        if (decision instanceof Decision.Accepted accepted) {
            accepted.events().forEach(this::apply);
            history.rememberKey(envelope.idempotencyKey());
        }
        return decision;
    }

    Decision when(IncidentCommand command) {
        return when(envelope(command));
    }

    void apply(EventEnvelope event) {
        history.apply(event);
        log.add(event);
        if (event.payload() instanceof IncidentEvent.IncidentDeclared declared) {
            references.taken(declared.reference(), event.incidentId());
        }
    }
}
