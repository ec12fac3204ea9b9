package dev.incident.core.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.IncidentCommand;
import dev.incident.events.command.IncidentCommand.*;
import dev.incident.events.event.EventChain;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.event.IncidentEvent;
import dev.incident.events.event.IncidentEvent.*;
import dev.incident.events.model.Actor;
import dev.incident.events.model.ActorSource;
import dev.incident.events.model.IncidentStatus;
import dev.incident.events.state.IncidentState;

import static dev.incident.core.domain.Lifecycle.lower;

/**
 * Decides one command against an incident's history: the events it leads to, a duplicate, or a
 * rejection whose reason says what to do instead. All rules about commands live here; the fold
 * ({@link IncidentState}) only records what events say.
 */
public final class CommandDecider {

    private final EventChain chain;
    private final ReferenceBook references;

    public CommandDecider(EventChain chain, ReferenceBook references) {
        this.chain = chain;
        this.references = references;
    }

    /** The decision for {@code envelope}; {@code now} becomes the events' recorded time. */
    public Decision decide(IncidentHistory history, CommandEnvelope envelope, Instant now) {
        IncidentState state = history.state();
        IncidentCommand command = envelope.command();

        if (history.hasSeen(envelope.commandId())) {
            return new Decision.Duplicate(state.reference(), "this command was decided before");
        }
        if (history.hasSeenKey(envelope.idempotencyKey())) {
            return new Decision.Duplicate(
                    state.reference(), "a command with this idempotency key was accepted before");
        }
        if (command instanceof DeclareIncident declare) {
            return declare(history, envelope, declare, now);
        }
        if (!state.exists()) {
            return reject(
                    "no incident "
                            + envelope.incidentId()
                            + " has been declared; declare it before "
                            + envelope.type());
        }
        Outcome outcome = outcome(state, command);
        if (outcome.reason != null) {
            return outcome.duplicate
                    ? new Decision.Duplicate(state.reference(), outcome.reason)
                    : reject(state.reference() + ": " + outcome.reason);
        }
        return accept(history, envelope, now, outcome.events);
    }

    private Decision declare(
            IncidentHistory history, CommandEnvelope envelope, DeclareIncident c, Instant now) {
        IncidentState state = history.state();
        if (state.exists()) {
            return new Decision.Duplicate(
                    state.reference(), "incident " + state.reference() + " exists already");
        }
        if (c.title().isBlank()) {
            return reject("an incident needs a title that says what is broken");
        }
        IncidentDeclared declared =
                new IncidentDeclared(
                        references.propose(envelope.incidentId()),
                        c.title(),
                        c.summary(),
                        c.source(),
                        c.mode(),
                        c.severity(),
                        c.customer(),
                        c.reporter(),
                        c.sourceReference(),
                        c.sourceDetails());
        return accept(history, envelope, now, List.of(declared));
    }

    /** The events for a command on a declared incident, or why it is refused. */
    private Outcome outcome(IncidentState state, IncidentCommand command) {
        IncidentStatus status = state.status();
        if (status.isFinal() && !allowedWhenEnded(command)) {
            return Outcome.reject(
                    "the incident is "
                            + lower(status)
                            + " and cannot change any more; declare a new incident if the problem"
                            + " is back");
        }
        if (command instanceof ConfirmSeverity c) {
            return confirm(state, c);
        }
        if (command instanceof DeclineIncident c) {
            return decline(state, c);
        }
        if (command instanceof AssignRole c) {
            return assign(state, c);
        }
        if (command instanceof ChangeStatus c) {
            return changeStatus(state, c);
        }
        if (command instanceof CloseIncident c) {
            return close(state, c);
        }
        if (command instanceof PinMessage c) {
            return pin(state, c);
        }
        if (command instanceof UnpinMessage c) {
            return unpin(state, c);
        }
        if (command instanceof AttachChannel c) {
            return attach(state, c);
        }
        if (command instanceof AddFollowUp c) {
            return addFollowUp(state, c);
        }
        if (command instanceof RecordFollowUpExport c) {
            return exportFollowUp(state, c);
        }
        if (command instanceof RecordPostmortem c) {
            return postmortem(state, c);
        }
        return Outcome.of(record(command));
    }

