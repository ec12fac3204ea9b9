package dev.incident.slack.inbound.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.incident.events.command.IncidentCommand.AssignRole;
import dev.incident.events.command.IncidentCommand.ConfirmSeverity;
import dev.incident.events.model.Role;
import dev.incident.events.model.Severity;
import dev.incident.slack.inbound.domain.Decision.ModalKind;
import dev.incident.slack.inbound.domain.Decision.OpenModal;
import dev.incident.slack.inbound.domain.Decision.Reply;
import dev.incident.slack.inbound.domain.Decision.Send;

/**
 * Buttons on the incident card and on page messages. The convention the outbound side builds its
 * buttons with: {@code action_id} names the action, {@code value} is the incident id, and for
 * {@code escalation_accept} it is {@code <incidentId>|<ROLE>}.
 */
public final class CardActions {

    public static final String CONFIRM_P1 = "incident_confirm_p1";
    public static final String CONFIRM_P2 = "incident_confirm_p2";
    public static final String TRIAGE = "incident_triage";
    public static final String DECLINE = "incident_decline";
    public static final String ESCALATE = "incident_escalate";
    public static final String UPDATE = "incident_update";
    public static final String ESCALATION_ACCEPT = "escalation_accept";

    /** Every action id the gateway acts on. */
    public static final List<String> ALL =
            List.of(CONFIRM_P1, CONFIRM_P2, TRIAGE, DECLINE, ESCALATE, UPDATE, ESCALATION_ACCEPT);

    private final IncidentDirectory directory;
    private final Permissions permissions;

    public CardActions(IncidentDirectory directory, Permissions permissions) {
        this.directory = directory;
        this.permissions = permissions;
    }

    /** The decision for a click on {@code actionId} with {@code value} by {@code requester}. */
    public Decision decide(String actionId, String value, Requester requester) {
        if (actionId == null || !ALL.contains(actionId)) {
            return new Reply("That button is not one I know (" + actionId + ").");
        }
        if (value == null || value.isBlank()) {
            return new Reply("That button does not say which incident it is for.");
        }
        if (actionId.equals(ESCALATION_ACCEPT)) {
            return accept(value, requester);
        }

        IncidentView incident = known(value);
        switch (actionId) {
            case CONFIRM_P1:
                return confirm(incident, Severity.P1);
            case CONFIRM_P2:
                return confirm(incident, Severity.P2);
            case TRIAGE:
                return new OpenModal(ModalKind.TRIAGE, incident);
            case DECLINE:
                Optional<String> refusal =
                        permissions.refusal("decline", requester.userId(), incident);
                return refusal.<Decision>map(Reply::new)
                        .orElseGet(() -> new OpenModal(ModalKind.DECLINE, incident));
            case ESCALATE:
                return new OpenModal(ModalKind.ESCALATE, incident);
            default:
                return new OpenModal(ModalKind.UPDATE, incident);
        }
    }

    private static Decision confirm(IncidentView incident, Severity severity) {
        return new Send(
                incident.incidentId(),
                new ConfirmSeverity(severity, List.of()),
                "confirm as " + severity + " for " + incident.name());
    }

    private Decision accept(String value, Requester requester) {
        int bar = value.lastIndexOf('|');
        Optional<Role> role =
                bar < 0 ? Optional.empty() : roleNamed(value.substring(bar + 1).strip());
        if (role.isEmpty()) {
            return new Reply("That page button does not say which role it is for.");
        }
        IncidentView incident = known(value.substring(0, bar).strip());
        return new Send(
                incident.incidentId(),
                new AssignRole(role.get(), requester.actor()),
                "you take the "
                        + SlashCommands.roleName(role.get())
                        + " role for "
                        + incident.name());
    }

    /** The incident as known, or a bare view of the id: incident-core decides whether it exists. */
    private IncidentView known(String incidentId) {
        return directory
                .byId(incidentId)
                .orElseGet(
                        () ->
                                new IncidentView(
                                        incidentId,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null));
    }

    private static Optional<Role> roleNamed(String name) {
        String value = name.toUpperCase(Locale.ROOT);
        if (value.equals("IC") || value.equals(Role.INCIDENT_COORDINATOR.name())) {
            return Optional.of(Role.INCIDENT_COORDINATOR);
        }
        if (value.equals("OE") || value.equals(Role.OPERATIONS_ENGINEER.name())) {
            return Optional.of(Role.OPERATIONS_ENGINEER);
        }
        return Optional.empty();
    }
}
