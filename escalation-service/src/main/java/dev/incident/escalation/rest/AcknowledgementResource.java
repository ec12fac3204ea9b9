package dev.incident.escalation.rest;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.Optional;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import org.jboss.logging.Logger;

import dev.incident.escalation.EscalationService;
import dev.incident.escalation.config.EscalationConfig;
import dev.incident.escalation.oncall.Acknowledgement;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The providers' webhooks: an acknowledged page gives the acknowledging person the schedule's role.
 * Opsgenie must send the configured token in {@code X-Escalation-Token}; PagerDuty's v3 signature
 * must match the configured secret. Anything else that arrives is answered and ignored.
 */
@Path("/oncall")
@Blocking
public class AcknowledgementResource {

    private static final Logger LOG = Logger.getLogger(AcknowledgementResource.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EscalationService escalations;
    private final EscalationConfig config;

    public AcknowledgementResource(EscalationService escalations, EscalationConfig config) {
        this.escalations = escalations;
        this.config = config;
    }

    @POST
    @Path("/opsgenie/webhook")
    public Response opsgenie(@HeaderParam("X-Escalation-Token") String token, byte[] body) {
        Optional<String> expected = config.opsgenie().webhookToken();
        if (expected.isEmpty() || token == null || !same(expected.get(), token)) {
            LOG.warn("refused an Opsgenie webhook without the configured token");
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        return handle(read(body).flatMap(Acknowledgement::fromOpsgenie));
    }

    @POST
    @Path("/pagerduty/webhook")
    public Response pagerDuty(@HeaderParam("X-PagerDuty-Signature") String signature, byte[] body) {
        String secret = config.pagerduty().webhookSecret().orElse(null);
        if (!Acknowledgement.pagerDutySigned(secret, body, signature)) {
            LOG.warn("refused a PagerDuty webhook whose signature does not match");
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        return handle(read(body).flatMap(Acknowledgement::fromPagerDuty));
    }

    private Response handle(Optional<Acknowledgement> ack) {
        boolean matched = ack.map(escalations::acknowledged).orElse(false);
        // 202 either way: the provider must not retry a webhook this service has no use for.
        return Response.accepted().header("X-Escalation-Matched", matched).build();
    }

    private static Optional<JsonNode> read(byte[] body) {
        try {
            return Optional.of(JSON.readTree(body));
        } catch (IOException e) {
            LOG.warn("a provider webhook was not JSON; ignored");
            return Optional.empty();
        }
    }

    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(UTF_8), given.getBytes(UTF_8));
    }
}
