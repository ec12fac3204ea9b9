package dev.incident.slack.outbound.domain;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.incident.events.event.EventEnvelope;
import dev.incident.events.event.IncidentEvent;
import dev.incident.events.event.IncidentEvent.*;
import dev.incident.events.model.Contact;
import dev.incident.events.model.EscalationOutcome;
import dev.incident.events.model.ReminderRule;
import dev.incident.events.model.Role;
import dev.incident.events.state.IncidentState;

/**
 * The short line the incident channel gets for an event after the declaration, written from the
 * event and the incident's state after it. Events the gateway caused itself (the channel) and
 * failures of the Slack integration itself get no line.
 */
public final class EventLines {

    private EventLines() {}

    public static Optional<Message> line(EventEnvelope envelope, IncidentState state) {
        IncidentEvent event = envelope.payload();
        String by = IncidentCard.actor(envelope.actor());
        if (event instanceof SeverityConfirmed e) {
            return some(":rotating_light: Confirmed as *" + e.severity() + "* by " + by, null);
        } else if (event instanceof IncidentDeclined e) {
            return some(":no_entry_sign: Declined by " + by, e.reason());
        } else if (event instanceof RoleAssigned e) {
            return some(
                    ":bust_in_silhouette: "
                            + IncidentCard.actor(e.assignee())
                            + " is now "
                            + roleName(e.role())
                            + " (assigned by "
                            + by
                            + ")",
                    null);
        } else if (event instanceof EscalationRequested e) {
            return some(
                    ":mega: " + by + " asked to page `" + SlackText.escape(e.target(), 80) + "`",
                    e.reason());
        } else if (event instanceof Escalated e) {
            return escalated(e);
        } else if (event instanceof EscalationMatrixPublished e) {
            return Optional.of(matrix(e, state));
        } else if (event instanceof StatusChanged e) {
            return some(
                    ":arrows_counterclockwise: Status "
                            + IncidentCard.status(e.from())
                            + " → *"
                            + IncidentCard.status(e.to())
                            + "* by "
                            + by,
                    e.summary());
        } else if (event instanceof SummaryUpdated e) {
            return some(":memo: Summary updated by " + by, e.summary());
        } else if (event instanceof MessagePinned e) {
            return some(
                    ":pushpin: "
                            + SlackText.link(e.permalink(), "Pinned to the timeline")
                            + " by "
                            + IncidentCard.actor(e.author()),
                    e.text());
        } else if (event instanceof MessageUnpinned e) {
            return some(":wastebasket: A message was removed from the timeline by " + by, null);
        } else if (event instanceof ReminderIssued e) {
            return some(reminder(e, state), e.text());
        } else if (event instanceof FollowUpAdded e) {
            return some(
                    ":clipboard: Follow-up *"
                            + SlackText.escape(e.followUpId())
                            + "* added by "
                            + by,
                    e.text());
        } else if (event instanceof FollowUpExported e) {
            String label = e.issueKey() != null ? e.issueKey() : e.issueUrl();
            return some(
                    ":link: Follow-up *"
                            + SlackText.escape(e.followUpId())
                            + "* is now "
                            + SlackText.link(e.issueUrl(), label),
                    null);
        } else if (event instanceof PostmortemPublished e) {
            String reviewer =
                    e.reviewer() == null ? "" : ", review by " + IncidentCard.actor(e.reviewer());
            return some(
                    ":page_facing_up: " + SlackText.link(e.url(), "Postmortem draft") + reviewer,
                    null);
        } else if (event instanceof IncidentClosed e) {
            return some(
                    ":checkered_flag: Closed by " + by + " · " + Durations.summary(state),
                    e.resolution());
        } else if (event instanceof IntegrationFailed e && !"slack".equals(e.integration())) {
            return some(
                    ":warning: "
                            + SlackText.escape(e.integration(), 80)
                            + " could not "
                            + SlackText.escape(e.operation(), 200),
                    e.reason());
        }
        // IncidentDeclared gets the card, ChannelAttached is our own doing, and a failure of the
        // Slack integration cannot usefully be told through Slack.
        return Optional.empty();
    }

    /** "Incident Coordinator" or "Operations Engineer". */
    public static String roleName(Role role) {
        return role == Role.INCIDENT_COORDINATOR ? "Incident Coordinator" : "Operations Engineer";
    }

    private static Optional<Message> escalated(Escalated e) {
        String target = "`" + SlackText.escape(e.target(), 80) + "`";
        String paged = e.paged() == null ? "nobody" : IncidentCard.actor(e.paged());
        if (e.outcome() == EscalationOutcome.FAILED) {
            String why = e.failureReason() != null ? e.failureReason() : e.reason();
            return some(":warning: Paging " + target + " failed", why);
        }
        if (e.outcome() == EscalationOutcome.ACCEPTED) {
            return some(":white_check_mark: " + paged + " accepted the page from " + target, null);
        }
        return some(":pager: Paged " + paged + " from " + target, e.reason());
    }

    private static Message matrix(EscalationMatrixPublished e, IncidentState state) {
        String customer = state.customer() != null ? state.customer().name() : e.customerId();
        String header =
                ":telephone_receiver: Escalation matrix for *"
                        + SlackText.escape(customer, 200)
                        + "*, in the order to call";
        if (e.contacts().isEmpty()) {
            return Message.line(header, "No contacts are configured for this customer.");
        }
        List<Contact> contacts = e.contacts();
        String list =
                contacts.stream()
                        .map(c -> (contacts.indexOf(c) + 1) + ". " + contact(c))
                        .collect(Collectors.joining("\n"));
        return Message.line(header, list);
    }

    /** "Dana Whitfield (Head of IT): +44 20 7946 0001, dana@acme.example.com, Mon-Fri ...". */
    private static String contact(Contact c) {
        String role = c.role() != null ? " (" + c.role() + ")" : "";
        String reach =
                java.util.stream.Stream.of(c.phone(), c.email(), c.hours())
                        .filter(v -> v != null && !v.isBlank())
                        .collect(Collectors.joining(", "));
        return c.name() + role + (reach.isEmpty() ? "" : ": " + reach);
    }

    private static String reminder(ReminderIssued e, IncidentState state) {
        String who =
                state.role(Role.INCIDENT_COORDINATOR)
                        .map(coordinator -> " " + IncidentCard.actor(coordinator) + ",")
                        .orElse(" (no coordinator yet)");
        if (e.rule() == ReminderRule.CUSTOMER_UPDATE) {
            return ":alarm_clock:" + who + " time to update the customer";
        }
        if (e.rule() == ReminderRule.TRIAGE_DECISION) {
            return ":alarm_clock:" + who + " this triage incident still needs a decision";
        }
        return ":alarm_clock:" + who + " time to check in on monitoring";
    }

    private static Optional<Message> some(String mrkdwn, String userText) {
        return Optional.of(Message.line(mrkdwn, userText));
    }
}
