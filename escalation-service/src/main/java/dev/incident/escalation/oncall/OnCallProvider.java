package dev.incident.escalation.oncall;

import java.util.Optional;

/**
 * Something that knows who is on call for a schedule and can page them. The rest of the service
 * knows providers only through this, so any one of them can be dropped.
 */
public interface OnCallProvider {

    /** The provider's name in the log: builtin, opsgenie, pagerduty. */
    String name();

    /**
     * Pages whoever is on call for the request's layer.
     *
     * @return who was paged; empty when the schedule has nobody on that layer
     * @throws ProviderException when the provider cannot be reached or refuses
     */
    Optional<Paged> page(PageRequest request) throws ProviderException;
}
