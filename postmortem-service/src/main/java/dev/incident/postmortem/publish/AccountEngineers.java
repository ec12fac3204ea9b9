package dev.incident.postmortem.publish;

import jakarta.enterprise.context.ApplicationScoped;

import dev.incident.events.model.Actor;
import dev.incident.events.model.Customer;
import dev.incident.postmortem.config.PostmortemConfig;
import dev.incident.postmortem.domain.Reviewer;

/** Finds the customer's account engineer, who reviews the draft, in the configuration. */
@ApplicationScoped
public class AccountEngineers {

    static final String DEFAULT = "default";

    private final PostmortemConfig config;

    public AccountEngineers(PostmortemConfig config) {
        this.config = config;
    }

    /** The customer's own account engineer, else the default one, else null. */
    public Reviewer reviewerOf(Customer customer) {
        var engineers = config.accountEngineers();
        var engineer = customer == null ? null : engineers.get(customer.id());
        if (engineer == null) {
            engineer = engineers.get(DEFAULT);
        }
        if (engineer == null) {
            return null;
        }
        return new Reviewer(
                Actor.slackUser(engineer.slackUserId(), engineer.name()),
                engineer.email().orElse(null));
    }
}
