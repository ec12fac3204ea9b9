package dev.incident.slack.outbound.domain;

import java.time.Duration;

/**
 * How long to wait before the next try of a failed call: exponential backoff for transient
 * failures, Slack's own Retry-After for rate limits, and a cap on the number of tries.
 *
 * @param maxAttempts tries in all, the first included
 * @param maxRetryAfter the longest Retry-After honoured; a longer one is cut to this
 */
public record RetryPolicy(
        int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    /** Backoff before try {@code attempt + 1}: initial, doubled each time, capped. */
    public Duration backoff(int attempt) {
        long factor = 1L << Math.min(attempt - 1, 20);
        Duration wait = initialBackoff.multipliedBy(factor);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /** Slack's Retry-After when given (capped), else the backoff. */
    public Duration rateLimitWait(Duration retryAfter, int attempt) {
        if (retryAfter == null) {
            return backoff(attempt);
        }
        return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
    }

    public boolean mayRetry(int attempt) {
        return attempt < maxAttempts;
    }
}
