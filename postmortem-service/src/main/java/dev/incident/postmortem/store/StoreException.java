package dev.incident.postmortem.store;

/** The database could not be read or written. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
