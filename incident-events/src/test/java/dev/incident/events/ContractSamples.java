package dev.incident.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.CommandResult;
import dev.incident.events.command.IncidentCommand;
import dev.incident.events.command.IncidentCommand.*;
import dev.incident.events.event.EventChain;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.event.IncidentEvent;
import dev.incident.events.event.IncidentEvent.*;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.model.Actor;
import dev.incident.events.model.Contact;
import dev.incident.events.model.Customer;
import dev.incident.events.model.DeclarationSource;
import dev.incident.events.model.EscalationOutcome;
import dev.incident.events.model.IncidentMode;
import dev.incident.events.model.IncidentStatus;
import dev.incident.events.model.ReminderRule;
import dev.incident.events.model.Role;
import dev.incident.events.model.Severity;
import dev.incident.events.model.TriageAnswer;

/** One filled-in instance of every event and command of the contract, for tests. */
public final class ContractSamples {

    public static final Instant T0 = Instant.parse("2026-11-30T09:14:07.123456Z");
    public static final Actor ALICE = Actor.slackUser("U024BE7LH", "Alice Moreau");
    public static final Actor BOB = Actor.slackUser("U0G9QF9C6", "Bob Tanaka");
    public static final Customer ACME = Customer.known("acme", "ACME Logistics");

    private ContractSamples() {}

    public static List<IncidentEvent> events() {
        return List.of(
                new IncidentDeclared(
                        "INC-7K2Q",
                        "Checkout API returns 502 for EU customers",
                        "Since 09:05 every EU checkout fails; the load balancer reports no healthy"
                                + " pods.",
                        DeclarationSource.EMAIL,
                        IncidentMode.TRIAGE,
                        null,
                        ACME,
                        Actor.emailSender("ops@acme.example.com", "ACME Operations"),
                        "<CAF=urgent-42@mail.acme.example.com>",
                        Map.of("sender", "ops@acme.example.com", "attachments", "trace.txt")),
                new SeverityConfirmed(
                        Severity.P1,
                        List.of(
                                new TriageAnswer(
                                        "Is a customer production system impaired?", "yes"))),
                new IncidentDeclined("Planned maintenance window, announced last week"),
                new RoleAssigned(Role.INCIDENT_COORDINATOR, BOB),
                new EscalationRequested(
                        "incident-coordinators", "P1 confirmed, no coordinator yet"),
                new Escalated(
                        "incident-coordinators",
                        "P1 confirmed",
                        BOB,
                        "builtin",
                        EscalationOutcome.PAGED,
                        null,
                        "alert-81c1"),
                new EscalationMatrixPublished(
                        "acme",
                        List.of(
                                new Contact(
                                        "Dana Whitfield",
                                        "Head of IT",
                                        "+44 20 7946 0001",
                                        "dana@acme.example.com",
                                        "Mon-Fri 08:00-18:00 Europe/London"))),
                new StatusChanged(
                        IncidentStatus.INVESTIGATING, IncidentStatus.FIXING, "Rolling back 4.18"),
                new SummaryUpdated("Rollback at 60 %, error rate falling"),
                new MessagePinned(
                        "C07INC7K2Q",
                        "1764494047.000200",
                        ALICE,
                        "Pods crash-loop on OOM after the 4.18 deploy",
                        "https://example.slack.com/archives/C07INC7K2Q/p1764494047000200",
                        T0.plusSeconds(600)),
                new MessageUnpinned("C07INC7K2Q", "1764494047.000200"),
                new IncidentClosed("Rolled back to 4.17; memory limit raised"),
                new ChannelAttached(
                        "C07INC7K2Q",
                        "inc-7k2q-checkout-api-returns-502",
                        "https://example.slack.com/archives/C07INC7K2Q"),
                new ReminderIssued(
                        ReminderRule.CUSTOMER_UPDATE,
                        T0.plusSeconds(1800),
                        "30 minutes since the last customer update"),
                new FollowUpAdded("FU-1", "Alert on pod OOM kills before customers notice"),
                new FollowUpExported("FU-1", "https://github.com/acme/platform/issues/812", "812"),
                new PostmortemPublished(
                        "1AbCdEf", "https://docs.google.com/document/d/1AbCdEf/edit", ALICE),
                new IntegrationFailed(
                        "github", "export follow-up FU-2", "403: resource not accessible"));
    }

