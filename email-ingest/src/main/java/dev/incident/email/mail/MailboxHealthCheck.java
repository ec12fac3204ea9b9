package dev.incident.email.mail;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the reader holds an open connection to the ingest mailbox. */
@Readiness
@ApplicationScoped
public class MailboxHealthCheck implements HealthCheck {

    private final MailboxReader reader;

    public MailboxHealthCheck(MailboxReader reader) {
        this.reader = reader;
    }

    @Override
    public HealthCheckResponse call() {
        MailboxReader.Status status = reader.status();
        var response = HealthCheckResponse.named("ingest-mailbox");
        if (!status.enabled()) {
            return response.up().withData("reader", "disabled").build();
        }
        response.withData("connected", status.connected());
        response.withData("mode", status.idle() ? "idle" : "polling");
        if (status.lastSweep() != null) {
            response.withData("last-sweep", status.lastSweep().toString());
        }
        if (status.problem() != null) {
            response.withData("problem", status.problem());
        }
        return response.status(status.connected()).build();
    }
}
