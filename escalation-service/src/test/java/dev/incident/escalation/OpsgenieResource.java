package dev.incident.escalation;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** A local Opsgenie (WireMock) for the service under test, with an API key, so it connects. */
public class OpsgenieResource implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return Map.of(
                "escalation.opsgenie.base-url",
                server.baseUrl(),
                "escalation.opsgenie.api-key",
                "it-key");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
