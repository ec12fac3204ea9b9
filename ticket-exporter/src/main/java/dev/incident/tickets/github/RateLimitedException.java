package dev.incident.tickets.github;

import java.io.IOException;

/** GitHub asked to wait longer than the exporter may block; the export is tried again later. */
public class RateLimitedException extends IOException {

    public RateLimitedException(String message) {
        super(message);
    }
}
