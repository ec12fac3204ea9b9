package dev.incident.events.json;

/** A record that does not fit the contract. Never swallowed: the caller dead-letters it. */
public sealed class ContractException extends RuntimeException
        permits ContractException.UnknownType,
                ContractException.Malformed,
                ContractException.UnsupportedVersion {

    private ContractException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The record names a type this contract does not know. */
    public static final class UnknownType extends ContractException {
        public UnknownType(String kind, String type) {
            super("unknown " + kind + " type '" + type + "'", null);
        }
    }

    /** The bytes are not JSON, or a field is missing or has the wrong shape. */
    public static final class Malformed extends ContractException {
        public Malformed(String what, Throwable cause) {
            super(what + (cause == null ? "" : ": " + firstLine(cause.getMessage())), cause);
        }
    }

    /** The record is of a schema version newer than this code can read. */
    public static final class UnsupportedVersion extends ContractException {
        public UnsupportedVersion(String type, int version, int current) {
            super(
                    type + " schema version " + version + " is newer than this reader's " + current,
                    null);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
