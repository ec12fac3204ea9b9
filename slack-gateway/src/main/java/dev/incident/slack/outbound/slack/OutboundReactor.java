package dev.incident.slack.outbound.slack;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import org.jboss.logging.Logger;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.IncidentCommand.AttachChannel;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.event.IncidentEvent;
import dev.incident.events.event.IncidentEvent.ChannelAttached;
import dev.incident.events.event.IncidentEvent.Escalated;
import dev.incident.events.event.IncidentEvent.IncidentDeclared;
import dev.incident.events.event.IncidentEvent.IntegrationFailed;
import dev.incident.events.event.IncidentEvent.RoleAssigned;
import dev.incident.events.model.Actor;
import dev.incident.events.model.ActorSource;
import dev.incident.events.model.EscalationOutcome;
import dev.incident.events.state.IncidentState;
import dev.incident.slack.outbound.domain.Announcements;
import dev.incident.slack.outbound.domain.ChannelNames;
import dev.incident.slack.outbound.domain.CommandSender;
import dev.incident.slack.outbound.domain.EventLines;
import dev.incident.slack.outbound.domain.IncidentCard;
import dev.incident.slack.outbound.domain.IncidentProgress;
import dev.incident.slack.outbound.domain.Message;
import dev.incident.slack.outbound.domain.ProgressStore;
import dev.incident.slack.outbound.domain.ScheduleRoles;

/**
 * What Slack sees of one event: a declaration gets its channel, the reporter, the pinned card and
 * an announcement; every later event updates the card in place and posts its line. Each step that
 * creates something in Slack is saved at once, so repeating a half-done reaction after a crash
 * creates nothing twice.
 */
public final class OutboundReactor {

    /** How the reactor is set up. */
    public record Settings(
            Optional<String> announcementsChannel, String channelLinkBase, int nameAttempts) {}

    /** The integration name this gateway reports failures under. */
    public static final String SLACK = "slack";

    private static final Logger LOG = Logger.getLogger(OutboundReactor.class);

    /** Answers that mean the thing asked for is already so. */
    private static final Set<String> ALREADY_DONE =
            Set.of("already_in_channel", "already_pinned", "cant_invite_self");

    /** Answers about the person invited, not the channel: the rest of the reaction goes on. */
    private static final Set<String> PERSON_PROBLEMS =
            Set.of(
                    "user_not_found",
                    "user_is_bot",
                    "user_is_restricted",
                    "user_is_ultra_restricted",
                    "cant_invite",
                    "ura_max_channels");

    private final SlackApi slack;
    private final ProgressStore store;
    private final CommandSender commands;
    private final Settings settings;
    private final Clock clock;

