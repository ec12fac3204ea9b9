package dev.incident.tickets.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.incident.events.event.EventEnvelope;
import dev.incident.events.model.IncidentStatus;
import dev.incident.events.state.IncidentState;
import dev.incident.events.state.IncidentState.FollowUp;

/**
 * What the exporter knows of the incidents on the partitions it owns: each incident folded from its
 * events, and which follow-ups this process already handed to the tracker and is waiting to see
 * recorded in the log.
 */
public final class IncidentLedger {

    /** What became of one event. */
    public enum Applied {
        /** The event was new and is now part of the incident's state. */
        NEW,
        /** The event was seen before (a redelivery); nothing changed. */
        DUPLICATE
    }

    private static final class Tracked {
        final IncidentState state;
        final int partition;
        final Set<String> handled = new HashSet<>();

        Tracked(IncidentState state, int partition) {
            this.state = state;
            this.partition = partition;
        }
    }

    private final ExportMoment moment;
    private final Duration postmortemGrace;
    private final Map<String, Tracked> incidents = new HashMap<>();

    /**
     * @param postmortemGrace how long after the close to wait for the postmortem, so that the
     *     issues can link it; after that they go out without the link
     */
    public IncidentLedger(ExportMoment moment, Duration postmortemGrace) {
        this.moment = moment;
        this.postmortemGrace = postmortemGrace;
    }

    /**
     * Folds one event of {@code partition} into its incident.
     *
     * @throws IllegalStateException when the event does not follow the last one seen (a gap)
     */
    public Applied apply(EventEnvelope event, int partition) {
        Tracked tracked =
                incidents.computeIfAbsent(
                        event.incidentId(), id -> new Tracked(IncidentState.empty(id), partition));
        if (event.sequence() <= tracked.state.lastSequence()) {
            return Applied.DUPLICATE;
        }
        tracked.state.apply(event);
        return Applied.NEW;
    }

    /**
     * The follow-ups of the incident that are due for export at {@code now}: the incident is closed
     * and its postmortem published or waited for long enough (or follow-ups go out as soon as they
     * are added), the log records no issue for them, and this process has not handled them yet.
     */
    public List<FollowUp> due(String incidentId, Instant now) {
        Tracked tracked = incidents.get(incidentId);
        if (tracked == null || !exportable(tracked.state, now)) {
            return List.of();
        }
        List<FollowUp> due = new ArrayList<>();
        for (FollowUp followUp : tracked.state.followUps()) {
            if (followUp.issueUrl() == null && !tracked.handled.contains(followUp.id())) {
                due.add(followUp);
            }
        }
        return due;
    }

    private boolean exportable(IncidentState state, Instant now) {
        if (!state.exists()) {
            return false;
        }
        if (moment == ExportMoment.ADDED) {
            return true;
        }
        if (state.status() != IncidentStatus.CLOSED) {
            return false;
        }
        return state.postmortemUrl() != null
                || !now.isBefore(state.endedAt().plus(postmortemGrace));
    }

    /**
     * Notes that the follow-up was exported (its record command is on its way to the log) or given
     * up, so it is not tried again by this process.
     */
    public void handled(String incidentId, String followUpId) {
        Tracked tracked = incidents.get(incidentId);
        if (tracked != null) {
            tracked.handled.add(followUpId);
        }
    }

    public IncidentState state(String incidentId) {
        Tracked tracked = incidents.get(incidentId);
        return tracked == null ? null : tracked.state;
    }

    public Set<String> incidentIds() {
        return Set.copyOf(incidents.keySet());
    }

    /** Drops the incidents of partitions this process no longer owns. */
    public void forget(Collection<Integer> partitions) {
        incidents.values().removeIf(tracked -> partitions.contains(tracked.partition));
    }

    public int size() {
        return incidents.size();
    }
}
