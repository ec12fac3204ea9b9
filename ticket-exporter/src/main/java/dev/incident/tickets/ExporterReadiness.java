package dev.incident.tickets;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the event-log consumer runs and has read the log of the incidents it owns. */
@Readiness
@ApplicationScoped
public class ExporterReadiness implements HealthCheck {

    private final ExporterLifecycle lifecycle;

    public ExporterReadiness(ExporterLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("event-log").status(lifecycle.ready()).build();
    }
}
