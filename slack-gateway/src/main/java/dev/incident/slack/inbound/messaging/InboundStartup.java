package dev.incident.slack.inbound.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

/** Starts the two readers when the service starts; each finds its place on its own thread. */
@ApplicationScoped
public class InboundStartup {

    private final CommandResultsReader results;
    private final IncidentEventsReader events;

    public InboundStartup(CommandResultsReader results, IncidentEventsReader events) {
        this.results = results;
        this.events = events;
    }

    void onStart(@Observes StartupEvent start) {
        results.start();
        events.start();
    }
}
