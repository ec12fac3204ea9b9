package dev.incident.slack.outbound.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.incident.events.model.Actor;
import dev.incident.events.model.ActorSource;
import dev.incident.events.model.IncidentStatus;
import dev.incident.events.model.Role;
import dev.incident.events.state.IncidentState;

/**
 * The incident card pinned in the incident channel: title, reference, severity, status, customer,
 * roles, summary, links, and the buttons the inbound side handles. Rebuilt from the folded state
 * after every event and updated in place.
 */
public final class IncidentCard {

    /** Action ids the inbound side of the gateway answers to; the value is the incident id. */
    public static final String CONFIRM_P1 = "incident_confirm_p1";

    public static final String CONFIRM_P2 = "incident_confirm_p2";
    public static final String DECLINE = "incident_decline";
    public static final String ESCALATE = "incident_escalate";
    public static final String UPDATE = "incident_update";

    private IncidentCard() {}

    /** The notification text of the card (also what clients without blocks show). */
    public static String text(IncidentState state) {
        return SlackText.escape(state.reference() + ": " + state.title(), 200)
                + " ("
                + severity(state)
                + ", "
                + status(state.status())
                + ")";
    }

    public static List<Map<String, Object>> blocks(IncidentState state) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(Blocks.header(state.reference() + " · " + state.title()));
        blocks.add(Blocks.fields(fields(state)));
        blocks.add(Blocks.mrkdwnSection("*Summary*"));
        blocks.add(Blocks.plainSection(state.summary()));
        blocks.add(Blocks.context(links(state)));
        List<Map<String, Object>> buttons = buttons(state);
        if (!buttons.isEmpty()) {
            blocks.add(Blocks.actions("incident_card", buttons));
        }
        return blocks;
    }

    private static List<Map<String, Object>> fields(IncidentState state) {
        String customer = state.customer() == null ? "not known" : state.customer().name();
        return List.of(
                Blocks.mrkdwn("*Severity*\n" + severity(state)),
                Blocks.mrkdwn("*Status*\n" + status(state.status())),
                Blocks.mrkdwn("*Customer*\n" + SlackText.escape(customer, 200)),
                Blocks.mrkdwn("*Reporter*\n" + actor(state.reporter())),
                Blocks.mrkdwn(
                        "*Incident Coordinator*\n" + holder(state, Role.INCIDENT_COORDINATOR)),
                Blocks.mrkdwn("*Operations Engineer*\n" + holder(state, Role.OPERATIONS_ENGINEER)));
    }

    private static String links(IncidentState state) {
        List<String> links = new ArrayList<>();
        String source = state.sourceReference();
        if (source != null && source.matches("(?i)https?://\\S+")) {
            links.add(SlackText.link(source, "Source message"));
        } else if (source != null) {
            links.add("Source: " + SlackText.escape(source, 200));
        }
        if (state.postmortemUrl() != null) {
            links.add(SlackText.link(state.postmortemUrl(), "Postmortem"));
        }
        long exported = state.followUps().stream().filter(f -> f.issueUrl() != null).count();
        if (!state.followUps().isEmpty()) {
            links.add(state.followUps().size() + " follow-ups, " + exported + " exported");
        }
        if (state.resolution() != null) {
            links.add("Resolution: " + SlackText.escape(state.resolution(), 500));
        }
        if (state.declineReason() != null) {
            links.add("Declined: " + SlackText.escape(state.declineReason(), 500));
        }
        return links.isEmpty() ? "No links yet" : String.join(" · ", links);
    }

    /** Triage: confirm or decline. Running: escalate or update. Ended: none. */
    private static List<Map<String, Object>> buttons(IncidentState state) {
        String id = state.incidentId();
        IncidentStatus status = state.status();
        if (status == IncidentStatus.TRIAGE) {
            return List.of(
                    Blocks.button(CONFIRM_P1, "Confirm P1", id, "danger"),
                    Blocks.button(CONFIRM_P2, "Confirm P2", id, "primary"),
                    Blocks.button(DECLINE, "Decline", id, null));
        }
        if (status == IncidentStatus.CLOSED || status == IncidentStatus.DECLINED) {
            return List.of();
        }
        return List.of(
                Blocks.button(ESCALATE, "Escalate", id, null),
                Blocks.button(UPDATE, "Update", id, "primary"));
    }

    static String severity(IncidentState state) {
        return state.severity() == null ? "not confirmed" : state.severity().name();
    }

    /** INVESTIGATING becomes "investigating". */
    public static String status(IncidentStatus status) {
        return status == null ? "unknown" : status.name().toLowerCase(Locale.ROOT);
    }

    private static String holder(IncidentState state, Role role) {
        return state.role(role).map(IncidentCard::actor).orElse("_nobody yet_");
    }

    /** A Slack user as a mention, anyone else by name. */
    public static String actor(Actor actor) {
        if (actor == null) {
            return "unknown";
        }
        if (actor.source() == ActorSource.SLACK_USER) {
            return SlackText.mentionUser(actor.id(), actor.name());
        }
        String name = actor.name() != null ? actor.name() : actor.id();
        return SlackText.escape(name, 200);
    }
}
