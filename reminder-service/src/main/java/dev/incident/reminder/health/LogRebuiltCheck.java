package dev.incident.reminder.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.incident.reminder.config.ReminderRuntime;
import dev.incident.reminder.messaging.ReminderEngine;

/** Ready once every partition this instance owns was read to its end and is being scheduled. */
@Readiness
@ApplicationScoped
public class LogRebuiltCheck implements HealthCheck {

    private final ReminderRuntime runtime;

    LogRebuiltCheck(ReminderRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public HealthCheckResponse call() {
        ReminderEngine engine = runtime.engine();
        boolean ready = engine != null && engine.caughtUp();
        var response = HealthCheckResponse.named("reminder-log-rebuilt").status(ready);
        if (engine != null) {
            response.withData("scheduled", engine.board().scheduledCount())
                    .withData("tracked", engine.board().trackedCount());
        }
        return response.build();
    }
}