    /** Facts of integrations and follow-ups may still be recorded after the end. */
    private static boolean allowedWhenEnded(IncidentCommand command) {
        return command instanceof RecordEscalation
                || command instanceof RecordPostmortem
                || command instanceof RecordFollowUpExport
                || command instanceof RecordIntegrationFailure
                || command instanceof AttachChannel
                || command instanceof AddFollowUp;
    }

    private static Outcome confirm(IncidentState state, ConfirmSeverity c) {
        if (state.status() != IncidentStatus.TRIAGE && state.severity() == c.severity()) {
            return Outcome.reject("it is already confirmed as " + c.severity());
        }
        return Outcome.of(new SeverityConfirmed(c.severity(), c.answers()));
    }

    private static Outcome decline(IncidentState state, DeclineIncident c) {
        if (state.status() != IncidentStatus.TRIAGE) {
            return Outcome.reject(
                    "only a triage incident can be declined, and this one is "
                            + lower(state.status())
                            + "; close it with a resolution instead");
        }
        if (c.reason().isBlank()) {
            return Outcome.reject("say why the incident is declined");
        }
        return Outcome.of(new IncidentDeclined(c.reason()));
    }

    private static Outcome assign(IncidentState state, AssignRole c) {
        ActorSource source = c.assignee().source();
        if (source == ActorSource.SERVICE || source == ActorSource.API_CLIENT) {
            return Outcome.reject(
                    "a role is held by a person, not by "
                            + source.name().toLowerCase()
                            + " "
                            + c.assignee().id());
        }
        Actor holder = state.roles().get(c.role());
        if (holder != null && holder.id().equals(c.assignee().id())) {
            return Outcome.duplicate(
                    c.assignee().id() + " holds " + c.role().name().toLowerCase() + " already");
        }
        return Outcome.of(new RoleAssigned(c.role(), c.assignee()));
    }

    private static Outcome changeStatus(IncidentState state, ChangeStatus c) {
        IncidentStatus from = state.status();
        IncidentStatus to = c.status();
        if (from == to) {
            return Outcome.reject(
                    "it is "
                            + lower(to)
                            + " already; to change only the summary, send UpdateSummary");
        }
        if (to == IncidentStatus.CLOSED || to == IncidentStatus.DECLINED) {
            return Outcome.reject(
                    "use "
                            + (to == IncidentStatus.CLOSED ? "CloseIncident" : "DeclineIncident")
                            + " to make it "
                            + lower(to));
        }
        if (from == IncidentStatus.TRIAGE) {
            return Outcome.reject(
                    "it is still in triage; confirm it as P1 or P2 (or decline it) first");
        }
        if (!Lifecycle.allows(from, to)) {
            return Outcome.reject(
                    "it is "
                            + lower(from)
                            + " and cannot move to "
                            + lower(to)
                            + "; from "
                            + lower(from)
                            + " it can only move to "
                            + names(Lifecycle.next(from)));
        }
        return Outcome.of(new StatusChanged(from, to, blankToNull(c.summary())));
    }

    private static Outcome close(IncidentState state, CloseIncident c) {
        if (state.status() == IncidentStatus.TRIAGE) {
            return Outcome.reject(
                    "a triage incident is not closed; decline it, or confirm it first");
        }
        if (state.status() != IncidentStatus.MONITORING) {
            return Outcome.reject(
                    "only a monitoring incident can be closed, and this one is "
                            + lower(state.status())
                            + "; move it to monitoring once the fix is in");
        }
        if (c.resolution().isBlank()) {
            return Outcome.reject("say how the incident was resolved");
        }
        return Outcome.of(new IncidentClosed(c.resolution()));
    }

    private static Outcome pin(IncidentState state, PinMessage c) {
        boolean pinned =
                state.pins().stream().anyMatch(pin -> pin.messageTs().equals(c.messageTs()));
        if (pinned) {
            return Outcome.duplicate("message " + c.messageTs() + " is pinned already");
        }
        return Outcome.of(
                new MessagePinned(
                        c.channelId(),
                        c.messageTs(),
                        c.author(),
                        c.text(),
                        c.permalink(),
                        c.postedAt()));
    }

    private static Outcome unpin(IncidentState state, UnpinMessage c) {
        boolean pinned =
                state.pins().stream().anyMatch(pin -> pin.messageTs().equals(c.messageTs()));
        if (!pinned) {
            return Outcome.duplicate("message " + c.messageTs() + " is not pinned");
        }
        return Outcome.of(new MessageUnpinned(c.channelId(), c.messageTs()));
    }

