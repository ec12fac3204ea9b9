package dev.incident.slack.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local stand-in for the Slack Web API: WireMock answering with the documented response shapes of
 * {@code src/test/resources/outbound/}, filled in per case, and a record of every call made.
 */
public final class SlackStub {

    public static final String DEFAULT_TS = "1764494047.000100";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ERROR_FIELDS =
            List.of(
                    "error",
                    "needed",
                    "provided",
                    "warning",
                    "errors",
                    "detail",
                    "deprecated_argument",
                    "response_metadata");

    private final WireMockServer server =
            new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private final ObjectNode postMessage = fixture("chat.postMessage.json");
    private final ObjectNode create = fixture("conversations.create.json");
    private final ObjectNode invite = fixture("conversations.invite.json");

    /** One call as Slack received it: the method and its form arguments. */
    public record Call(String method, Map<String, String> args, Instant at) {
        public String arg(String name) {
            return args.get(name);
        }

        public JsonNode blocks() {
            try {
                return JSON.readTree(args.getOrDefault("blocks", "[]"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public void start() {
        server.start();
        server.stubFor(
                post(urlPathEqualTo("/api/conversations.create"))
                        .atPriority(10)
                        .willReturn(okJson(created("CDEFAULT01", "default"))));
        server.stubFor(
                post(urlPathEqualTo("/api/conversations.invite"))
                        .atPriority(10)
                        .willReturn(okJson(success(invite).toString())));
        server.stubFor(
                post(urlPathEqualTo("/api/chat.postMessage"))
                        .atPriority(10)
                        .willReturn(okJson(posted(DEFAULT_TS))));
        // The client asks auth.test for the team id; this is its documented success body.
        server.stubFor(
                post(urlPathEqualTo("/api/auth.test"))
                        .atPriority(10)
                        .willReturn(
                                okJson(
                                        "{\"ok\":true,\"url\":\"https://example.slack.com/\","
                                            + "\"team\":\"Example\",\"user\":\"incident-bot\","
                                            + "\"team_id\":\"T00000000\",\"user_id\":\"U0BOT0001\","
                                            + "\"bot_id\":\"B00000000\"}")));
        // chat.update and pins.add have no sample; these are the documented success bodies.
        server.stubFor(
                post(urlPathEqualTo("/api/chat.update"))
                        .atPriority(10)
                        .willReturn(
                                okJson(
                                        "{\"ok\":true,\"channel\":\"C0\",\"ts\":\""
                                                + DEFAULT_TS
                                                + "\",\"text\":\"\"}")));
        server.stubFor(
                post(urlPathEqualTo("/api/pins.add"))
                        .atPriority(10)
                        .willReturn(okJson("{\"ok\":true}")));
    }

    public void stop() {
        server.stop();
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.port() + "/api/";
    }

    /** conversations.create for {@code name} answers with channel {@code channelId}. */
    public void channel(String name, String channelId) {
        server.stubFor(
                post(urlPathEqualTo("/api/conversations.create"))
                        .withFormParam("name", equalTo(name))
                        .atPriority(1)
                        .willReturn(okJson(created(channelId, name))));
    }

    /** {@code method} answers {@code "ok": false} with {@code error} for {@code param=value}. */
    public void failing(String method, String param, String value, String error) {
        ObjectNode body = fixtureFor(method).deepCopy();
        body.put("ok", false);
        body.put("error", error);
        server.stubFor(
                post(urlPathEqualTo("/api/" + method))
                        .withFormParam(param, equalTo(value))
                        .atPriority(1)
                        .willReturn(okJson(body.toString())));
    }

    /** chat.postMessage to {@code channel}: a 429 with Retry-After first, then success. */
    public void rateLimitedOnce(String channel, int retryAfterSeconds) {
        String scenario = "429-" + channel;
        server.stubFor(
                post(urlPathEqualTo("/api/chat.postMessage"))
                        .withFormParam("channel", equalTo(channel))
                        .inScenario(scenario)
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willSetStateTo("waited")
                        .atPriority(1)
                        .willReturn(
                                aResponse()
                                        .withStatus(429)
                                        .withHeader(
                                                "Retry-After", String.valueOf(retryAfterSeconds))
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));
        server.stubFor(
                post(urlPathEqualTo("/api/chat.postMessage"))
                        .withFormParam("channel", equalTo(channel))
                        .inScenario(scenario)
                        .whenScenarioStateIs("waited")
                        .atPriority(1)
                        .willReturn(okJson(posted(DEFAULT_TS))));
    }

    /** Every call so far, oldest first. */
    public List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        for (ServeEvent event : server.getAllServeEvents()) {
            String path = event.getRequest().getUrl();
            String method = path.substring(path.lastIndexOf('/') + 1);
            calls.add(
                    new Call(
                            method,
                            form(event.getRequest().getBodyAsString()),
                            event.getRequest().getLoggedDate().toInstant()));
        }
        Collections.reverse(calls); // WireMock lists the newest first
        return calls;
    }

    /** The calls about one channel (or a created channel whose name starts with the prefix). */
    public List<Call> callsFor(String channelId, String namePrefix) {
        return calls().stream()
                .filter(
                        c ->
                                channelId.equals(c.arg("channel"))
                                        || (c.arg("name") != null
                                                && c.arg("name").startsWith(namePrefix)))
                .toList();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> args = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return args;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            args.put(key, value);
        }
        return args;
    }

    private String created(String channelId, String name) {
        ObjectNode body = success(create);
        ObjectNode channel = (ObjectNode) body.get("channel");
        channel.put("id", channelId);
        channel.put("name", name);
        channel.put("name_normalized", name);
        return body.toString();
    }

    private String posted(String ts) {
        ObjectNode body = success(postMessage);
        body.put("ts", ts);
        ((ObjectNode) body.get("message")).put("ts", ts);
        return body.toString();
    }

    private ObjectNode fixtureFor(String method) {
        switch (method) {
            case "conversations.create":
                return create;
            case "conversations.invite":
                return invite;
            default:
                return postMessage;
        }
    }

    /** The sample with {@code "ok": true} and without its error fields. */
    private static ObjectNode success(ObjectNode sample) {
        ObjectNode body = sample.deepCopy();
        body.put("ok", true);
        ERROR_FIELDS.forEach(body::remove);
        return body;
    }

    private static ObjectNode fixture(String name) {
        try (InputStream in = SlackStub.class.getResourceAsStream("/outbound/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
