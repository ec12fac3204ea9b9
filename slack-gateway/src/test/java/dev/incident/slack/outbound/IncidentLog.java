package dev.incident.slack.outbound;

import java.time.Duration;
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
import dev.incident.events.state.IncidentIds;
import dev.incident.events.state.IncidentState;

/** Test data: one incident's log, chained as incident-core would write it, a minute apart. */
public final class IncidentLog {

    public static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
    public static final Actor ALICE = Actor.slackUser("U024BE7LH", "Alice Moreau");
    public static final Actor BOB = Actor.slackUser("U0G9QF9C6", "Bob Tanaka");
    public static final Actor CORE = Actor.service("incident-core");
    public static final Customer ACME = Customer.known("acme", "ACME Logistics");

    private final EventChain chain = new EventChain(new ContractCodec());
    private final String incidentId;
    private final String reference;
    private final List<EventEnvelope> events = new ArrayList<>();

    private IncidentLog(String incidentId) {
        this.incidentId = incidentId;
        this.reference = IncidentIds.reference(incidentId, 6);
    }

    /** A new incident with a fresh id and reference. */
    public static IncidentLog fresh() {
        return new IncidentLog(IncidentIds.fresh());
    }

    public String incidentId() {
        return incidentId;
    }

    public String reference() {
        return reference;
    }

    /** Declared live as P1 from Slack by Alice, with {@code title}. */
    public EventEnvelope declaredLive(String title) {
        return add(
                ALICE,
                new IncidentDeclared(
                        reference,
                        title,
                        "Every EU checkout fails since 09:05",
                        DeclarationSource.SLACK_SHORTCUT,
                        IncidentMode.LIVE,
                        Severity.P1,
                        ACME,
                        ALICE,
                        "https://example.slack.com/archives/C0ALERTS/p1764494047000200",
                        Map.of()));
    }

    /** Declared in triage from a customer's email. */
    public EventEnvelope declaredFromEmail(String title) {
        Actor sender = Actor.emailSender("ops@acme.example.com", "ACME Operations");
        return add(
                sender,
                new IncidentDeclared(
                        reference,
                        title,
                        "Customer reports failed checkouts",
                        DeclarationSource.EMAIL,
                        IncidentMode.TRIAGE,
                        null,
                        ACME,
                        sender,
                        "<urgent-42@mail.acme.example.com>",
                        Map.of("sender", "ops@acme.example.com")));
    }

    /** The next event, by {@code actor}. */
    public EventEnvelope add(Actor actor, IncidentEvent event) {
        EventEnvelope previous = events.isEmpty() ? null : events.get(events.size() - 1);
        Instant at = T0.plus(Duration.ofMinutes(events.size()));
        EventEnvelope next =
                chain.next(
                        previous,
                        incidentId,
                        UUID.randomUUID(),
                        at,
                        at,
                        actor,
                        UUID.randomUUID(),
                        event);
        events.add(next);
        return next;
    }

    public List<EventEnvelope> events() {
        return List.copyOf(events);
    }

    /** The incident after all events so far. */
    public IncidentState state() {
        return IncidentState.fold(incidentId, events);
    }
}
