package dev.incident.events.json;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns one event type's payload from one schema version into the next. Pure: it reads the old
 * payload and the envelope around it and returns the new payload; it never writes to the log.
 */
public interface Upcaster {

    String type();

    /** The version this upcaster reads; it produces {@code fromVersion() + 1}. */
    int fromVersion();

    ObjectNode upcast(ObjectNode payload, ObjectNode envelope);
}
