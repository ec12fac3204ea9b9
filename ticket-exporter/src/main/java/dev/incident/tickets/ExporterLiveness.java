package dev.incident.tickets;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Down once the event-log consumer stopped after an error, so the platform restarts it. */
@Liveness
@ApplicationScoped
public class ExporterLiveness implements HealthCheck {

    private final ExporterLifecycle lifecycle;

    public ExporterLiveness(ExporterLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("event-log-consumer").status(lifecycle.alive()).build();
    }
}
