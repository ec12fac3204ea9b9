package dev.incident.postmortem.domain;

import java.time.Instant;
import java.util.List;

/**
 * Everything a postmortem draft shows, ready for a template: texts are plain user text (the
 * template escapes them) and times are already formatted in the configured zone.
 *
 * @param reviewer the customer's account engineer who reviews the draft, null when none is known
 */
public record PostmortemDraft(
        String incidentId,
        String reference,
        String title,
        String customer,
        String severity,
        String summary,
        String resolution,
        String declaredAt,
        String closedAt,
        String channel,
        String channelUrl,
        String sourceReference,
        Person reviewer,
        List<Person> people,
        List<DurationLine> durations,
        List<TimelineEntry> timeline,
        List<FollowUpLine> followUps) {

    public PostmortemDraft {
        people = List.copyOf(people);
        durations = List.copyOf(durations);
        timeline = List.copyOf(timeline);
        followUps = List.copyOf(followUps);
    }

    /** Someone who took part, with what they did ("Incident Coordinator", "Reporter", ...). */
    public record Person(String role, String name, String id) {}

    /** One of the durations measured from the declaration; {@code value} is "not reached" if so. */
    public record DurationLine(String label, String value, boolean reached) {}

    /**
     * One line of the timeline.
     *
     * @param at the instant it sorts by: the event's time, or a pinned message's own time
     * @param time {@code at} formatted for people
     * @param sinceDeclared how long after the declaration, e.g. "+1 h 05 min"
     * @param kind what happened, short: "Declared", "Pinned", "Status", ...
     * @param link a permalink or URL, when there is one
     */
    public record TimelineEntry(
            Instant at,
            String time,
            String sinceDeclared,
            String kind,
            String who,
            String text,
            String link) {}

    /** A follow-up and, once exported, the link to its issue. */
    public record FollowUpLine(String id, String text, String link) {}
}