    public OutboundReactor(
            SlackApi slack,
            ProgressStore store,
            CommandSender commands,
            Settings settings,
            Clock clock) {
        this.slack = slack;
        this.store = store;
        this.commands = commands;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Reacts to {@code event}, {@code state} being the incident after it, and returns the progress
     * with the event marked handled (also saved).
     */
    public IncidentProgress react(
            EventEnvelope event, IncidentState state, IncidentProgress progress)
            throws SlackCallException {
        IncidentProgress done =
                event.payload() instanceof IncidentDeclared
                        ? declared(event, state, progress)
                        : later(event, state, progress);
        IncidentProgress handled = done.handledUpTo(event.sequence());
        store.save(handled);
        return handled;
    }

    private IncidentProgress declared(
            EventEnvelope event, IncidentState state, IncidentProgress progress)
            throws SlackCallException {
        String id = state.incidentId();
        IncidentProgress p = progress;
        if (p.channelId() == null) {
            p = createChannel(state, p);
        }

        Actor reporter = state.reporter();
        if (reporter.source() == ActorSource.SLACK_USER) {
            invite(SlackCall.invite(id, p.channelId(), reporter.id()));
        }

        if (p.cardTs() == null) {
            Message card = new Message(IncidentCard.text(state), IncidentCard.blocks(state));
            String ts = slack.call(SlackCall.post(id, p.channelId(), card, null)).ts();
            p = p.withCard(ts);
            store.save(p);
        }
        quietly(SlackCall.pin(id, p.channelId(), p.cardTs()));

        attachChannel(event, p);
        return announce(state, p);
    }

    private IncidentProgress createChannel(IncidentState state, IncidentProgress progress)
            throws SlackCallException {
        String name = ChannelNames.of(state.reference(), state.title());
        for (int attempt = 1; ; attempt++) {
            String candidate = ChannelNames.attempt(name, attempt);
            try {
                SlackCall create = SlackCall.createChannel(state.incidentId(), candidate);
                String channelId = slack.call(create).channelId();
                LOG.infof("%s: channel #%s (%s) created", state.reference(), candidate, channelId);
                IncidentProgress created = progress.withChannel(channelId, candidate);
                store.save(created);
                return created;
            } catch (SlackCallException e) {
                if (!"name_taken".equals(e.error()) || attempt >= settings.nameAttempts()) {
                    throw e;
                }
                LOG.infof("%s: channel name #%s is taken", state.reference(), candidate);
            }
        }
    }

    /** Tells incident-core the channel; the key makes a repeated reaction recognisable. */
    private void attachChannel(EventEnvelope declared, IncidentProgress p) {
        String url = settings.channelLinkBase() + p.channelId();
        CommandEnvelope command =
                CommandEnvelope.of(
                                declared.incidentId(),
                                Actor.service("slack-gateway"),
                                clock.instant(),
                                new AttachChannel(p.channelId(), p.channelName(), url))
                        .withIdempotencyKey("slack-channel:" + declared.eventId());
        commands.send(command);
    }

    private IncidentProgress announce(IncidentState state, IncidentProgress p)
            throws SlackCallException {
        if (settings.announcementsChannel().isEmpty() || p.announcementTs() != null) {
            return p;
        }
        Message message = Announcements.announcement(state, p.channelId(), p.channelName());
        String channel = settings.announcementsChannel().get();
        String ts = slack.call(SlackCall.post(state.incidentId(), channel, message, null)).ts();
        IncidentProgress announced = p.withAnnouncement(ts);
        store.save(announced);
        return announced;
    }

    private IncidentProgress later(
            EventEnvelope event, IncidentState state, IncidentProgress progress)
            throws SlackCallException {
        IncidentEvent payload = event.payload();
        IncidentProgress p = progress;
        if (p.channelId() == null && state.channelId() != null) {
            p = p.withChannel(state.channelId(), state.channelName()); // attached elsewhere
        }
        if (p.channelId() == null) {
            LOG.debugf("%s: no channel, %s not shown", state.reference(), event.type());
            return p;
        }
        if (payload instanceof ChannelAttached || isSlackFailure(payload)) {
            // The channel is our own doing and the card shows it; a failure of Slack itself
            // cannot usefully be told through Slack (and trying again could fail again).
            return p;
        }

        String id = state.incidentId();
        if (p.cardTs() != null) {
            Message card = new Message(IncidentCard.text(state), IncidentCard.blocks(state));
            slack.call(SlackCall.update(id, p.channelId(), p.cardTs(), card));
        }
        Optional<Message> line = EventLines.line(event, state);
        if (line.isPresent()) {
            slack.call(SlackCall.post(id, p.channelId(), line.get(), null));
        }
        extras(payload, state, p);
        return p;
    }

    /** Invite whoever got a role; give a paged person their page with the accept button. */
    private void extras(IncidentEvent payload, IncidentState state, IncidentProgress p)
            throws SlackCallException {
        String id = state.incidentId();
        if (payload instanceof RoleAssigned e && isSlackUser(e.assignee())) {
            invite(SlackCall.invite(id, p.channelId(), e.assignee().id()));
        }
        if (payload instanceof Escalated e
                && e.outcome() == EscalationOutcome.PAGED
                && isSlackUser(e.paged())) {
            Message page =
                    Announcements.page(
                            state, p.channelId(), ScheduleRoles.roleFor(e.target()), e.reason());
            slack.call(SlackCall.post(id, e.paged().id(), page, null));
            if (Announcements.fromEmail(state) && p.announcementTs() != null) {
                Message mention = Announcements.pagedForEmail(state, e.paged(), p.channelId());
                String channel = settings.announcementsChannel().orElseThrow();
                slack.call(SlackCall.post(id, channel, mention, p.announcementTs()));
            }
        }
    }

    /** True for IntegrationFailed of the Slack integration. */
    public static boolean isSlackFailure(IncidentEvent payload) {
        return payload instanceof IntegrationFailed e && SLACK.equals(e.integration());
    }

    private static boolean isSlackUser(Actor actor) {
        return actor != null && actor.source() == ActorSource.SLACK_USER;
    }

    /** An invite that cannot include this person is worth a warning, not the whole reaction. */
    private void invite(SlackCall call) throws SlackCallException {
        try {
            quietly(call);
        } catch (SlackCallException e) {
            if (!PERSON_PROBLEMS.contains(e.error())) {
                throw e;
            }
            LOG.warnf(
                    "%s: could not invite %s to %s: %s",
                    call.incidentId(), call.arg("users"), call.arg("channel"), e.error());
        }
    }

    /** A call whose "already so" answers are fine: inviting a member, pinning a pinned card. */
    private void quietly(SlackCall call) throws SlackCallException {
        try {
            slack.call(call);
        } catch (SlackCallException e) {
            if (!ALREADY_DONE.contains(e.error())) {
                throw e;
            }
            LOG.debugf("%s: %s: %s, nothing to do", call.incidentId(), call.method(), e.error());
        }
    }
}
