package dev.incident.reminder.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import dev.incident.events.event.EventEnvelope;
import dev.incident.events.event.IncidentEvent.ReminderIssued;
import dev.incident.events.model.IncidentStatus;
import dev.incident.events.model.ReminderRule;
import dev.incident.events.state.IncidentState;

/**
 * One incident as the reminders see it: its state folded from the log, and the last reminder that
 * went out per rule. From these alone it computes the next reminder, so any instance that reads the
 * same log computes the same due time.
 *
 * <p>After a reminder for due time D fires, the next one of the same rule is due at D plus one
 * interval, as long as nothing resets the rule's clock. A due time that had already passed when the
 * reminder went out (the service was down) is skipped, so a catch-up fires once, not once per
 * missed interval. A ReminderIssued event is not a customer-facing update: it changes no state.
 */
public final class IncidentReminders {

    private IncidentState state;
    private final Map<ReminderRule, FiredReminder> lastFired = new EnumMap<>(ReminderRule.class);

    public IncidentReminders(String incidentId) {
        this.state = IncidentState.empty(incidentId);
    }

    /**
     * Folds one more event. An event already folded (same or lower sequence) is ignored and false
     * is returned, so a redelivered record changes nothing.
     */
    public boolean apply(EventEnvelope event) {
        if (event.sequence() <= state.lastSequence()) {
            return false;
        }
        state = state.apply(event);

        if (event.payload() instanceof ReminderIssued issued) {
            fired(new FiredReminder(issued.rule(), issued.dueAt(), event.occurredAt()));
        }
        return true;
    }

    /** Records that the reminder of {@code fired.rule()} for {@code fired.dueAt()} went out. */
    public void fired(FiredReminder fired) {
        lastFired.merge(fired.rule(), fired, IncidentReminders::later);
    }

    /** The next reminder, or empty when none is due ever again in the current state. */
    public Optional<DueReminder> next(ReminderRules rules) {
        if (!state.exists()) {
            return Optional.empty();
        }
        Optional<ReminderRule> rule = ReminderRules.ruleFor(state.status());
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        return rules.interval(rule.get(), state.severity())
                .map(interval -> dueAfterLast(rule.get(), interval));
    }

    private DueReminder dueAfterLast(ReminderRule rule, Duration interval) {
        Instant first = ReminderRules.anchor(rule, state).plus(interval);
        FiredReminder last = lastFired.get(rule);

        // A reminder due before the first one of the current clock belongs to an earlier clock
        // (an update reset it since), so it does not count.
        if (last == null || last.dueAt().isBefore(first)) {
            return new DueReminder(state.incidentId(), rule, first);
        }

        Instant next = last.dueAt().plus(interval);
        if (!next.isAfter(last.firedAt())) {
            long missed = Duration.between(next, last.firedAt()).dividedBy(interval) + 1;
            next = next.plus(interval.multipliedBy(missed));
        }
        return new DueReminder(state.incidentId(), rule, next);
    }

    /**
     * True while {@code sent} is the last reminder of its rule and still belongs to the current
     * clock: the rule applies in the current status and no update has reset it since.
     */
    public boolean stillCurrent(DueReminder sent, ReminderRules rules) {
        boolean last =
                lastFired(sent.rule()).map(f -> f.dueAt().equals(sent.dueAt())).orElse(false);
        boolean ruleApplies =
                ReminderRules.ruleFor(state.status()).map(sent.rule()::equals).orElse(false);
        if (!last || !ruleApplies) {
            return false;
        }
        return rules.interval(sent.rule(), state.severity())
                .map(i -> !sent.dueAt().isBefore(ReminderRules.anchor(sent.rule(), state).plus(i)))
                .orElse(false);
    }

    /** True once the incident is closed or declined: it never gets a reminder again. */
    public boolean isOver() {
        IncidentStatus status = state.status();
        return status == IncidentStatus.CLOSED || status == IncidentStatus.DECLINED;
    }

    /** The last reminder of {@code rule} that went out, if any. */
    public Optional<FiredReminder> lastFired(ReminderRule rule) {
        return Optional.ofNullable(lastFired.get(rule));
    }

    public IncidentState state() {
        return state;
    }

    /** Of two records of a reminder, the later due time; for the same one, the first sighting. */
    private static FiredReminder later(FiredReminder known, FiredReminder seen) {
        int order = seen.dueAt().compareTo(known.dueAt());
        if (order != 0) {
            return order > 0 ? seen : known;
        }
        return seen.firedAt().isBefore(known.firedAt()) ? seen : known;
    }
}
