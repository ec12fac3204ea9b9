package dev.incident.postmortem.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.incident.events.event.EventEnvelope;
import dev.incident.events.event.IncidentEvent;
import dev.incident.events.event.IncidentEvent.*;
import dev.incident.events.model.Actor;
import dev.incident.events.model.ActorSource;
import dev.incident.events.model.Role;
import dev.incident.events.state.IncidentState;
import dev.incident.postmortem.domain.PostmortemDraft.DurationLine;
import dev.incident.postmortem.domain.PostmortemDraft.FollowUpLine;
import dev.incident.postmortem.domain.PostmortemDraft.Person;
import dev.incident.postmortem.domain.PostmortemDraft.TimelineEntry;

/**
 * Builds the postmortem draft of an incident from its whole log: the shared fold for the facts, and
 * one timeline line per event worth telling, sorted by when it happened (a pinned message by its
 * own time, not by when it was pinned).
 */
public final class DraftBuilder {

    private final ZoneId zone;
    private final DateTimeFormatter format;

    public DraftBuilder(ZoneId zone) {
        this.zone = zone;
        this.format =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT).withZone(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The draft of the incident whose log is {@code events}, in sequence order. */
    public PostmortemDraft build(String incidentId, List<EventEnvelope> events, Reviewer reviewer) {
        IncidentState state = IncidentState.fold(incidentId, events);
        if (!state.exists()) {
            throw new IllegalArgumentException(incidentId + " has no IncidentDeclared");
        }

        return new PostmortemDraft(
                incidentId,
                state.reference(),
                state.title(),
                state.customer() == null ? "unknown" : state.customer().name(),
                state.severity() == null ? "not confirmed" : state.severity().name(),
                text(state.summary()),
                text(state.resolution()),
                time(state.declaredAt()),
                time(state.endedAt()),
                text(state.channelName()),
                text(link(state.channelUrl())),
                text(state.sourceReference()),
                reviewer == null ? null : person("Reviewer (account engineer)", reviewer.actor()),
                people(state, events, reviewer),
                durations(state),
                timeline(state, events),
                followUps(state));
    }

    private List<Person> people(IncidentState state, List<EventEnvelope> events, Reviewer rev) {
        Map<String, Person> people = new LinkedHashMap<>();
        state.role(Role.INCIDENT_COORDINATOR)
                .ifPresent(a -> add(people, "Incident Coordinator", a));
        state.role(Role.OPERATIONS_ENGINEER).ifPresent(a -> add(people, "Operations Engineer", a));
        add(people, "Reporter", state.reporter());
        for (EventEnvelope e : events) {
            if (e.payload() instanceof Escalated paged && paged.paged() != null) {
                add(people, "Paged (" + paged.target() + ")", paged.paged());
            }
        }
        for (EventEnvelope e : events) {
            if (e.actor().source() != ActorSource.SERVICE) {
                add(people, "Took part", e.actor());
            }
        }
        if (rev != null) {
            add(people, "Reviewer (account engineer)", rev.actor());
        }
        return new ArrayList<>(people.values());
    }

    /** Keeps the first, most telling role of each person; the timeline has the rest. */
    private static void add(Map<String, Person> people, String role, Actor actor) {
        if (actor != null) {
            people.putIfAbsent(actor.source() + ":" + actor.id(), person(role, actor));
        }
    }

    private static Person person(String role, Actor actor) {
        return new Person(role, name(actor), actor.id());
    }

    private List<DurationLine> durations(IncidentState state) {
        return List.of(
                duration("To confirmation", state, state.confirmedAt()),
                duration("To a coordinator", state, state.coordinatorAt()),
                duration("To fixing", state, state.fixingAt()),
                duration("To monitoring", state, state.monitoringAt()),
                duration("In total", state, state.endedAt()));
    }

    private static DurationLine duration(String label, IncidentState state, Instant until) {
        return state.sinceDeclared(until)
                .map(d -> new DurationLine(label, Durations.format(d), true))
                .orElseGet(() -> new DurationLine(label, "not reached", false));
    }

    private List<TimelineEntry> timeline(IncidentState state, List<EventEnvelope> events) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (EventEnvelope envelope : events) {
            TimelineEntry entry = entry(state, envelope);
            if (entry != null) {
                entries.add(entry);
            }
        }
        // Stable sort: lines at the same instant keep the log's order.
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return entries;
    }

