package dev.incident.escalation.oncall;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;

import dev.incident.escalation.domain.ProviderChoice;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Somebody acknowledged a page at the provider, as its webhook tells it.
 *
 * @param alertReference the page's key at the provider: the Opsgenie alias, the PagerDuty incident
 *     key; it names the escalation and the layer
 * @param email the acknowledging user's email, when the provider says it
 * @param userId the provider's id of the user
 */
public record Acknowledgement(
        String provider, String alertReference, String email, String userId, String name) {

    private static final String LAYER = ":layer-";

    public Acknowledgement {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(alertReference, "alertReference");
    }

    /** The escalation the page belongs to, when the reference is one of this service's. */
    public Optional<String> escalationId() {
        int layer = alertReference.lastIndexOf(LAYER);
        return layer <= 0 ? Optional.empty() : Optional.of(alertReference.substring(0, layer));
    }

    /**
     * An Opsgenie outgoing webhook: {@code action} Acknowledge, the alert's {@code alias}, and the
     * acknowledging {@code username} (an email).
     */
    public static Optional<Acknowledgement> fromOpsgenie(JsonNode webhook) {
        JsonNode alert = webhook.path("alert");
        if (!"Acknowledge".equals(webhook.path("action").asText()) || !alert.hasNonNull("alias")) {
            return Optional.empty();
        }
        String username = alert.path("username").asText(null);
        return Optional.of(
                new Acknowledgement(
                        ProviderChoice.OPSGENIE,
                        alert.get("alias").asText(),
                        username,
                        alert.path("userId").asText(null),
                        username));
    }

    /**
     * A PagerDuty v3 webhook: {@code event.event_type} incident.acknowledged, the incident's {@code
     * incident_key} (the Events API dedup key) and the {@code agent} who acknowledged.
     */
    public static Optional<Acknowledgement> fromPagerDuty(JsonNode webhook) {
        JsonNode event = webhook.path("event");
        JsonNode data = event.path("data");
        if (!"incident.acknowledged".equals(event.path("event_type").asText())
                || !data.hasNonNull("incident_key")) {
            return Optional.empty();
        }
        JsonNode agent = event.path("agent");
        return Optional.of(
                new Acknowledgement(
                        ProviderChoice.PAGERDUTY,
                        data.get("incident_key").asText(),
                        null,
                        agent.path("id").asText(null),
                        agent.path("summary").asText(null)));
    }

    /**
     * True when one of the {@code v1=} signatures of PagerDuty's {@code X-PagerDuty-Signature}
     * header is the HMAC-SHA256 of the body under the webhook's secret.
     */
    public static boolean pagerDutySigned(String secret, byte[] body, String header) {
        if (secret == null || header == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
            String expected = "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
            for (String signature : header.split(",")) {
                if (MessageDigest.isEqual(
                        expected.getBytes(UTF_8), signature.strip().getBytes(UTF_8))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
