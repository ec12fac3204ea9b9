package dev.incident.events.model;

import java.util.Objects;

/** One entry of a customer's escalation matrix: whom to call, in order. */
public record Contact(String name, String role, String phone, String email, String hours) {

    public Contact {
        Objects.requireNonNull(name, "name");
    }
}
