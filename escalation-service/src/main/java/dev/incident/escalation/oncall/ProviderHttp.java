package dev.incident.escalation.oncall;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON over HTTP for the on-call providers, with one time limit for connecting and answering, and
 * the provider's own error message in every failure.
 */
final class ProviderHttp {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_ERROR = 300;

    private final String provider;
    private final HttpClient client;
    private final Duration timeout;

    ProviderHttp(String provider, Duration timeout) {
        this.provider = provider;
        this.timeout = timeout;
        // HTTP/1.1: over plain http the client would try an h2c upgrade, which local test
        // servers answer slowly; the providers' APIs need nothing of HTTP/2.
        this.client =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(timeout)
                        .build();
    }

    HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json");
    }

    static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalArgumentException("not writable as JSON: " + body, e);
        }
    }

    /** A query parameter's value. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** One segment of a path: a space is %20 there, not the + of a query. */
    static String encodeSegment(String value) {
        return encode(value).replace("+", "%20");
    }

    /** Sends the request; the answer's JSON when its status is 2xx, else a ProviderException. */
    JsonNode send(HttpRequest request, String what) throws ProviderException {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ProviderException(
                    provider + " did not answer " + what + " within " + timeout, e);
        } catch (IOException e) {
            throw new ProviderException(
                    provider + " could not be reached for " + what + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(provider + " call interrupted: " + what, e);
        }

        JsonNode body = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            throw new ProviderException(
                    provider
                            + " refused "
                            + what
                            + " with HTTP "
                            + response.statusCode()
                            + errorText(body));
        }
        return body;
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank()
                    ? MAPPER.createObjectNode()
                    : MAPPER.readTree(body);
        } catch (IOException e) {
            return MAPPER.createObjectNode().put("message", body);
        }
    }

    /** Opsgenie and the Events API put {@code message} on top, PagerDuty's REST API in error. */
    private static String errorText(JsonNode body) {
        JsonNode error = body.has("error") ? body.get("error") : body;
        StringBuilder text = new StringBuilder();
        if (error.hasNonNull("message")) {
            text.append(": ").append(error.get("message").asText());
        }
        if (error.path("errors").isArray() && !error.path("errors").isEmpty()) {
            text.append(" (").append(error.get("errors").toString()).append(")");
        }
        // An unexpected HTML page must not fill the incident's log.
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) + "…" : text.toString();
    }
}
