package dev.incident.email.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.incident.email.domain.CustomerDirectory;
import dev.incident.email.domain.MailIntake;
import dev.incident.email.domain.MailParser;
import dev.incident.email.domain.MailTriage;
import dev.incident.events.model.Customer;

/** Builds the pure intake from the configuration: parser limits, own address, customer table. */
@ApplicationScoped
public class IntakeProducer {

    @Produces
    @ApplicationScoped
    MailIntake intake(IngestConfig config) {
        var customers = new CustomerDirectory();
        config.customers()
                .forEach(
                        (id, entry) ->
                                entry.domains()
                                        .forEach(
                                                domain ->
                                                        customers.with(
                                                                domain,
                                                                Customer.known(id, entry.name()))));
        return new MailIntake(
                new MailParser(config.limits().maxDepth()),
                new MailTriage(config.platformAddress()),
                customers,
                config.excerptLength());
    }
}
