package dev.incident.core.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the command loop owns its partitions of incident.commands and state is rebuilt. */
@Readiness
@ApplicationScoped
public class CommandProcessingCheck implements HealthCheck {

    private final CommandProcessing processing;

    public CommandProcessingCheck(CommandProcessing processing) {
        this.processing = processing;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("command processing").status(processing.ready()).build();
    }
}
