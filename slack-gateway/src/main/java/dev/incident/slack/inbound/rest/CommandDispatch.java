package dev.incident.slack.inbound.rest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.model.Actor;
import dev.incident.slack.inbound.domain.Decision.Send;
import dev.incident.slack.inbound.domain.RecentRequests;
import dev.incident.slack.inbound.domain.ReplyTarget;
import dev.incident.slack.inbound.domain.ResultTexts;
import dev.incident.slack.inbound.messaging.CommandPublisher;
import dev.incident.slack.inbound.messaging.PendingReplies;
import dev.incident.slack.inbound.slack.SlackReplies;

/**
 * Turns a decision into a command on its way to incident-core, without waiting for it: the result
 * reaches the person later. The command id is derived from the request's natural key, so that a
 * retry handled again after a restart is recognised by incident-core as the same command.
 */
@ApplicationScoped
public class CommandDispatch {

    private static final Logger LOG = Logger.getLogger(CommandDispatch.class);

    private final CommandPublisher publisher;
    private final PendingReplies pending;
    private final RecentRequests recent;
    private final SlackReplies replies;
    private final Clock clock;

    public CommandDispatch(
            CommandPublisher publisher,
            PendingReplies pending,
            RecentRequests recent,
            SlackReplies replies,
            Clock clock) {
        this.publisher = publisher;
        this.pending = pending;
        this.recent = recent;
        this.replies = replies;
        this.clock = clock;
    }

    /** Sends {@code decision}'s command for the request known by {@code requestKey}. */
    public void send(Send decision, Actor actor, String requestKey, ReplyTarget target) {
        String idempotencyKey = "slack:" + requestKey;
        UUID commandId = UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8));
        CommandEnvelope command =
                new CommandEnvelope(
                        commandId,
                        decision.command().type(),
                        decision.incidentId(),
                        actor,
                        idempotencyKey,
                        clock.instant(),
                        decision.command());

        pending.register(commandId, target, decision.what());
        LOG.infof(
                "incident %s: %s from %s (%s)",
                decision.incidentId(), command.type(), actor.id(), decision.what());
        publisher
                .publish(command)
                .whenComplete(
                        (ok, error) -> {
                            if (error != null) {
                                pending.take(commandId);
                                recent.release(requestKey);
                                replies.answer(target, ResultTexts.notSent(decision.what()));
                            }
                        });
    }
}
