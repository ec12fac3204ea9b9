package dev.incident.slack.outbound.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.incident.events.model.Actor;
import dev.incident.events.model.ActorSource;
import dev.incident.events.model.IncidentMode;
import dev.incident.events.model.Role;
import dev.incident.events.state.IncidentState;

/** Messages outside the incident channel: the announcement, and the page for a paged person. */
public final class Announcements {

    /** Action id of the page message's button; the inbound side assigns the role. */
    public static final String ACCEPT_PAGE = "escalation_accept";

    private Announcements() {}

    /** Every new incident, with a link to its channel. */
    public static Message announcement(IncidentState state, String channelId, String channelName) {
        String kind =
                state.mode() == IncidentMode.TRIAGE
                        ? "in triage"
                        : IncidentCard.severity(state) + ", live";
        String source =
                fromEmail(state)
                        ? " from an email by " + IncidentCard.actor(state.reporter())
                        : " by " + IncidentCard.actor(state.reporter());
        String customer = state.customer() == null ? "" : " for *" + customer(state) + "*";
        String line =
                ":rotating_light: New incident *"
                        + SlackText.escape(state.reference())
                        + "* ("
                        + kind
                        + ")"
                        + customer
                        + source
                        + ": "
                        + SlackText.mentionChannel(channelId, channelName);
        return Message.line(line, state.title());
    }

    /** True for the incidents email-ingest declares: their reporter is the email's sender. */
    public static boolean fromEmail(IncidentState state) {
        return state.reporter() != null && state.reporter().source() == ActorSource.EMAIL_SENDER;
    }

    /** In the announcement's thread: who was paged for an email triage incident. */
    public static Message pagedForEmail(IncidentState state, Actor paged, String channelId) {
        return Message.line(
                ":pager: "
                        + IncidentCard.actor(paged)
                        + ", you were paged to triage *"
                        + SlackText.escape(state.reference())
                        + "*: "
                        + SlackText.mentionChannel(channelId, state.channelName()),
                null);
    }

    /** The page a paged person receives directly, with the button that takes the role. */
    public static Message page(IncidentState state, String channelId, Role role, String reason) {
        String text =
                ":pager: You were paged as "
                        + EventLines.roleName(role)
                        + " for *"
                        + SlackText.escape(state.reference())
                        + "*: "
                        + SlackText.mentionChannel(channelId, state.channelName());
        Message line = Message.line(text, state.title() + (reason == null ? "" : "\n" + reason));
        List<Map<String, Object>> blocks = new ArrayList<>(line.blocks());
        blocks.add(
                Blocks.actions(
                        "page",
                        List.of(
                                Blocks.button(
                                        ACCEPT_PAGE,
                                        "Accept as " + EventLines.roleName(role),
                                        state.incidentId() + "|" + role.name(),
                                        "primary"))));
        return new Message(line.text(), blocks);
    }

    private static String customer(IncidentState state) {
        return SlackText.escape(state.customer().name(), 200);
    }
}
