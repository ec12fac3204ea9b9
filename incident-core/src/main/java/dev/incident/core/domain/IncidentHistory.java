package dev.incident.core.domain;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import dev.incident.events.event.EventEnvelope;
import dev.incident.events.state.IncidentState;

/**
 * What the decider knows of one incident: its folded state, its last event (the link for the hash
 * chain) and the ids of the commands that produced its events, for command-id idempotency.
 */
public final class IncidentHistory {

    private final IncidentState state;
    private final Set<UUID> commandIds = new HashSet<>();
    private final Set<String> idempotencyKeys = new HashSet<>();
    private EventEnvelope last;

    private IncidentHistory(String incidentId) {
        this.state = IncidentState.empty(incidentId);
    }

    /** An incident with no events yet. */
    public static IncidentHistory empty(String incidentId) {
        return new IncidentHistory(incidentId);
    }

    /** Records one more event of this incident, in sequence order. */
    public IncidentHistory apply(EventEnvelope event) {
        state.apply(event);
        last = event;
        if (event.commandId() != null) {
            commandIds.add(event.commandId());
        }
        return this;
    }

    /**
     * Notes the idempotency key of an accepted command. Keys are not in the log, so after a restart
     * only the command id still recognises a repeated command.
     */
    public void rememberKey(String idempotencyKey) {
        if (idempotencyKey != null) {
            idempotencyKeys.add(idempotencyKey);
        }
    }

    /** True when a command with this idempotency key was accepted since the state was built. */
    public boolean hasSeenKey(String idempotencyKey) {
        return idempotencyKey != null && idempotencyKeys.contains(idempotencyKey);
    }

    public IncidentState state() {
        return state;
    }

    /** The incident's last event, null before the first. */
    public EventEnvelope last() {
        return last;
    }

    /** True when an event of this incident was caused by {@code commandId}. */
    public boolean hasSeen(UUID commandId) {
        return commandIds.contains(commandId);
    }
}
