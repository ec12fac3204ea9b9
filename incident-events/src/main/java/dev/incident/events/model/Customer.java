package dev.incident.events.model;

import java.util.Objects;

/**
 * The customer whose production is affected.
 *
 * @param id the configured customer key, or the sender's domain for an unknown customer
 * @param known false when no configured customer matched (an email from an unknown domain)
 */
public record Customer(String id, String name, boolean known) {

    public Customer {
        Objects.requireNonNull(id, "id");
    }

    public static Customer known(String id, String name) {
        return new Customer(id, name, true);
    }

    public static Customer unknown(String hint) {
        return new Customer(hint, "unknown customer (" + hint + ")", false);
    }
}
