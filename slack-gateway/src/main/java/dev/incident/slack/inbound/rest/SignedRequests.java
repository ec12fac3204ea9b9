package dev.incident.slack.inbound.rest;

import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.slack.api.app_backend.SlackSignature;
import org.jboss.logging.Logger;

import dev.incident.slack.inbound.config.InboundConfig;
import dev.incident.slack.inbound.domain.SignatureVerifier;
import dev.incident.slack.inbound.domain.SignatureVerifier.Verdict;

/**
 * The gate every Slack request passes first: not too large, and signed by Slack. A refused
 * request's body is never logged.
 */
@ApplicationScoped
public class SignedRequests {

    private static final Logger LOG = Logger.getLogger(SignedRequests.class);

    private final SignatureVerifier verifier;
    private final int maxBodyBytes;

    public SignedRequests(SignatureVerifier verifier, InboundConfig config) {
        this.verifier = verifier;
        this.maxBodyBytes = config.maxBodyBytes();
    }

    /** The refusal for this request, or empty when it may be handled. */
    public Optional<Response> refusal(String endpoint, HttpHeaders headers, byte[] body) {
        if (body != null && body.length > maxBodyBytes) {
            LOG.warnf("%s: refused a body of %d bytes", endpoint, body.length);
            return Optional.of(SlackResponses.plain(413, "request body too large"));
        }

        Verdict verdict =
                verifier.verify(
                        headers.getHeaderString(
                                SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP),
                        headers.getHeaderString(SlackSignature.HeaderNames.X_SLACK_SIGNATURE),
                        body == null ? new byte[0] : body);
        if (verdict != Verdict.VALID) {
            LOG.warnf("%s: refused a request whose signature is %s", endpoint, verdict);
            return Optional.of(SlackResponses.plain(401, "invalid Slack signature"));
        }
        return Optional.empty();
    }
}
