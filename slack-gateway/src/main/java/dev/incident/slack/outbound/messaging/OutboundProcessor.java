package dev.incident.slack.outbound.messaging;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.IncidentCommand.RecordIntegrationFailure;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.model.Actor;
import dev.incident.events.state.IncidentState;
import dev.incident.slack.outbound.domain.CommandSender;
import dev.incident.slack.outbound.domain.IncidentProgress;
import dev.incident.slack.outbound.domain.ProgressStore;
import dev.incident.slack.outbound.slack.OutboundReactor;

/**
 * Handles one event of {@code incident.events} on its incident's lane: folds it into the incident's
 * state, skips it when its reaction is already done (a redelivery, or a replay after a restart),
 * and otherwise lets the reactor show it in Slack. A reaction that fails for good goes to {@code
 * incident.dead-letter} and is recorded in the incident with a command on {@code
 * incident.commands}; the incident's next events go on.
 */
final class OutboundProcessor {

    static final String CONSUMER = "slack-gateway-outbound";

    private static final Logger LOG = Logger.getLogger(OutboundProcessor.class);

    private final OutboundReactor reactor;
    private final ProgressStore store;
    private final CommandSender commands;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final Map<String, IncidentState> states = new ConcurrentHashMap<>();
    private final Map<String, IncidentProgress> progress = new ConcurrentHashMap<>();

    OutboundProcessor(
            OutboundReactor reactor,
            ProgressStore store,
            CommandSender commands,
            DeadLetters deadLetters,
            Clock clock) {
        this.reactor = reactor;
        this.store = store;
        this.commands = commands;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    void process(ConsumerRecord<String, byte[]> record, EventEnvelope event) {
        String id = event.incidentId();
        IncidentState state = states.computeIfAbsent(id, IncidentState::empty);
        if (event.sequence() <= state.lastSequence()) {
            LOG.debugf("%s: event %d seen before, skipped", id, event.sequence());
            return;
        }
        if (event.sequence() != state.lastSequence() + 1) {
            String gap = "event " + event.sequence() + " after " + state.lastSequence();
            LOG.errorf("%s: %s: events are missing, not shown", id, gap);
            deadLetters.send(record, CONSUMER, new IllegalStateException(gap));
            return;
        }
        state.apply(event);

        IncidentProgress known = progress.computeIfAbsent(id, store::load);
        if (known.handled(event.sequence())) {
            LOG.debugf("%s: event %d handled before, not shown again", id, event.sequence());
            return;
        }
        react(record, event, state, known);
    }

    private void react(
            ConsumerRecord<String, byte[]> record,
            EventEnvelope event,
            IncidentState state,
            IncidentProgress known) {
        String id = event.incidentId();
        try {
            progress.put(id, reactor.react(event, state, known));
            LOG.debugf("%s: %s (%d) shown in Slack", id, event.type(), event.sequence());
        } catch (Exception e) {
            LOG.errorf(
                    e,
                    "%s: %s (%d) could not be shown in Slack",
                    id,
                    event.type(),
                    event.sequence());
            deadLetters.send(record, CONSUMER, e);
            // Whatever the reaction created before failing is saved; the event counts as done.
            IncidentProgress done = store.load(id).handledUpTo(event.sequence());
            store.save(done);
            progress.put(id, done);
            recordFailure(event, e);
        }
    }

    private void recordFailure(EventEnvelope event, Exception error) {
        if (OutboundReactor.isSlackFailure(event.payload())) {
            return;
        }
        RecordIntegrationFailure failure =
                new RecordIntegrationFailure(
                        OutboundReactor.SLACK,
                        "show " + event.type() + " (event " + event.sequence() + ")",
                        String.valueOf(error.getMessage()));
        commands.send(
                CommandEnvelope.of(
                                event.incidentId(),
                                Actor.service("slack-gateway"),
                                clock.instant(),
                                failure)
                        .withIdempotencyKey("slack-failure:" + event.eventId()));
    }
}
