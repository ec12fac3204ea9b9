package dev.incident.tickets.github;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jboss.logging.Logger;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * How long to wait before retrying a rate-limited GitHub request, as GitHub documents it: the
 * {@code Retry-After} seconds when given, else until {@code x-ratelimit-reset} when {@code
 * x-ratelimit-remaining} is 0, else one minute. A wait longer than the configured maximum is not
 * slept through: the request fails with {@link RateLimitedException} and is tried again later.
 */
final class RateLimitWait {

    private static final Logger LOG = Logger.getLogger(RateLimitWait.class);

    /** GitHub's advice for a secondary limit that names no time. */
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(1);

    /** The reset time is in whole seconds and clocks differ a little. */
    private static final Duration RESET_SLACK = Duration.ofSeconds(1);

    private final Duration maxWait;
    private final Clock clock;

    RateLimitWait(Duration maxWait, Clock clock) {
        this.maxWait = maxWait;
        this.clock = clock;
    }

    /** Sleeps for as long as GitHub asks, or throws when that is longer than allowed. */
    void await(GitHubConnectorResponse response, String kind) throws IOException {
        Duration wait = waitFor(response);
        String url = String.valueOf(response.request().url());
        if (wait.compareTo(maxWait) > 0) {
            throw new RateLimitedException(
                    "GitHub "
                            + kind
                            + " rate limit on "
                            + url
                            + " asks to wait "
                            + wait.toSeconds()
                            + " s, more than the "
                            + maxWait.toSeconds()
                            + " s allowed");
        }

        LOG.warnf(
                "GitHub %s rate limit (HTTP %d) on %s: waiting %d ms, then retrying",
                kind, response.statusCode(), url, wait.toMillis());
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a rate limit");
        }
    }

    Duration waitFor(GitHubConnectorResponse response) {
        Long retryAfter = number(response.header("Retry-After"));
        if (retryAfter != null) {
            return Duration.ofSeconds(Math.max(0, retryAfter));
        }

        Long reset = number(response.header("X-RateLimit-Reset"));
        if ("0".equals(response.header("X-RateLimit-Remaining")) && reset != null) {
            Duration untilReset = Duration.between(clock.instant(), Instant.ofEpochSecond(reset));
            return untilReset.isNegative() ? RESET_SLACK : untilReset.plus(RESET_SLACK);
        }
        return DEFAULT_WAIT;
    }

    private static Long number(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
