package dev.incident.escalation.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Objects;

/**
 * Participants taking turns, handing off at a wall-clock time in a time zone every {@code
 * periodDays} days. Hand-offs are counted in calendar days, not in hours, so a daylight-saving
 * change moves no hand-off away from its local time.
 *
 * @param start the first day of the rotation: the first participant is on call from the first
 *     hand-off on or after it (on {@code handoffDay} when one is given)
 * @param handoffDay the weekday of the hand-off for weekly rotations; null hands off on any day
 */
public record Rotation(
        List<Person> participants,
        ZoneId zone,
        LocalDate start,
        LocalTime handoffTime,
        DayOfWeek handoffDay,
        int periodDays) {

    public Rotation {
        participants = List.copyOf(participants);
        if (participants.isEmpty()) {
            throw new IllegalArgumentException("a rotation needs at least one participant");
        }
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(handoffTime, "handoffTime");
        if (periodDays < 1) {
            throw new IllegalArgumentException("periodDays must be 1 or more, was " + periodDays);
        }
    }

    /** A weekly rotation handing off on {@code day} at {@code time}. */
    public static Rotation weekly(
            List<Person> participants,
            ZoneId zone,
            LocalDate start,
            DayOfWeek day,
            LocalTime time) {
        return new Rotation(participants, zone, start, time, day, 7);
    }

    /** A rotation handing off every day at {@code time}. */
    public static Rotation daily(
            List<Person> participants, ZoneId zone, LocalDate start, LocalTime time) {
        return new Rotation(participants, zone, start, time, null, 1);
    }

    /** Who is on call at {@code at}; the last participant before the rotation's first hand-off. */
    public Person onCallAt(Instant at) {
        return participants.get(Math.floorMod(turn(at), participants.size()));
    }

    /** The instant of the hand-off that ends the turn running at {@code at}. */
    public Instant nextHandoff(Instant at) {
        return handoffOf(turn(at) + 1);
    }

    /**
     * The number of the turn running at {@code at}: 0 from the first hand-off, negative before it.
     */
    long turn(Instant at) {
        LocalDate localDay = at.atZone(zone).toLocalDate();
        long turn = Math.floorDiv(ChronoUnit.DAYS.between(firstHandoffDay(), localDay), periodDays);

        // The day's hand-off may still be ahead of the instant on the hand-off day itself.
        if (handoffOf(turn).isAfter(at)) {
            turn--;
        }
        return turn;
    }

    private Instant handoffOf(long turn) {
        LocalDate day = firstHandoffDay().plusDays(turn * periodDays);
        // A time that a spring-forward skips moves to after the gap; a time that a fall-back
        // repeats takes its first occurrence (ZonedDateTime.of does both).
        return ZonedDateTime.of(day, handoffTime, zone).toInstant();
    }

    private LocalDate firstHandoffDay() {
        return handoffDay == null ? start : start.with(TemporalAdjusters.nextOrSame(handoffDay));
    }
}
