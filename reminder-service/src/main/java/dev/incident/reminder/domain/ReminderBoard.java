package dev.incident.reminder.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import dev.incident.events.event.EventEnvelope;

/**
 * The incidents this instance owns and the one next reminder of each, ordered by due time. Fed by
 * the log reader, drained by the scheduler; one lock guards both, so an incident handed to another
 * instance is never fired here once {@link #release} returned.
 *
 * <p>Incidents belong to shards (the partition of their records). A shard's incidents are folded as
 * their events arrive but scheduled only after {@link #open}, once the shard's log was read to its
 * end: before that, a reminder may look due that the rest of the log shows was already sent.
 */
public final class ReminderBoard {

    /** Sends one reminder; called under the board's lock, so it must only hand the record off. */
    public interface Sink {
        void send(DueReminder due, String text);
    }

    private static final class Tracked {
        final int shard;
        IncidentReminders reminders;
        DueReminder scheduled;

        Tracked(int shard, String incidentId) {
            this.shard = shard;
            this.reminders = new IncidentReminders(incidentId);
        }
    }

    private final ReminderRules rules;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition scheduleChanged = lock.newCondition();
    private final Map<String, Tracked> incidents = new HashMap<>();
    private final Set<Integer> openShards = new HashSet<>();
    private final NavigableSet<DueReminder> schedule = new TreeSet<>(DueReminder.BY_DUE_TIME);
    private final ConcurrentLinkedQueue<DueReminder> failedSends = new ConcurrentLinkedQueue<>();

    public ReminderBoard(ReminderRules rules) {
        this.rules = rules;
    }

    /** Folds an event of an incident of {@code shard}; false if it was folded before. */
    public boolean apply(int shard, EventEnvelope event) {
        lock.lock();
        try {
            Tracked tracked = track(shard, event.incidentId());
            if (tracked.reminders == null) {
                return false; // over: nothing can change it any more
            }
            boolean applied = tracked.reminders.apply(event);
            if (applied) {
                reschedule(tracked);
            }
            return applied;
        } finally {
            lock.unlock();
        }
    }

    /** Records a reminder that was sent or issued for an incident of {@code shard}. */
    public void fired(int shard, String incidentId, FiredReminder fired) {
        lock.lock();
        try {
            Tracked tracked = track(shard, incidentId);
            if (tracked.reminders != null) {
                tracked.reminders.fired(fired);
                reschedule(tracked);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The shard's log was read to its end: its incidents' reminders may fire from now on. */
    public int open(int shard) {
        lock.lock();
        try {
            openShards.add(shard);
            int open = 0;
            for (Tracked tracked : incidents.values()) {
                if (tracked.shard == shard && tracked.reminders != null) {
                    reschedule(tracked);
                    open++;
                }
            }
            return open;
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the shard's incidents: another instance owns them now. */
    public void release(int shard) {
        lock.lock();
        try {
            openShards.remove(shard);
            incidents.values().removeIf(tracked -> releaseIf(tracked, shard));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends every reminder due at or before {@code now} through {@code sink}, records it as fired
     * at {@code now} and schedules the incident's next one. Returns how many it sent.
     */
    public int fireDue(Instant now, Sink sink) {
        lock.lock();
        try {
            rescheduleFailedSends();
            int sent = 0;
            while (!schedule.isEmpty() && !schedule.first().dueAt().isAfter(now)) {
                DueReminder due = schedule.first();
                Tracked tracked = incidents.get(due.incidentId());
                String text = ReminderText.of(due, tracked.reminders.state());

                sink.send(due, text);

                schedule.pollFirst();
                tracked.scheduled = null;
                tracked.reminders.fired(new FiredReminder(due.rule(), due.dueAt(), now));
                reschedule(tracked);
                sent++;
            }
            return sent;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Notes that {@code due} did not reach the broker, so that it is sent again on the next round,
     * unless the incident moved on in the meantime. Takes no lock: the producer's I/O thread calls
     * it while the scheduler may hold the lock waiting for that thread.
     */
    public void sendFailed(DueReminder due) {
        failedSends.add(due);
    }

    private void rescheduleFailedSends() {
        DueReminder due;
        while ((due = failedSends.poll()) != null) {
            Tracked tracked = incidents.get(due.incidentId());
            if (tracked != null
                    && tracked.reminders != null
                    && tracked.reminders.stillCurrent(due, rules)) {
                if (tracked.scheduled != null) {
                    schedule.remove(tracked.scheduled);
                }
                tracked.scheduled = due;
                schedule.add(due);
            }
        }
    }

    /**
     * Waits until the earliest reminder may be due by {@code now} plus the wait, the schedule
     * changes, or {@code maxWait} passes, whichever comes first.
     */
    public void awaitDue(Instant now, Duration maxWait) throws InterruptedException {
        lock.lock();
        try {
            Duration wait = maxWait;
            if (!schedule.isEmpty()) {
                Duration untilDue = Duration.between(now, schedule.first().dueAt());
                wait = untilDue.compareTo(maxWait) < 0 ? untilDue : maxWait;
            }
            if (wait.isNegative() || wait.isZero()) {
                return;
            }
            scheduleChanged.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        } finally {
            lock.unlock();
        }
    }

    /** The next reminder of {@code incidentId} as scheduled here, if it is open and has one. */
    public Optional<DueReminder> scheduled(String incidentId) {
        lock.lock();
        try {
            Tracked tracked = incidents.get(incidentId);
            return tracked == null ? Optional.empty() : Optional.ofNullable(tracked.scheduled);
        } finally {
            lock.unlock();
        }
    }

    /** How many reminders are scheduled. */
    public int scheduledCount() {
        lock.lock();
        try {
            return schedule.size();
        } finally {
            lock.unlock();
        }
    }

    /** How many incidents this instance tracks, open or over. */
    public int trackedCount() {
        lock.lock();
        try {
            return incidents.size();
        } finally {
            lock.unlock();
        }
    }

    private Tracked track(int shard, String incidentId) {
        return incidents.computeIfAbsent(incidentId, id -> new Tracked(shard, id));
    }

    private void reschedule(Tracked tracked) {
        DueReminder next = null;
        if (tracked.reminders.isOver()) {
            tracked.reminders = null; // keep only the id, to ignore its later records
        } else if (openShards.contains(tracked.shard)) {
            next = tracked.reminders.next(rules).orElse(null);
        }
        if (next != null && next.equals(tracked.scheduled)) {
            return;
        }

        DueReminder before = schedule.isEmpty() ? null : schedule.first();
        if (tracked.scheduled != null) {
            schedule.remove(tracked.scheduled);
        }
        tracked.scheduled = next;
        if (next != null) {
            schedule.add(next);
        }
        if (schedule.isEmpty() || !schedule.first().equals(before)) {
            scheduleChanged.signalAll();
        }
    }

    private boolean releaseIf(Tracked tracked, int shard) {
        if (tracked.shard != shard) {
            return false;
        }
        if (tracked.scheduled != null) {
            schedule.remove(tracked.scheduled);
        }
        return true;
    }
}
