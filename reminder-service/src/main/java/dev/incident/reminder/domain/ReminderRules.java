package dev.incident.reminder.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import dev.incident.events.model.IncidentStatus;
import dev.incident.events.model.ReminderRule;
import dev.incident.events.model.Severity;
import dev.incident.events.state.IncidentState;

/**
 * Which rule applies to an incident in each status, how often it fires, and from which moment it
 * counts: triage from the declaration, investigating, fixing and monitoring from the last
 * customer-facing update (a status change or a summary update). Closed and declined incidents get
 * no reminders.
 */
public final class ReminderRules {

    private final Map<ReminderRule, RuleTiming> timings;

    public ReminderRules(Map<ReminderRule, RuleTiming> timings) {
        for (ReminderRule rule : ReminderRule.values()) {
            if (!timings.containsKey(rule)) {
                throw new IllegalArgumentException("no timing for reminder rule " + rule);
            }
        }
        this.timings = Map.copyOf(timings);
    }

    /** The rules of the issue: updates after 30 min, triage every 10 min, check-ins daily. */
    public static ReminderRules standard() {
        return new ReminderRules(
                Map.of(
                        ReminderRule.CUSTOMER_UPDATE, RuleTiming.every(Duration.ofMinutes(30)),
                        ReminderRule.TRIAGE_DECISION, RuleTiming.every(Duration.ofMinutes(10)),
                        ReminderRule.MONITORING_CHECK_IN, RuleTiming.every(Duration.ofHours(24))));
    }

    /** The rule for an incident in {@code status}, or empty when it gets no reminders. */
    public static Optional<ReminderRule> ruleFor(IncidentStatus status) {
        if (status == null) {
            return Optional.empty();
        }
        switch (status) {
            case TRIAGE:
                return Optional.of(ReminderRule.TRIAGE_DECISION);
            case INVESTIGATING:
            case FIXING:
                return Optional.of(ReminderRule.CUSTOMER_UPDATE);
            case MONITORING:
                return Optional.of(ReminderRule.MONITORING_CHECK_IN);
            default:
                return Optional.empty();
        }
    }

    /** The interval of {@code rule} for an incident of {@code severity}, if the rule is on. */
    public Optional<Duration> interval(ReminderRule rule, Severity severity) {
        return timings.get(rule).intervalFor(severity);
    }

    /** The moment {@code rule} counts from for this incident. */
    public static Instant anchor(ReminderRule rule, IncidentState state) {
        return rule == ReminderRule.TRIAGE_DECISION
                ? state.declaredAt()
                : state.lastCustomerUpdateAt();
    }
}
