package dev.incident.events.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.incident.events.event.EventChain;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.event.IncidentEvent;
import dev.incident.events.event.IncidentEvent.*;
import dev.incident.events.model.Actor;
import dev.incident.events.model.Customer;
import dev.incident.events.model.IncidentMode;
import dev.incident.events.model.IncidentStatus;
import dev.incident.events.model.Role;
import dev.incident.events.model.Severity;

/**
 * An incident's current state, folded from its events in order. Each apply method only records what
 * its event says; the rules about which commands are allowed live in incident-core. Every service
 * that needs to know an incident folds it with this one class.
 */
public final class IncidentState {

    /** A pinned finding, at the message's own time. */
    public record Pin(
            String channelId,
            String messageTs,
            Actor author,
            String text,
            String permalink,
            Instant postedAt) {}

    /** A follow-up and, once exported, its issue. */
    public record FollowUp(String id, String text, String issueUrl) {}

    private final String incidentId;
    private String reference;
    private String title;
    private String summary;
    private IncidentStatus status;
    private IncidentMode mode;
    private Severity severity;
    private Customer customer;
    private Actor reporter;
    private String sourceReference;
    private final Map<Role, Actor> roles = new EnumMap<>(Role.class);
    private String channelId;
    private String channelName;
    private String channelUrl;
    private final Map<String, Pin> pins = new LinkedHashMap<>();
    private final Map<String, FollowUp> followUps = new LinkedHashMap<>();
    private String postmortemUrl;
    private String resolution;
    private String declineReason;
    private Instant declaredAt;
    private Instant confirmedAt;
    private Instant coordinatorAt;
    private Instant fixingAt;
    private Instant monitoringAt;
    private Instant endedAt;
    private Instant lastCustomerUpdateAt;
    private long lastSequence;
    private String lastHash = EventChain.GENESIS;
    private Instant lastRecordedAt;

    private IncidentState(String incidentId) {
        this.incidentId = incidentId;
    }

    /** An incident nobody has declared yet: no events. */
    public static IncidentState empty(String incidentId) {
        return new IncidentState(incidentId);
    }

    /** The state after all of {@code events}, in order. */
    public static IncidentState fold(String incidentId, List<EventEnvelope> events) {
        IncidentState state = empty(incidentId);
        events.forEach(state::apply);
        return state;
    }

    /** Records one more event. Events must come in sequence order, each once. */
    public IncidentState apply(EventEnvelope envelope) {
        if (envelope.sequence() != lastSequence + 1) {
            throw new IllegalStateException(
                    incidentId + ": event " + envelope.sequence() + " after " + lastSequence);
        }
        Instant at = envelope.occurredAt();
        IncidentEvent event = envelope.payload();
        if (event instanceof IncidentDeclared e) {
            declared(e, at);
        } else if (event instanceof SeverityConfirmed e) {
            confirmed(e, at);
        } else if (event instanceof IncidentDeclined e) {
            declined(e, at);
        } else if (event instanceof RoleAssigned e) {
            roleAssigned(e, at);
        } else if (event instanceof StatusChanged e) {
            statusChanged(e, at);
        } else if (event instanceof SummaryUpdated e) {
            summaryUpdated(e, at);
        } else if (event instanceof MessagePinned e) {
            pins.put(e.messageTs(), pin(e));
        } else if (event instanceof MessageUnpinned e) {
            pins.remove(e.messageTs());
        } else if (event instanceof IncidentClosed e) {
            closed(e, at);
        } else if (event instanceof ChannelAttached e) {
            channelAttached(e);
        } else if (event instanceof FollowUpAdded e) {
            followUps.put(e.followUpId(), new FollowUp(e.followUpId(), e.text(), null));
        } else if (event instanceof FollowUpExported e) {
            followUpExported(e);
        } else if (event instanceof PostmortemPublished e) {
            postmortemUrl = e.url();
        }
        // Escalations, the matrix, reminders and integration failures change no state here:
        // the services that care about them read them from the log.
        lastSequence = envelope.sequence();
        lastHash = envelope.hash();
        lastRecordedAt = envelope.recordedAt();
        return this;
    }

    private void declared(IncidentDeclared e, Instant at) {
        reference = e.reference();
        title = e.title();
        summary = e.summary();
        mode = e.mode();
        severity = e.severity();
        customer = e.customer();
        reporter = e.reporter();
        sourceReference = e.sourceReference();
        status =
                e.mode() == IncidentMode.TRIAGE
                        ? IncidentStatus.TRIAGE
                        : IncidentStatus.INVESTIGATING;
        declaredAt = at;
        lastCustomerUpdateAt = at;
        if (e.severity() != null && e.mode() == IncidentMode.LIVE) {
            confirmedAt = at;
        }
    }

