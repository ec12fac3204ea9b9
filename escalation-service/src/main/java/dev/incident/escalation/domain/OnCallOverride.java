package dev.incident.escalation.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Somebody covering one layer of a schedule for a period, whoever the rotation says: a swap, a
 * holiday cover.
 *
 * @param layer the layer covered, 1 for the first
 * @param from the first instant covered
 * @param until the first instant no longer covered
 */
public record OnCallOverride(Person person, int layer, Instant from, Instant until) {

    public OnCallOverride {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("an override must end after it starts: " + from);
        }
        if (layer < 1) {
            throw new IllegalArgumentException("layers count from 1, was " + layer);
        }
    }

    public boolean covers(int layer, Instant at) {
        return this.layer == layer && !at.isBefore(from) && at.isBefore(until);
    }
}
