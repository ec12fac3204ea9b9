package dev.incident.slack.outbound.slack;

import java.time.Duration;

import org.jboss.logging.Logger;

import dev.incident.slack.outbound.domain.RetryPolicy;
import dev.incident.slack.outbound.slack.SlackCallException.Kind;

/**
 * Makes a call and tries again when Slack says so: after Retry-After on a 429, with backoff on a
 * transient failure. Gives up at once on a permanent error. The wait happens on the calling
 * incident's own worker, so other incidents go on meanwhile.
 */
public final class RetryingSlack implements SlackApi {

    /** Waits; a seam only so a test of the policy need not sleep. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Logger LOG = Logger.getLogger(RetryingSlack.class);

    private final SlackApi delegate;
    private final RetryPolicy policy;
    private final Sleeper sleeper;

    public RetryingSlack(SlackApi delegate, RetryPolicy policy, Sleeper sleeper) {
        this.delegate = delegate;
        this.policy = policy;
        this.sleeper = sleeper;
    }

    @Override
    public SlackResult call(SlackCall call) throws SlackCallException {
        for (int attempt = 1; ; attempt++) {
            try {
                return delegate.call(call);
            } catch (SlackCallException e) {
                if (e.kind() == Kind.PERMANENT || !policy.mayRetry(attempt)) {
                    throw e;
                }
                Duration wait =
                        e.kind() == Kind.RATE_LIMITED
                                ? policy.rateLimitWait(e.retryAfter(), attempt)
                                : policy.backoff(attempt);
                LOG.warnf(
                        "%s: %s (%s), try %d of %d again in %d ms",
                        call.incidentId(),
                        call.method(),
                        e.error(),
                        attempt + 1,
                        policy.maxAttempts(),
                        wait.toMillis());
                pause(call, e, wait);
            }
        }
    }

    private void pause(SlackCall call, SlackCallException cause, Duration wait)
            throws SlackCallException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackCallException(
                    call.method(),
                    "interrupted while waiting after " + cause.error(),
                    Kind.TRANSIENT,
                    null);
        }
    }
}
