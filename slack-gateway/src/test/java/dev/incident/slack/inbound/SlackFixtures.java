package dev.incident.slack.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;

import dev.incident.slack.inbound.domain.SignatureVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slack's payload shapes from {@code src/test/resources/inbound/fixtures} (copied byte for byte
 * from the shared fixtures), turned into realistic variants and sent signed like Slack sends them.
 */
final class SlackFixtures {

    static final String SECRET = "test-signing-secret";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SlackFixtures() {}

    static ObjectNode fixture(String name) {
        try (InputStream in =
                SlackFixtures.class.getResourceAsStream("/inbound/fixtures/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] raw(String name) {
        try (InputStream in =
                SlackFixtures.class.getResourceAsStream("/inbound/fixtures/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The slash command fixture with these fields set, as Slack's form body. */
    static String slashCommand(Map<String, String> fields) {
        ObjectNode payload = fixture("SlashCommandPayload.json");
        payload.put("command", "/inc");
        fields.forEach(payload::put);
        StringJoiner form = new StringJoiner("&");
        Iterator<Map.Entry<String, JsonNode>> entries = payload.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            form.add(entry.getKey() + "=" + encode(entry.getValue().asText()));
        }
        return form.toString();
    }

    /** An interaction payload as Slack's form body: {@code payload=<json>}. */
    static String interaction(JsonNode payload) {
        return "payload=" + encode(payload.toString());
    }

    static Answer post(String path, String body) {
        return post(path, body.getBytes(StandardCharsets.UTF_8), null);
    }

    /** Sends {@code body} exactly, signed now with the test secret. */
    static Answer post(String path, byte[] body, String retryNum) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("X-Slack-Request-Timestamp", timestamp);
        headers.put("X-Slack-Signature", SignatureVerifier.sign(SECRET, timestamp, body));
        if (retryNum != null) {
            headers.put("X-Slack-Retry-Num", retryNum);
        }
        return send(path, body, headers);
    }

    /** Sends {@code body} exactly, with only the given headers besides the content type. */
    static Answer send(String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(
                                URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                        .header("Content-Type", contentType(path))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response =
                    HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the gateway answered. */
    record Answer(int statusCode, String asString) {

        Answer expect(int status) {
            assertThat(statusCode).as(asString).isEqualTo(status);
            return this;
        }

        Answer expectText(String part) {
            assertThat(asString).contains(part);
            return this;
        }
    }

    static String contentType(String path) {
        return path.endsWith("events") ? "application/json" : "application/x-www-form-urlencoded";
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
