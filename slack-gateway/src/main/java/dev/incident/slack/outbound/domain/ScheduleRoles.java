package dev.incident.slack.outbound.domain;

import java.util.Locale;
import java.util.regex.Pattern;

import dev.incident.events.model.Role;

/**
 * Which role a paged person takes when they accept: the role of the schedule that paged them. The
 * platform's schedules are named after their role (ic, incident-coordinators, oe,
 * operations-engineers); anything else is read as a coordinator schedule, since paging is how a
 * coordinator is found.
 */
public final class ScheduleRoles {

    private static final Pattern ENGINEER =
            Pattern.compile("(^|[^a-z])(oe|ops|operations?|engineers?)([^a-z]|$)");

    private ScheduleRoles() {}

    public static Role roleFor(String target) {
        String lower = target == null ? "" : target.toLowerCase(Locale.ROOT);
        return ENGINEER.matcher(lower).find()
                ? Role.OPERATIONS_ENGINEER
                : Role.INCIDENT_COORDINATOR;
    }
}