    public static List<IncidentCommand> commands() {
        return List.of(
                new DeclareIncident(
                        "Checkout API returns 502 for EU customers",
                        "Every EU checkout fails",
                        DeclarationSource.SLACK_SHORTCUT,
                        IncidentMode.LIVE,
                        Severity.P1,
                        ACME,
                        ALICE,
                        "https://example.slack.com/archives/C0ALERTS/p1764494047000200",
                        Map.of("channel", "C0ALERTS")),
                new ConfirmSeverity(Severity.P2, List.of(new TriageAnswer("Workaround?", "yes"))),
                new DeclineIncident("Duplicate of INC-7K2Q"),
                new AssignRole(Role.OPERATIONS_ENGINEER, ALICE),
                new RequestEscalation("ic", "need a coordinator"),
                new RecordEscalation(
                        "opsgenie:ops-engineers",
                        "triage from email",
                        null,
                        "opsgenie",
                        EscalationOutcome.FAILED,
                        "Opsgenie answered 503",
                        null),
                new PublishEscalationMatrix(
                        "acme",
                        List.of(new Contact("Dana", null, null, "dana@acme.example.com", null))),
                new ChangeStatus(IncidentStatus.MONITORING, "Fix deployed, watching error rates"),
                new UpdateSummary("Error rate back to baseline"),
                new PinMessage(
                        "C07INC7K2Q",
                        "1764494047.000300",
                        BOB,
                        "Rollback finished",
                        "https://example.slack.com/archives/C07INC7K2Q/p1764494047000300",
                        T0.plusSeconds(900)),
                new UnpinMessage("C07INC7K2Q", "1764494047.000300"),
                new AddFollowUp("Add a canary stage to the deploy pipeline"),
                new CloseIncident("Fixed by rollback"),
                new AttachChannel("C07INC7K2Q", "inc-7k2q-checkout", null),
                new IssueReminder(ReminderRule.TRIAGE_DECISION, T0.plusSeconds(600), null),
                new RecordPostmortem(null, "file:///tmp/postmortems/INC-7K2Q.html", null),
                new RecordFollowUpExport(
                        "FU-1", "https://github.com/acme/platform/issues/812", "812"),
                new RecordIntegrationFailure(
                        "google-drive", "upload postmortem", "quota exceeded"));
    }

    /** Every sample event, chained as one incident's log in the order of {@link #events()}. */
    public static List<EventEnvelope> chainedEvents(String incidentId) {
        EventChain chain = new EventChain(new ContractCodec());
        List<EventEnvelope> log = new ArrayList<>();
        EventEnvelope previous = null;
        for (IncidentEvent event : events()) {
            Instant at = T0.plusSeconds(60L * log.size());
            previous =
                    chain.next(
                            previous,
                            incidentId,
                            UUID.randomUUID(),
                            at,
                            at.plusMillis(12),
                            ALICE,
                            UUID.randomUUID(),
                            event);
            log.add(previous);
        }
        return log;
    }

    public static List<CommandEnvelope> commandEnvelopes(String incidentId) {
        return commands().stream()
                .map(
                        c ->
                                CommandEnvelope.of(incidentId, ALICE, T0, c)
                                        .withIdempotencyKey("k-" + c.type()))
                .toList();
    }

    public static List<CommandResult> results(String incidentId) {
        return List.of(
                new CommandResult.Accepted(
                        UUID.randomUUID(), incidentId, "INC-7K2Q", List.of(UUID.randomUUID()), T0),
                new CommandResult.Duplicate(UUID.randomUUID(), incidentId, "INC-7K2Q", T0),
                new CommandResult.Rejected(
                        UUID.randomUUID(),
                        incidentId,
                        "INC-7K2Q is closed; a closed incident cannot move to fixing",
                        T0));
    }
}
