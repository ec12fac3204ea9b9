package dev.incident.slack.inbound.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.incident.events.event.EventEnvelope;
import dev.incident.events.event.IncidentEvent.Escalated;
import dev.incident.events.event.IncidentEvent.EscalationRequested;
import dev.incident.events.state.IncidentState;

/**
 * Every incident the gateway has seen on the event log, folded with {@link IncidentState}: which
 * channel and which reference belong to which incident, who coordinates it, and which on-call
 * schedules have been paged so far (the gateway learns schedules only from the log).
 */
public final class IncidentDirectory {

    private final Map<String, IncidentState> incidents = new HashMap<>();
    private final Map<String, String> byChannel = new HashMap<>();
    private final Map<String, String> byReference = new HashMap<>();
    private final Set<String> schedules = new LinkedHashSet<>();

    /**
     * Folds one event. Returns false for an event already folded (a redelivery); throws for a gap,
     * which means the log was read from the middle.
     */
    public synchronized boolean apply(EventEnvelope event) {
        IncidentState state = incidents.computeIfAbsent(event.incidentId(), IncidentState::empty);
        if (event.sequence() <= state.lastSequence()) {
            return false;
        }
        state.apply(event);

        if (state.channelId() != null) {
            byChannel.put(state.channelId(), state.incidentId());
        }
        if (state.reference() != null) {
            byReference.put(state.reference().toUpperCase(Locale.ROOT), state.incidentId());
        }
        learnSchedule(event);
        return true;
    }

    private void learnSchedule(EventEnvelope event) {
        String target = null;
        if (event.payload() instanceof EscalationRequested e) {
            target = e.target();
        } else if (event.payload() instanceof Escalated e) {
            target = e.target();
        }
        if (target != null && !target.isBlank() && !target.startsWith("<@")) {
            schedules.add(target.strip());
        }
    }

    public synchronized Optional<IncidentView> byId(String incidentId) {
        IncidentState state = incidents.get(incidentId);
        return state == null || !state.exists()
                ? Optional.empty()
                : Optional.of(IncidentView.of(state));
    }

    public synchronized Optional<IncidentView> byChannel(String channelId) {
        String id = channelId == null ? null : byChannel.get(channelId);
        return id == null ? Optional.empty() : byId(id);
    }

    public synchronized Optional<IncidentView> byReference(String reference) {
        String id = byReference.get(reference.toUpperCase(Locale.ROOT));
        return id == null ? Optional.empty() : byId(id);
    }

    /** The schedule names seen on the log, in the order they first appeared. */
    public synchronized List<String> knownSchedules() {
        return new ArrayList<>(schedules);
    }
}
