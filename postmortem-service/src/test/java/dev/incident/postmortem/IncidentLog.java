package dev.incident.postmortem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import dev.incident.events.event.EventChain;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.event.IncidentEvent;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.model.Actor;

/** Test data: an incident's log, written as incident-core would chain it, in time order. */
public final class IncidentLog {

    private record Entry(Instant at, Actor actor, IncidentEvent event) {}

    private final String incidentId;
    private final List<Entry> entries = new ArrayList<>();

    public IncidentLog(String incidentId) {
        this.incidentId = incidentId;
    }

    public IncidentLog add(Instant at, Actor actor, IncidentEvent event) {
        entries.add(new Entry(at, actor, event));
        return this;
    }

    /** The chained events, in the order they happened (a stable sort by time). */
    public List<EventEnvelope> events() {
        List<Entry> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparing(Entry::at));
        EventChain chain = new EventChain(new ContractCodec());
        List<EventEnvelope> log = new ArrayList<>();
        EventEnvelope previous = null;
        for (Entry entry : ordered) {
            previous =
                    chain.next(
                            previous,
                            incidentId,
                            UUID.randomUUID(),
                            entry.at(),
                            entry.at().plusMillis(5),
                            entry.actor(),
                            UUID.randomUUID(),
                            entry.event());
            log.add(previous);
        }
        return log;
    }
}
