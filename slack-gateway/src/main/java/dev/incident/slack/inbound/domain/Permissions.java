package dev.incident.slack.inbound.domain;

import java.util.Optional;
import java.util.Set;

/**
 * Who may close or decline an incident: anyone, or, when restricted, the incident's coordinator and
 * the admin users.
 */
public final class Permissions {

    private final boolean restricted;
    private final Set<String> admins;

    public Permissions(boolean restricted, Set<String> admins) {
        this.restricted = restricted;
        this.admins = Set.copyOf(admins);
    }

    public static Permissions open() {
        return new Permissions(false, Set.of());
    }

    /** Empty when {@code userId} may do {@code action} ("close", "decline"), else why not. */
    public Optional<String> refusal(String action, String userId, IncidentView incident) {
        if (!restricted || admins.contains(userId)) {
            return Optional.empty();
        }
        String coordinator = incident == null ? null : incident.coordinatorId();
        if (coordinator != null && coordinator.equals(userId)) {
            return Optional.empty();
        }

        String name = incident == null ? "this incident" : incident.name();
        String who =
                coordinator == null
                        ? "its incident coordinator (none is assigned yet)"
                        : "its incident coordinator <@" + coordinator + ">";
        return Optional.of(
                "Only "
                        + who
                        + " or an incident admin can "
                        + action
                        + " "
                        + name
                        + ". Ask them, or ask for the coordinator role with /inc role ic.");
    }
}
