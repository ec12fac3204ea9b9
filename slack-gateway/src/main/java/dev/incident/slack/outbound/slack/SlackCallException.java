package dev.incident.slack.outbound.slack;

import java.time.Duration;
import java.util.Set;

/** A Slack call that did not succeed, sorted by what the caller should do about it. */
public class SlackCallException extends Exception {

    /** What to do: wait as told, retry with backoff, or give up. */
    public enum Kind {
        RATE_LIMITED,
        TRANSIENT,
        PERMANENT
    }

    /** Error codes Slack documents as temporary on its side. */
    private static final Set<String> TRANSIENT_ERRORS =
            Set.of("internal_error", "fatal_error", "service_unavailable", "request_timeout");

    private final String method;
    private final String error;
    private final Kind kind;
    private final Duration retryAfter;

    public SlackCallException(String method, String error, Kind kind, Duration retryAfter) {
        super(method + " failed: " + error);
        this.method = method;
        this.error = error;
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    /** An {@code "ok": false} answer: rate limited, temporary or (anything else) permanent. */
    public static SlackCallException fromError(String method, String error) {
        if ("ratelimited".equals(error)) {
            return new SlackCallException(method, error, Kind.RATE_LIMITED, null);
        }
        Kind kind = TRANSIENT_ERRORS.contains(error) ? Kind.TRANSIENT : Kind.PERMANENT;
        return new SlackCallException(method, error, kind, null);
    }

    public String method() {
        return method;
    }

    /** Slack's error code (name_taken, channel_not_found ...) or an HTTP status in words. */
    public String error() {
        return error;
    }

    public Kind kind() {
        return kind;
    }

    /** How long Slack asked us to wait (Retry-After); null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
