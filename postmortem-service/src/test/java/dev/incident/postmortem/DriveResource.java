package dev.incident.postmortem;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import dev.incident.postmortem.drive.FakeDrive;

/**
 * Starts a local server that answers like Drive and points the service at it with a real service
 * account key file, quick retries and one sharing rule. Tests reach the server through its URL in
 * {@code postmortem.drive.root-url}.
 */
public class DriveResource implements QuarkusTestResourceLifecycleManager {

    private FakeDrive drive;

    @Override
    public Map<String, String> start() {
        drive = new FakeDrive();
        return Map.ofEntries(
                Map.entry("postmortem.drive.credentials-file", drive.credentialsFile().toString()),
                Map.entry("postmortem.drive.root-url", drive.rootUrl()),
                Map.entry("postmortem.drive.folder-id", "folder-postmortems"),
                Map.entry("postmortem.drive.sharing.sre.type", "group"),
                Map.entry("postmortem.drive.sharing.sre.role", "writer"),
                Map.entry("postmortem.drive.sharing.sre.email-address", "sre@example.com"),
                Map.entry("postmortem.retry.max-attempts", "3"),
                Map.entry("postmortem.retry.initial-backoff", "PT0.2S"),
                Map.entry("postmortem.retry.max-backoff", "PT0.5S"),
                Map.entry("postmortem.poll-interval", "1s"),
                Map.entry("postmortem.account-engineers.acme.slack-user-id", "U0ERIN"),
                Map.entry("postmortem.account-engineers.acme.name", "Erin Account"),
                Map.entry("postmortem.account-engineers.acme.email", "erin@acme-ops.example.com"));
    }

    @Override
    public void stop() {
        if (drive != null) {
            drive.close();
        }
    }
}