    private static Outcome attach(IncidentState state, AttachChannel c) {
        if (c.channelId().equals(state.channelId())) {
            return Outcome.duplicate("channel " + c.channelName() + " is attached already");
        }
        if (state.channelId() != null) {
            return Outcome.reject(
                    "it has channel "
                            + state.channelName()
                            + " already; an incident keeps one channel");
        }
        return Outcome.of(new ChannelAttached(c.channelId(), c.channelName(), c.url()));
    }

    private static Outcome addFollowUp(IncidentState state, AddFollowUp c) {
        if (c.text().isBlank()) {
            return Outcome.reject("a follow-up needs a text saying what to do");
        }
        String id = "FU-" + (state.followUps().size() + 1);
        return Outcome.of(new FollowUpAdded(id, c.text()));
    }

    private static Outcome exportFollowUp(IncidentState state, RecordFollowUpExport c) {
        var known =
                state.followUps().stream()
                        .filter(followUp -> followUp.id().equals(c.followUpId()))
                        .findFirst();
        if (known.isEmpty()) {
            return Outcome.reject("it has no follow-up " + c.followUpId());
        }
        if (c.issueUrl().equals(known.get().issueUrl())) {
            return Outcome.duplicate(c.followUpId() + " is exported already");
        }
        return Outcome.of(new FollowUpExported(c.followUpId(), c.issueUrl(), c.issueKey()));
    }

    private static Outcome postmortem(IncidentState state, RecordPostmortem c) {
        if (c.url().equals(state.postmortemUrl())) {
            return Outcome.duplicate("the postmortem " + c.url() + " is recorded already");
        }
        return Outcome.of(new PostmortemPublished(c.documentId(), c.url(), c.reviewer()));
    }

    /** The commands that only record what somebody did, with no rule beyond the final states. */
    private static IncidentEvent record(IncidentCommand command) {
        if (command instanceof RequestEscalation c) {
            return new EscalationRequested(c.target(), c.reason());
        }
        if (command instanceof RecordEscalation c) {
            return new Escalated(
                    c.target(),
                    c.reason(),
                    c.paged(),
                    c.provider(),
                    c.outcome(),
                    c.failureReason(),
                    c.alertReference());
        }
        if (command instanceof PublishEscalationMatrix c) {
            return new EscalationMatrixPublished(c.customerId(), c.contacts());
        }
        if (command instanceof UpdateSummary c) {
            return new SummaryUpdated(c.summary());
        }
        if (command instanceof IssueReminder c) {
            return new ReminderIssued(c.rule(), c.dueAt(), c.text());
        }
        if (command instanceof RecordIntegrationFailure c) {
            return new IntegrationFailed(c.integration(), c.operation(), c.reason());
        }
        throw new IllegalArgumentException("no rule for command " + command.type());
    }

    private Decision accept(
            IncidentHistory history,
            CommandEnvelope envelope,
            Instant now,
            List<IncidentEvent> payloads) {
        List<EventEnvelope> events = new ArrayList<>();
        EventEnvelope previous = history.last();
        for (int i = 0; i < payloads.size(); i++) {
            previous =
                    chain.next(
                            previous,
                            envelope.incidentId(),
                            eventId(envelope.commandId(), i),
                            envelope.issuedAt(),
                            now,
                            envelope.actor(),
                            envelope.commandId(),
                            payloads.get(i));
            events.add(previous);
        }
        String reference =
                payloads.get(0) instanceof IncidentDeclared declared
                        ? declared.reference()
                        : history.state().reference();
        return new Decision.Accepted(reference, events);
    }

    /** Derived from the command, so deciding the same command again gives the same event ids. */
    private static UUID eventId(UUID commandId, int index) {
        String name = commandId + "/" + index;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static Decision reject(String reason) {
        return new Decision.Rejected(reason);
    }

    private static String names(java.util.Set<IncidentStatus> statuses) {
        return statuses.stream().map(Lifecycle::lower).sorted().toList().toString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The events for a command, or the reason it is a duplicate or refused. */
    private record Outcome(List<IncidentEvent> events, String reason, boolean duplicate) {

        static Outcome of(IncidentEvent event) {
            return new Outcome(List.of(event), null, false);
        }

        static Outcome reject(String reason) {
            return new Outcome(List.of(), Objects.requireNonNull(reason), false);
        }

        static Outcome duplicate(String why) {
            return new Outcome(List.of(), why, true);
        }
    }
}
