package dev.incident.events.event;

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
 * Everything that can happen to an incident, in the past tense. Who did it, when, and because of
 * which command is in the {@link EventEnvelope}; these records hold only what is particular to each
 * event. Optional fields may be null; lists and maps are never null.
 */
public sealed interface IncidentEvent {

    /** The event's type name on the wire: the record's simple name. */
    default String type() {
        return getClass().getSimpleName();
    }

    /**
     * An incident began.
     *
     * @param reference the short human reference (INC-...), fixed for the incident's life
     * @param severity null while nobody has confirmed it
     * @param sourceReference what started it: a Slack message permalink, an email's Message-ID
     * @param sourceDetails anything else the source told (email sender and date, attachments)
     */
    record IncidentDeclared(
            String reference,
            String title,
            String summary,
            DeclarationSource source,
            IncidentMode mode,
            Severity severity,
            Customer customer,
            Actor reporter,
            String sourceReference,
            Map<String, String> sourceDetails)
            implements IncidentEvent {
        public IncidentDeclared {
            requireNonNull(reference, "reference");
            requireNonNull(title, "title");
            requireNonNull(source, "source");
            requireNonNull(mode, "mode");
            requireNonNull(reporter, "reporter");
            sourceDetails = sourceDetails == null ? Map.of() : Map.copyOf(sourceDetails);
        }
    }

    /** A triage incident was confirmed as P1 or P2, with the triage answers when given. */
    record SeverityConfirmed(Severity severity, List<TriageAnswer> answers)
            implements IncidentEvent {
        public SeverityConfirmed {
            requireNonNull(severity, "severity");
            answers = answers == null ? List.of() : List.copyOf(answers);
        }
    }

    /** A triage incident turned out not to be one. */
    record IncidentDeclined(String reason) implements IncidentEvent {
        public IncidentDeclined {
            requireNonNull(reason, "reason");
        }
    }

    /** Somebody took a role; the envelope's actor is who assigned it. */
    record RoleAssigned(Role role, Actor assignee) implements IncidentEvent {
        public RoleAssigned {
            requireNonNull(role, "role");
            requireNonNull(assignee, "assignee");
        }
    }

    /** Somebody asked for a schedule or a person to be paged; escalation-service acts on it. */
    record EscalationRequested(String target, String reason) implements IncidentEvent {
        public EscalationRequested {
            requireNonNull(target, "target");
        }
    }

    /**
     * A page went out (or could not): to which schedule or person, why, who was paged.
     *
     * @param paged null when the page failed before anyone was found
     * @param provider which on-call provider was used (built-in, opsgenie, pagerduty)
     * @param failureReason why it failed, when it did
     * @param alertReference the provider's alert id, to match its acknowledgement later
     */
    record Escalated(
            String target,
            String reason,
            Actor paged,
            String provider,
            EscalationOutcome outcome,
            String failureReason,
            String alertReference)
            implements IncidentEvent {
        public Escalated {
            requireNonNull(target, "target");
            requireNonNull(outcome, "outcome");
        }
    }

    /** The customer's contacts, in the order to call them, as shown to the team. */
    record EscalationMatrixPublished(String customerId, List<Contact> contacts)
            implements IncidentEvent {
        public EscalationMatrixPublished {
            requireNonNull(customerId, "customerId");
            contacts = contacts == null ? List.of() : List.copyOf(contacts);
        }
    }

    /** The status moved; {@code summary} is set when it changed with it. */
    record StatusChanged(IncidentStatus from, IncidentStatus to, String summary)
            implements IncidentEvent {
        public StatusChanged {
            requireNonNull(from, "from");
            requireNonNull(to, "to");
        }
    }

    /** The summary changed without a status change. */
    record SummaryUpdated(String summary) implements IncidentEvent {
        public SummaryUpdated {
            requireNonNull(summary, "summary");
        }
    }

    /** A finding was pinned in the incident channel; it keeps the message's own time. */
    record MessagePinned(
            String channelId,
            String messageTs,
            Actor author,
            String text,
            String permalink,
            Instant postedAt)
            implements IncidentEvent {
        public MessagePinned {
            requireNonNull(channelId, "channelId");
            requireNonNull(messageTs, "messageTs");
        }
    }

    /** A pin was removed. */
    record MessageUnpinned(String channelId, String messageTs) implements IncidentEvent {
        public MessageUnpinned {
            requireNonNull(channelId, "channelId");
            requireNonNull(messageTs, "messageTs");
        }
    }

    /** The incident ended; nothing changes it after this. */
    record IncidentClosed(String resolution) implements IncidentEvent {
        public IncidentClosed {
            requireNonNull(resolution, "resolution");
        }
    }

    /** The Slack gateway created the incident's channel. */
    record ChannelAttached(String channelId, String channelName, String url)
            implements IncidentEvent {
        public ChannelAttached {
            requireNonNull(channelId, "channelId");
            requireNonNull(channelName, "channelName");
        }
    }

    /**
     * A reminder came due. Schema version 2: version 1 had only the text; the upcaster gives old
     * events the rule {@link ReminderRule#CUSTOMER_UPDATE} and their own time as the due time.
     */
    record ReminderIssued(ReminderRule rule, Instant dueAt, String text) implements IncidentEvent {
        public ReminderIssued {
            requireNonNull(rule, "rule");
            requireNonNull(dueAt, "dueAt");
        }
    }

    /** Something to do after the incident; {@code followUpId} is unique within the incident. */
    record FollowUpAdded(String followUpId, String text) implements IncidentEvent {
        public FollowUpAdded {
            requireNonNull(followUpId, "followUpId");
            requireNonNull(text, "text");
        }
    }

    /** A follow-up became an issue in a tracker. */
    record FollowUpExported(String followUpId, String issueUrl, String issueKey)
            implements IncidentEvent {
        public FollowUpExported {
            requireNonNull(followUpId, "followUpId");
            requireNonNull(issueUrl, "issueUrl");
        }
    }

    /** The postmortem draft was written; {@code reviewer} is the account engineer named in it. */
    record PostmortemPublished(String documentId, String url, Actor reviewer)
            implements IncidentEvent {
        public PostmortemPublished {
            requireNonNull(url, "url");
        }
    }

    /**
     * An integration gave up after its retries; the incident itself carries on.
     *
     * @param integration slack, google-drive, github, opsgenie, pagerduty, ...
     * @param operation what it tried, in words (create channel, export follow-up FU-2, ...)
     */
    record IntegrationFailed(String integration, String operation, String reason)
            implements IncidentEvent {
        public IntegrationFailed {
            requireNonNull(integration, "integration");
            requireNonNull(operation, "operation");
            requireNonNull(reason, "reason");
        }
    }
}
