package dev.incident.postmortem.domain;

/**
 * Publishing a draft failed. {@code retryable} is true for failures that may pass on a later try
 * (rate limits, server errors, network), false for those that will not (a missing folder, no
 * permission).
 */
public class PublishException extends Exception {

    private final boolean retryable;

    public PublishException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
