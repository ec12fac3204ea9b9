package dev.incident.escalation.oncall;

/** An on-call provider could not be reached, timed out, or refused the request. */
public class ProviderException extends Exception {

    public ProviderException(String message) {
        super(message);
    }

    public ProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