    private TimelineEntry entry(IncidentState state, EventEnvelope envelope) {
        IncidentEvent event = envelope.payload();
        Instant at = envelope.occurredAt();
        String who = name(envelope.actor());
        if (event instanceof IncidentDeclared e) {
            String how = e.source() + ", " + e.mode().name().toLowerCase(Locale.ROOT);
            return line(
                    state,
                    at,
                    "Declared",
                    name(e.reporter()),
                    e.title() + " (" + how + ")",
                    e.sourceReference());
        } else if (event instanceof SeverityConfirmed e) {
            return line(state, at, "Confirmed", who, "Confirmed as " + e.severity(), null);
        } else if (event instanceof RoleAssigned e) {
            String text = name(e.assignee()) + " became " + roleName(e.role());
            return line(state, at, "Role", who, text, null);
        } else if (event instanceof EscalationRequested e) {
            String text = "Asked to page " + e.target() + reason(e.reason());
            return line(state, at, "Escalation", who, text, null);
        } else if (event instanceof Escalated e) {
            return line(state, at, "Escalation", who, escalated(e), null);
        } else if (event instanceof EscalationMatrixPublished e) {
            String text = "Customer escalation matrix shown (" + e.contacts().size() + " contacts)";
            return line(state, at, "Escalation", who, text, null);
        } else if (event instanceof StatusChanged e) {
            String text =
                    statusName(e.from().name())
                            + " → "
                            + statusName(e.to().name())
                            + (e.summary() == null ? "" : ": " + e.summary());
            return line(state, at, "Status", who, text, null);
        } else if (event instanceof SummaryUpdated e) {
            return line(state, at, "Customer update", who, e.summary(), null);
        } else if (event instanceof MessagePinned e) {
            return pinned(state, envelope, e);
        } else if (event instanceof ReminderIssued e) {
            String text = e.text() == null ? e.rule().name() : e.text();
            return line(state, at, "Reminder", who, text, null);
        } else if (event instanceof ChannelAttached e) {
            return line(state, at, "Channel", who, "Channel #" + e.channelName(), e.url());
        } else if (event instanceof FollowUpAdded e) {
            return line(state, at, "Follow-up", who, e.followUpId() + ": " + e.text(), null);
        } else if (event instanceof IntegrationFailed e) {
            String text = e.integration() + " could not " + e.operation() + ": " + e.reason();
            return line(state, at, "Integration", who, text, null);
        } else if (event instanceof IncidentClosed e) {
            return line(state, at, "Closed", who, e.resolution(), null);
        }
        // Unpins, exports and the postmortem itself are not part of the story of the incident.
        return null;
    }

    /** A pin still pinned at the close, at the message's own time; a removed pin is left out. */
    private TimelineEntry pinned(IncidentState state, EventEnvelope envelope, MessagePinned e) {
        boolean stillPinned =
                state.pins().stream().anyMatch(p -> p.messageTs().equals(e.messageTs()));
        if (!stillPinned) {
            return null;
        }
        Instant at = e.postedAt() != null ? e.postedAt() : envelope.occurredAt();
        String author = e.author() != null ? name(e.author()) : name(envelope.actor());
        String text = e.text() == null ? "" : e.text();
        return line(state, at, "Pinned", author, text, e.permalink());
    }

    private TimelineEntry line(
            IncidentState state, Instant at, String kind, String who, String text, String link) {
        String since =
                state.sinceDeclared(at)
                        .map(d -> (d.isNegative() ? "-" : "+") + Durations.format(d.abs()))
                        .orElse("");
        return new TimelineEntry(at, time(at), since, kind, who, text(text), text(link(link)));
    }

    private static String escalated(Escalated e) {
        String paged = e.paged() == null ? "nobody" : name(e.paged());
        String via = e.provider() == null ? "" : " via " + e.provider();
        switch (e.outcome()) {
            case PAGED:
                return "Paged " + paged + " for " + e.target() + via + reason(e.reason());
            case ACCEPTED:
                return paged + " accepted the page for " + e.target();
            default:
                return "Paging "
                        + e.target()
                        + " failed"
                        + via
                        + (e.failureReason() == null ? "" : ": " + e.failureReason());
        }
    }

    private List<FollowUpLine> followUps(IncidentState state) {
        return state.followUps().stream()
                .map(f -> new FollowUpLine(f.id(), f.text(), text(link(f.issueUrl()))))
                .toList();
    }

    private String time(Instant at) {
        return at == null ? "" : format.format(at);
    }

    /** Templates get "" rather than null: every value can be printed and tested with #if. */
    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "" : " (" + reason + ")";
    }

    /**
     * Only web links become links: an email's Message-ID, or a "javascript:" someone typed, is no
     * link.
     */
    private static String link(String reference) {
        boolean web =
                reference != null
                        && (reference.startsWith("https://") || reference.startsWith("http://"));
        return web ? reference : null;
    }

    private static String name(Actor actor) {
        if (actor == null) {
            return "";
        }
        return actor.name() == null || actor.name().isBlank() ? actor.id() : actor.name();
    }

    private static String roleName(Role role) {
        return role == Role.INCIDENT_COORDINATOR ? "Incident Coordinator" : "Operations Engineer";
    }

    private static String statusName(String status) {
        return status.charAt(0) + status.substring(1).toLowerCase(Locale.ROOT);
    }

    /** Durations as people read them in a report. */
    static final class Durations {

        private Durations() {}

        /** "45 s", "12 min", "1 h 05 min", "2 d 3 h 04 min". */
        static String format(Duration d) {
            long seconds = d.getSeconds();
            if (seconds < 60) {
                return seconds + " s";
            }
            long minutes = seconds / 60;
            if (minutes < 60) {
                return minutes + " min";
            }
            long hours = minutes / 60;
            String rest = String.format(Locale.ROOT, "%d h %02d min", hours % 24, minutes % 60);
            return hours < 24 ? rest : hours / 24 + " d " + rest;
        }
    }
}
