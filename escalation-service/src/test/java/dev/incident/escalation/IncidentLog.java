package dev.incident.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.incident.events.event.EventChain;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.event.IncidentEvent;
import dev.incident.events.event.IncidentEvent.IncidentDeclared;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.model.Actor;
import dev.incident.events.model.Customer;
import dev.incident.events.model.DeclarationSource;
import dev.incident.events.model.IncidentMode;
import dev.incident.events.model.Severity;
import dev.incident.events.state.IncidentState;

/** Test data: one incident's log, chained as incident-core would write it. */
public final class IncidentLog {

    public static final Actor REPORTER_SLACK = Actor.slackUser("U0REP0001", "Rita Reporter");
    public static final Actor CUSTOMER_MAIL =
            Actor.emailSender("ops@acme.example", "ACME Operations");
    public static final Actor CONFIRMER = Actor.slackUser("U0CON0001", "Carl Confirmer");
    public static final Customer ACME = Customer.known("acme", "ACME Logistics");

    private final EventChain chain = new EventChain(new ContractCodec());
    private final String incidentId;
    private final List<EventEnvelope> events = new ArrayList<>();
    private Instant now;

    public IncidentLog(String incidentId, Instant start) {
        this.incidentId = incidentId;
        this.now = start;
    }

    public static IncidentDeclared emailTriage() {
        return new IncidentDeclared(
                "INC-ACME1",
                "Checkout down for all users",
                "Customers report HTTP 500 on checkout",
                DeclarationSource.EMAIL,
                IncidentMode.TRIAGE,
                null,
                ACME,
                CUSTOMER_MAIL,
                "<CAF=checkout-down@mail.acme.example>",
                Map.of());
    }

    public static IncidentDeclared slackTriage(Customer customer) {
        return new IncidentDeclared(
                "INC-SLK1",
                "Queue backlog growing",
                null,
                DeclarationSource.SLACK_SHORTCUT,
                IncidentMode.TRIAGE,
                null,
                customer,
                REPORTER_SLACK,
                "https://example.slack.com/archives/C1/p1",
                Map.of());
    }

    public static IncidentDeclared liveP1() {
        return new IncidentDeclared(
                "INC-LIVE1",
                "Database unreachable",
                null,
                DeclarationSource.SLASH_COMMAND,
                IncidentMode.LIVE,
                Severity.P1,
                ACME,
                REPORTER_SLACK,
                null,
                Map.of());
    }

    /** Appends the event as done by {@code actor}, a minute after the previous one. */
    public EventEnvelope append(Actor actor, IncidentEvent payload) {
        EventEnvelope previous = events.isEmpty() ? null : events.get(events.size() - 1);
        EventEnvelope next =
                chain.next(
                        previous,
                        incidentId,
                        UUID.randomUUID(),
                        now,
                        now,
                        actor,
                        UUID.randomUUID(),
                        payload);
        events.add(next);
        now = now.plusSeconds(60);
        return next;
    }

    public IncidentState state() {
        return IncidentState.fold(incidentId, events);
    }

    public String incidentId() {
        return incidentId;
    }
}
