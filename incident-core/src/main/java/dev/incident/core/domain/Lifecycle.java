package dev.incident.core.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import dev.incident.events.model.IncidentStatus;

import static dev.incident.events.model.IncidentStatus.CLOSED;
import static dev.incident.events.model.IncidentStatus.DECLINED;
import static dev.incident.events.model.IncidentStatus.FIXING;
import static dev.incident.events.model.IncidentStatus.INVESTIGATING;
import static dev.incident.events.model.IncidentStatus.MONITORING;
import static dev.incident.events.model.IncidentStatus.TRIAGE;

/**
 * The lifecycle: triage, investigating, fixing, monitoring, closed; declined only out of triage;
 * monitoring may fall back to fixing; nothing leaves closed or declined.
 */
public final class Lifecycle {

    private static final Map<IncidentStatus, Set<IncidentStatus>> NEXT =
            Map.of(
                    TRIAGE, EnumSet.of(INVESTIGATING, DECLINED),
                    INVESTIGATING, EnumSet.of(FIXING),
                    FIXING, EnumSet.of(MONITORING),
                    MONITORING, EnumSet.of(FIXING, CLOSED),
                    CLOSED, EnumSet.noneOf(IncidentStatus.class),
                    DECLINED, EnumSet.noneOf(IncidentStatus.class));

    private Lifecycle() {}

    /** True when an incident in {@code from} may move to {@code to}. */
    public static boolean allows(IncidentStatus from, IncidentStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** Where an incident in {@code from} may go next. */
    public static Set<IncidentStatus> next(IncidentStatus from) {
        return NEXT.get(from);
    }

    static String lower(IncidentStatus status) {
        return status.name().toLowerCase(java.util.Locale.ROOT);
    }
}
