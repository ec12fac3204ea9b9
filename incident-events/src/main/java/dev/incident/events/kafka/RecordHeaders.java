package dev.incident.events.kafka;

/**
 * Kafka header names. Type and id travel as headers so a consumer can route and de-duplicate
 * without parsing the body.
 */
public final class RecordHeaders {

    public static final String EVENT_TYPE = "event-type";
    public static final String EVENT_ID = "event-id";
    public static final String SCHEMA_VERSION = "schema-version";
    public static final String SEQUENCE = "sequence";

    public static final String COMMAND_TYPE = "command-type";
    public static final String COMMAND_ID = "command-id";

    /** On dead letters: what went wrong, and where the record came from. */
    public static final String DEAD_LETTER_ERROR = "dead-letter-error";

    public static final String DEAD_LETTER_REASON = "dead-letter-reason";
    public static final String DEAD_LETTER_TOPIC = "dead-letter-topic";
    public static final String DEAD_LETTER_PARTITION = "dead-letter-partition";
    public static final String DEAD_LETTER_OFFSET = "dead-letter-offset";
    public static final String DEAD_LETTER_CONSUMER = "dead-letter-consumer";

    private RecordHeaders() {}
}
