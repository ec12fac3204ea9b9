package dev.incident.email.domain;

/**
 * Why a message cannot become an incident and must wait in the quarantine folder for a person. The
 * message text is what the dead letter carries as its reason.
 */
public final class Quarantine extends Exception {

    /** The kinds of reasons, used as the metric's tag. */
    public enum Reason {
        UNPARSEABLE,
        OVERSIZE,
        TOO_DEEP,
        NO_SENDER
    }

    private final Reason reason;

    public Quarantine(Reason reason, String detail) {
        super(reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ": " + detail);
        this.reason = reason;
    }

    public Quarantine(Reason reason, String detail, Throwable cause) {
        this(reason, detail);
        initCause(cause);
    }

    public Reason reason() {
        return reason;
    }
}
