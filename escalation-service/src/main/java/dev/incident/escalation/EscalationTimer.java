package dev.incident.escalation;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/**
 * Looks for escalations whose accept time ran out and pages their next layer. The due times are
 * stored, so an escalation that came due while the service was down is paged on the first tick.
 */
@ApplicationScoped
public class EscalationTimer {

    private final EscalationService escalations;

    public EscalationTimer(EscalationService escalations) {
        this.escalations = escalations;
    }

    @Scheduled(
            every = "${escalation.check-every:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        escalations.escalateDue();
    }
}
