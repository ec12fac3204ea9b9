package dev.incident.slack.inbound;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A local HTTP server in Slack's place: the Web API under {@code /api/} and the requests'
 * response_url under {@code /respond/}. Tests reach it with a WireMock client on its port.
 */
public class SlackApiResource implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return Map.of(
                "slack.inbound.api-url",
                server.baseUrl() + "/api/",
                "test.slack.base-url",
                server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
