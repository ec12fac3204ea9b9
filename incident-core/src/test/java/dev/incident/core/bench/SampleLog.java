package dev.incident.core.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.incident.core.domain.CommandDecider;
import dev.incident.core.domain.Decision;
import dev.incident.core.domain.IncidentHistory;
import dev.incident.core.domain.ReferenceBook;
import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.IncidentCommand;
import dev.incident.events.command.IncidentCommand.*;
import dev.incident.events.event.EventChain;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.model.Actor;
import dev.incident.events.model.Customer;
import dev.incident.events.model.DeclarationSource;
import dev.incident.events.model.IncidentMode;
import dev.incident.events.model.IncidentStatus;
import dev.incident.events.model.Role;
import dev.incident.events.model.Severity;

/** Realistic incident logs for the benchmarks, made by deciding commands. */
final class SampleLog {

    static final Actor ALICE = Actor.slackUser("U-ALICE", "Alice");
    static final Actor BOB = Actor.slackUser("U-BOB", "Bob");

    private SampleLog() {}

    /** One incident of {@code length} events: declared, roles, pins, summaries, fixing. */
    static List<EventEnvelope> incident(String incidentId, int length) {
        CommandDecider decider =
                new CommandDecider(new EventChain(new ContractCodec()), new ReferenceBook());
        IncidentHistory history = IncidentHistory.empty(incidentId);
        List<EventEnvelope> events = new ArrayList<>();
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        for (int i = 0; events.size() < length; i++) {
            CommandEnvelope command = CommandEnvelope.of(incidentId, ALICE, now, command(i));
            Decision decision = decider.decide(history, command, now.plusSeconds(i));
            if (decision instanceof Decision.Accepted accepted) {
                accepted.events().forEach(history::apply);
                events.addAll(accepted.events());
            }
        }
        return events.subList(0, length);
    }

    static IncidentCommand declare() {
        return new DeclareIncident(
                "Checkout down for ACME",
                "HTTP 500 on /checkout since 09:58, payment provider timeouts",
                DeclarationSource.SLACK_SHORTCUT,
                IncidentMode.LIVE,
                Severity.P1,
                Customer.known("acme", "ACME Corp"),
                ALICE,
                "https://acme.slack.com/archives/C123/p1764756000000100",
                null);
    }

    private static IncidentCommand command(int i) {
        if (i == 0) {
            return declare();
        }
        if (i == 1) {
            return new AssignRole(Role.OPERATIONS_ENGINEER, ALICE);
        }
        if (i == 2) {
            return new AssignRole(Role.INCIDENT_COORDINATOR, BOB);
        }
        if (i == 3) {
            return new ChangeStatus(IncidentStatus.FIXING, "pool exhausted, resizing");
        }
        if (i % 3 == 0) {
            return new PinMessage(
                    "C123",
                    "1764756000." + i,
                    BOB,
                    "finding " + i + ": connection pool at 100% on db-2",
                    "https://acme.slack.com/archives/C123/p" + i,
                    Instant.parse("2026-12-03T10:00:00Z").plusSeconds(i));
        }
        return new UpdateSummary("update " + i + ": still fixing, next update in 30 minutes");
    }
}
