package dev.incident.core.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import dev.incident.core.config.CoreConfig;

/** Checks the bearer token of the calls that change something (INCIDENT_API_TOKEN). */
@ApplicationScoped
public class ApiToken {

    private final CoreConfig config;

    public ApiToken(CoreConfig config) {
        this.config = config;
    }

    /** Null when {@code authorization} carries the configured token, else the 401 to answer. */
    public Response refusal(String authorization) {
        if (config.api().token().isEmpty()) {
            return Problems.of(401, "no API token is configured (INCIDENT_API_TOKEN)");
        }
        String expected = "Bearer " + config.api().token().get();
        boolean matches =
                authorization != null
                        && MessageDigest.isEqual(
                                expected.getBytes(StandardCharsets.UTF_8),
                                authorization.strip().getBytes(StandardCharsets.UTF_8));
        return matches
                ? null
                : Problems.of(401, "a valid 'Authorization: Bearer <token>' is needed");
    }
}
