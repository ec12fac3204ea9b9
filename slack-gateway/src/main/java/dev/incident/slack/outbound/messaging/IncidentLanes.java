package dev.incident.slack.outbound.messaging;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.jboss.logging.Logger;

/**
 * Runs each incident's work in order, one task at a time, while different incidents run side by
 * side on the pool: an incident that waits for Slack holds up nobody else.
 */
final class IncidentLanes {

    private static final Logger LOG = Logger.getLogger(IncidentLanes.class);

    private final Executor pool;
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    IncidentLanes(Executor pool) {
        this.pool = pool;
    }

    /** Runs {@code task} after everything submitted before for {@code incidentId}. */
    void submit(String incidentId, Runnable task) {
        Runnable guarded = () -> runGuarded(incidentId, task);
        CompletableFuture<Void> tail =
                tails.compute(
                        incidentId,
                        (id, previous) ->
                                previous == null
                                        ? CompletableFuture.runAsync(guarded, pool)
                                        : previous.thenRunAsync(guarded, pool));
        // Forget a lane once its last task is done, so idle incidents cost nothing.
        tail.whenComplete((ignored, error) -> tails.remove(incidentId, tail));
    }

    /** A task that throws must not stop the tasks queued behind it on the same lane. */
    private static void runGuarded(String incidentId, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: an event could not be handled", incidentId);
        }
    }
}
