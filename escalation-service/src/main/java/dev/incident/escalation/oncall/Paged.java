package dev.incident.escalation.oncall;

import java.util.Objects;

import dev.incident.events.model.Actor;

/**
 * Who a provider paged.
 *
 * @param alertReference the provider's key for the alert, to match its acknowledgement later
 */
public record Paged(Actor person, String alertReference) {

    public Paged {
        Objects.requireNonNull(person, "person");
    }
}
