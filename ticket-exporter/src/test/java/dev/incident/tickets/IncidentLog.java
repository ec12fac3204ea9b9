package dev.incident.tickets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.incident.events.event.EventChain;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.event.IncidentEvent;
import dev.incident.events.event.IncidentEvent.ChannelAttached;
import dev.incident.events.event.IncidentEvent.FollowUpAdded;
import dev.incident.events.event.IncidentEvent.FollowUpExported;
import dev.incident.events.event.IncidentEvent.IncidentClosed;
import dev.incident.events.event.IncidentEvent.IncidentDeclared;
import dev.incident.events.event.IncidentEvent.PostmortemPublished;
import dev.incident.events.event.IncidentEvent.RoleAssigned;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.model.Actor;
import dev.incident.events.model.Customer;
import dev.incident.events.model.DeclarationSource;
import dev.incident.events.model.IncidentMode;
import dev.incident.events.model.Role;
import dev.incident.events.model.Severity;

/** One incident's event log as incident-core would write it, for tests: chained and hashed. */
public final class IncidentLog {

    public static final Instant T0 = Instant.parse("2026-11-30T09:14:07Z");
    public static final Actor ALICE = Actor.slackUser("U024BE7LH", "Alice Moreau");
    public static final Actor BOB = Actor.slackUser("U0G9QF9C6", "Bob Tanaka");
    public static final Customer ACME = Customer.known("acme", "ACME Logistics");

    private final String incidentId;
    private final EventChain chain = new EventChain(new ContractCodec());
    private final List<EventEnvelope> events = new ArrayList<>();

    private IncidentLog(String incidentId) {
        this.incidentId = incidentId;
    }

    public static IncidentLog of(String incidentId) {
        return new IncidentLog(incidentId);
    }

    /** A fresh incident id, so that tests on a shared topic do not meet. */
    public static IncidentLog fresh() {
        return of("inc-" + UUID.randomUUID());
    }

    /** A live P1 for ACME, declared by Alice, coordinated by Bob, with a channel. */
    public IncidentLog p1() {
        return declared(ACME)
                .then(new RoleAssigned(Role.INCIDENT_COORDINATOR, BOB))
                .then(
                        new ChannelAttached(
                                "C07INC0042",
                                "inc-0042-checkout",
                                "https://acme.slack.com/archives/C07INC0042"));
    }

    public IncidentLog declared(Customer customer) {
        return then(
                new IncidentDeclared(
                        "INC-0042",
                        "Checkout fails for EU customers",
                        "Payments time out",
                        DeclarationSource.SLASH_COMMAND,
                        IncidentMode.LIVE,
                        Severity.P1,
                        customer,
                        ALICE,
                        "https://acme.slack.com/archives/C01/p1700000000000100",
                        Map.of()));
    }

    public IncidentLog followUp(String id, String text) {
        return then(new FollowUpAdded(id, text));
    }

    public IncidentLog closed() {
        return then(new IncidentClosed("Rolled back the payment gateway config"));
    }

    public IncidentLog postmortem(String url) {
        return then(new PostmortemPublished("doc-1", url, ALICE));
    }

    public IncidentLog exported(String followUpId, String url, String key) {
        return then(new FollowUpExported(followUpId, url, key));
    }

    public IncidentLog then(IncidentEvent event) {
        EventEnvelope previous = events.isEmpty() ? null : events.get(events.size() - 1);
        Instant at = T0.plusSeconds(60L * events.size());
        events.add(
                chain.next(
                        previous,
                        incidentId,
                        UUID.randomUUID(),
                        at,
                        at.plusMillis(5),
                        ALICE,
                        UUID.randomUUID(),
                        event));
        return this;
    }

    public String incidentId() {
        return incidentId;
    }

    public List<EventEnvelope> events() {
        return List.copyOf(events);
    }

    public EventEnvelope last() {
        return events.get(events.size() - 1);
    }
}