    private void confirmed(SeverityConfirmed e, Instant at) {
        severity = e.severity();
        confirmedAt = at;
        if (status == IncidentStatus.TRIAGE) {
            status = IncidentStatus.INVESTIGATING;
            lastCustomerUpdateAt = at;
        }
    }

    private void declined(IncidentDeclined e, Instant at) {
        status = IncidentStatus.DECLINED;
        declineReason = e.reason();
        endedAt = at;
    }

    private void roleAssigned(RoleAssigned e, Instant at) {
        roles.put(e.role(), e.assignee());
        if (e.role() == Role.INCIDENT_COORDINATOR && coordinatorAt == null) {
            coordinatorAt = at;
        }
    }

    private void statusChanged(StatusChanged e, Instant at) {
        status = e.to();
        if (e.summary() != null) {
            summary = e.summary();
        }
        if (e.to() == IncidentStatus.FIXING && fixingAt == null) {
            fixingAt = at;
        }
        if (e.to() == IncidentStatus.MONITORING && monitoringAt == null) {
            monitoringAt = at;
        }
        lastCustomerUpdateAt = at;
    }

    private void summaryUpdated(SummaryUpdated e, Instant at) {
        summary = e.summary();
        lastCustomerUpdateAt = at;
    }

    private void closed(IncidentClosed e, Instant at) {
        status = IncidentStatus.CLOSED;
        resolution = e.resolution();
        endedAt = at;
    }

    private void channelAttached(ChannelAttached e) {
        channelId = e.channelId();
        channelName = e.channelName();
        channelUrl = e.url();
    }

    private void followUpExported(FollowUpExported e) {
        FollowUp known = followUps.get(e.followUpId());
        String text = known == null ? "" : known.text();
        followUps.put(e.followUpId(), new FollowUp(e.followUpId(), text, e.issueUrl()));
    }

    private static Pin pin(MessagePinned e) {
        return new Pin(
                e.channelId(), e.messageTs(), e.author(), e.text(), e.permalink(), e.postedAt());
    }

    /** True once an IncidentDeclared was applied. */
    public boolean exists() {
        return reference != null;
    }

    /** One person holds both roles: allowed in an exceptional case, and the customer must know. */
    public boolean onePersonHoldsBothRoles() {
        Actor coordinator = roles.get(Role.INCIDENT_COORDINATOR);
        Actor engineer = roles.get(Role.OPERATIONS_ENGINEER);
        return coordinator != null && engineer != null && coordinator.id().equals(engineer.id());
    }

    /** How long from declaration to {@code until}, when both are known. */
    public Optional<Duration> sinceDeclared(Instant until) {
        return declaredAt == null || until == null
                ? Optional.empty()
                : Optional.of(Duration.between(declaredAt, until));
    }

    public String incidentId() {
        return incidentId;
    }

    public String reference() {
        return reference;
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    public IncidentStatus status() {
        return status;
    }

    public IncidentMode mode() {
        return mode;
    }

    public Severity severity() {
        return severity;
    }

    public Customer customer() {
        return customer;
    }

    public Actor reporter() {
        return reporter;
    }

    public String sourceReference() {
        return sourceReference;
    }

    public Map<Role, Actor> roles() {
        return Collections.unmodifiableMap(roles);
    }

    public Optional<Actor> role(Role role) {
        return Optional.ofNullable(roles.get(role));
    }

    public String channelId() {
        return channelId;
    }

    public String channelName() {
        return channelName;
    }

    public String channelUrl() {
        return channelUrl;
    }

    public List<Pin> pins() {
        return List.copyOf(pins.values());
    }

    public List<FollowUp> followUps() {
        return new ArrayList<>(followUps.values());
    }

    public String postmortemUrl() {
        return postmortemUrl;
    }

    public String resolution() {
        return resolution;
    }

    public String declineReason() {
        return declineReason;
    }

    public Instant declaredAt() {
        return declaredAt;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }

    public Instant coordinatorAt() {
        return coordinatorAt;
    }

    public Instant fixingAt() {
        return fixingAt;
    }

    public Instant monitoringAt() {
        return monitoringAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public Instant lastCustomerUpdateAt() {
        return lastCustomerUpdateAt;
    }

    public long lastSequence() {
        return lastSequence;
    }

    public String lastHash() {
        return lastHash;
    }

    public Instant lastRecordedAt() {
        return lastRecordedAt;
    }
}
