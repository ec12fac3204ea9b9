package dev.incident.tickets.domain;

import java.io.IOException;

/**
 * The tracker refused for a reason that retrying will not fix (missing permission, repository not
 * found, invalid request). The message is the reason a person reads in the incident.
 */
public class TrackerRefusedException extends IOException {

    public TrackerRefusedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
