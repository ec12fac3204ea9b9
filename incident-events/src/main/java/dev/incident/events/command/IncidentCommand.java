package dev.incident.events.command;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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

import static java.util.Objects.requireNonNull;

/**
 * A request to change an incident, in the imperative. Any service may send one on {@code
 * incident.commands}; only incident-core decides it, against the incident's folded state. Who asks,
 * and the command's id, are in the {@link CommandEnvelope}.
 */
public sealed interface IncidentCommand {

    /** The command's type name on the wire: the record's simple name. */
    default String type() {
        return getClass().getSimpleName();
    }

    /** Start an incident; incident-core gives it its reference. See IncidentDeclared. */
    record DeclareIncident(
            String title,
            String summary,
            DeclarationSource source,
            IncidentMode mode,
            Severity severity,
            Customer customer,
            Actor reporter,
            String sourceReference,
            Map<String, String> sourceDetails)
            implements IncidentCommand {
        public DeclareIncident {
            requireNonNull(title, "title");
            requireNonNull(source, "source");
            requireNonNull(mode, "mode");
            requireNonNull(reporter, "reporter");
            sourceDetails = sourceDetails == null ? Map.of() : Map.copyOf(sourceDetails);
        }
    }

    record ConfirmSeverity(Severity severity, List<TriageAnswer> answers)
            implements IncidentCommand {
        public ConfirmSeverity {
            requireNonNull(severity, "severity");
            answers = answers == null ? List.of() : List.copyOf(answers);
        }
    }

    record DeclineIncident(String reason) implements IncidentCommand {
        public DeclineIncident {
            requireNonNull(reason, "reason");
        }
    }

    record AssignRole(Role role, Actor assignee) implements IncidentCommand {
        public AssignRole {
            requireNonNull(role, "role");
            requireNonNull(assignee, "assignee");
        }
    }

    /** Ask escalation-service to page a schedule or a person. */
    record RequestEscalation(String target, String reason) implements IncidentCommand {
        public RequestEscalation {
            requireNonNull(target, "target");
        }
    }

    /** Record what a page did; sent by escalation-service. */
    record RecordEscalation(
            String target,
            String reason,
            Actor paged,
            String provider,
            EscalationOutcome outcome,
            String failureReason,
            String alertReference)
            implements IncidentCommand {
        public RecordEscalation {
            requireNonNull(target, "target");
            requireNonNull(outcome, "outcome");
        }
    }

    record PublishEscalationMatrix(String customerId, List<Contact> contacts)
            implements IncidentCommand {
        public PublishEscalationMatrix {
            requireNonNull(customerId, "customerId");
            contacts = contacts == null ? List.of() : List.copyOf(contacts);
        }
    }

    /** Move to investigating, fixing or monitoring, optionally with a new summary. */
    record ChangeStatus(IncidentStatus status, String summary) implements IncidentCommand {
        public ChangeStatus {
            requireNonNull(status, "status");
        }
    }

    record UpdateSummary(String summary) implements IncidentCommand {
        public UpdateSummary {
            requireNonNull(summary, "summary");
        }
    }

    record PinMessage(
            String channelId,
            String messageTs,
            Actor author,
            String text,
            String permalink,
            Instant postedAt)
            implements IncidentCommand {
        public PinMessage {
            requireNonNull(channelId, "channelId");
            requireNonNull(messageTs, "messageTs");
        }
    }

    record UnpinMessage(String channelId, String messageTs) implements IncidentCommand {
        public UnpinMessage {
            requireNonNull(channelId, "channelId");
            requireNonNull(messageTs, "messageTs");
        }
    }

    record AddFollowUp(String text) implements IncidentCommand {
        public AddFollowUp {
            requireNonNull(text, "text");
        }
    }

    record CloseIncident(String resolution) implements IncidentCommand {
        public CloseIncident {
            requireNonNull(resolution, "resolution");
        }
    }

    /** Record the channel the Slack gateway created. */
    record AttachChannel(String channelId, String channelName, String url)
            implements IncidentCommand {
        public AttachChannel {
            requireNonNull(channelId, "channelId");
            requireNonNull(channelName, "channelName");
        }
    }

    /** Record a reminder that came due; sent by reminder-service. */
    record IssueReminder(ReminderRule rule, Instant dueAt, String text) implements IncidentCommand {
        public IssueReminder {
            requireNonNull(rule, "rule");
            requireNonNull(dueAt, "dueAt");
        }
    }

    /** Record the postmortem draft; sent by postmortem-service. */
    record RecordPostmortem(String documentId, String url, Actor reviewer)
            implements IncidentCommand {
        public RecordPostmortem {
            requireNonNull(url, "url");
        }
    }

    /** Record an exported follow-up; sent by ticket-exporter. */
    record RecordFollowUpExport(String followUpId, String issueUrl, String issueKey)
            implements IncidentCommand {
        public RecordFollowUpExport {
            requireNonNull(followUpId, "followUpId");
            requireNonNull(issueUrl, "issueUrl");
        }
    }

    /** Record that an integration gave up; the incident carries on. */
    record RecordIntegrationFailure(String integration, String operation, String reason)
            implements IncidentCommand {
        public RecordIntegrationFailure {
            requireNonNull(integration, "integration");
            requireNonNull(operation, "operation");
            requireNonNull(reason, "reason");
        }
    }
}
