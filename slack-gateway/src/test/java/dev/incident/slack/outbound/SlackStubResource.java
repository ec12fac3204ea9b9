package dev.incident.slack.outbound;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the {@link SlackStub} for a {@code @QuarkusTest} and points the gateway at it with a bot
 * token, an announcements channel and short backoffs; the consumer is switched on.
 */
public class SlackStubResource implements QuarkusTestResourceLifecycleManager {

    public static final String ANNOUNCEMENTS = "CANNOUNCE1";

    private static SlackStub stub;

    /** The running stub of the current test run. */
    public static SlackStub stub() {
        return stub;
    }

    @Override
    public Map<String, String> start() {
        stub = new SlackStub();
        stub.start();
        return Map.of(
                "slack.api-url", stub.apiUrl(),
                "slack.bot-token", "xoxb-test-token",
                "slack.outbound.enabled", "true",
                "slack.outbound.announcements-channel", ANNOUNCEMENTS,
                "slack.outbound.initial-backoff", "100ms",
                "slack.outbound.max-attempts", "3");
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.stop();
        }
    }
}
