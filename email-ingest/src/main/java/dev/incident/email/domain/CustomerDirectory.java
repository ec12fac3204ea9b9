package dev.incident.email.domain;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.incident.events.model.Customer;

/** The configured customers by sender domain; a subdomain belongs to its parent's customer. */
public final class CustomerDirectory {

    private final Map<String, Customer> byDomain = new HashMap<>();

    /** Adds {@code customer} for {@code domain} (case does not matter). */
    public CustomerDirectory with(String domain, Customer customer) {
        byDomain.put(domain.strip().toLowerCase(Locale.ROOT), customer);
        return this;
    }

    /** The customer of a sender's domain, or an unknown customer named after the domain. */
    public Customer forDomain(String domain) {
        String candidate = domain.toLowerCase(Locale.ROOT);
        while (!candidate.isEmpty()) {
            Customer customer = byDomain.get(candidate);
            if (customer != null) {
                return customer;
            }
            int dot = candidate.indexOf('.');
            candidate = dot < 0 ? "" : candidate.substring(dot + 1);
        }
        return Customer.unknown(domain.isEmpty() ? "unknown" : domain);
    }
}
