package dev.incident.core.rest;

import java.util.Map;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Error answers as {@code {"error": "..."}}. */
final class Problems {

    private Problems() {}

    static Response of(int status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message))
                .build();
    }
}
