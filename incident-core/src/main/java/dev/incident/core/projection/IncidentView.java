package dev.incident.core.projection;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.incident.events.model.Actor;
import dev.incident.events.model.Customer;
import dev.incident.events.model.IncidentMode;
import dev.incident.events.model.IncidentStatus;
import dev.incident.events.model.Role;
import dev.incident.events.model.Severity;
import dev.incident.events.state.IncidentState;

/**
 * An incident as the API shows it: everything the fold knows, including whether one person holds
 * both roles (the channel then warns that the customer must be told).
 */
public record IncidentView(
        String id,
        String reference,
        String title,
        String summary,
        IncidentStatus status,
        IncidentMode mode,
        Severity severity,
        Customer customer,
        Actor reporter,
        String sourceReference,
        Map<Role, Actor> roles,
        boolean onePersonHoldsBothRoles,
        Channel channel,
        List<IncidentState.Pin> pins,
        List<IncidentState.FollowUp> followUps,
        String postmortemUrl,
        String resolution,
        String declineReason,
        Instant declaredAt,
        Instant confirmedAt,
        Instant endedAt,
        Instant lastCustomerUpdateAt,
        long lastSequence,
        String lastHash,
        Instant lastRecordedAt) {

    /** The incident's Slack channel, once attached. */
    public record Channel(String id, String name, String url) {}

    public static IncidentView of(IncidentState s) {
        Channel channel =
                s.channelId() == null
                        ? null
                        : new Channel(s.channelId(), s.channelName(), s.channelUrl());
        return new IncidentView(
                s.incidentId(),
                s.reference(),
                s.title(),
                s.summary(),
                s.status(),
                s.mode(),
                s.severity(),
                s.customer(),
                s.reporter(),
                s.sourceReference(),
                s.roles(),
                s.onePersonHoldsBothRoles(),
                channel,
                s.pins(),
                s.followUps(),
                s.postmortemUrl(),
                s.resolution(),
                s.declineReason(),
                s.declaredAt(),
                s.confirmedAt(),
                s.endedAt(),
                s.lastCustomerUpdateAt(),
                s.lastSequence(),
                s.lastHash(),
                s.lastRecordedAt());
    }
}
