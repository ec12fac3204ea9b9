package dev.incident.escalation.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RotationTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static final Person ANNA = person("anna", "U0OE00001");
    static final Person BEN = person("ben", "U0OE00002");
    static final Person CARA = person("cara", "U0OE00003");

    static Person person(String key, String slackId) {
        return new Person(key, slackId, key, key + "@example.com");
    }

    /** Weekly, Monday 09:00 London; Anna from Monday 5 January 2026. */
    static Rotation weeklyLondon() {
        return Rotation.weekly(
                List.of(ANNA, BEN, CARA),
                LONDON,
                LocalDate.of(2026, 1, 5),
                DayOfWeek.MONDAY,
                LocalTime.of(9, 0));
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Nested
    class HandOffs {

        @Test
        void shouldGiveTheFirstParticipantTheFirstWeek() {
            assertThat(weeklyLondon().onCallAt(at("2026-01-05T09:00:00Z"))).isEqualTo(ANNA);
            assertThat(weeklyLondon().onCallAt(at("2026-01-12T08:59:59Z"))).isEqualTo(ANNA);
        }

        @Test
        void shouldHandOffExactlyAtTheHandOffInstant() {
            // 12 January 2026 is in winter: 09:00 London is 09:00 UTC.
            Rotation rotation = weeklyLondon();

            assertThat(rotation.onCallAt(at("2026-01-12T08:59:59.999Z"))).isEqualTo(ANNA);
            assertThat(rotation.onCallAt(at("2026-01-12T09:00:00Z"))).isEqualTo(BEN);
        }

        @Test
        void shouldWrapAroundToTheFirstParticipantAfterTheLast() {
            Rotation rotation = weeklyLondon();

            assertThat(rotation.onCallAt(at("2026-01-19T09:00:00Z"))).isEqualTo(CARA);
            assertThat(rotation.onCallAt(at("2026-01-26T09:00:00Z"))).isEqualTo(ANNA);
        }

        @Test
        void shouldStartOnTheFirstHandOffDayOnOrAfterTheStartDate() {
            // Starting on a Wednesday: the first turn begins the next Monday.
            Rotation rotation =
                    Rotation.weekly(
                            List.of(ANNA, BEN),
                            LONDON,
                            LocalDate.of(2026, 1, 7),
                            DayOfWeek.MONDAY,
                            LocalTime.of(9, 0));

            assertThat(rotation.onCallAt(at("2026-01-12T09:00:00Z"))).isEqualTo(ANNA);
            assertThat(rotation.onCallAt(at("2026-01-19T09:00:00Z"))).isEqualTo(BEN);
        }

        @Test
        void shouldCoverTheTimeBeforeTheFirstHandOffWithTheLastParticipant() {
            assertThat(weeklyLondon().onCallAt(at("2026-01-05T08:59:59Z"))).isEqualTo(CARA);
        }

        @Test
        void shouldNameTheNextHandOff() {
            assertThat(weeklyLondon().nextHandoff(at("2026-01-14T12:00:00Z")))
                    .isEqualTo(at("2026-01-19T09:00:00Z"));
        }
    }

    @Nested
    class DaylightSavingInLondon {

        @Test
        void shouldKeepTheWeeklyHandOffAtNineLocalAfterClocksGoForward() {
            // Clocks went forward on Sunday 29 March 2026: Monday 30 March 09:00 BST = 08:00 UTC.
            // 2026-03-30 is turn 12 from 5 January: 12 mod 3 = 0 -> Anna takes over from Cara.
            Rotation rotation = weeklyLondon();

            assertThat(rotation.onCallAt(at("2026-03-30T07:59:59Z"))).isEqualTo(CARA);
            assertThat(rotation.onCallAt(at("2026-03-30T08:00:00Z"))).isEqualTo(ANNA);
        }

        @Test
        void shouldKeepTheWeeklyHandOffAtNineLocalAfterClocksGoBack() {
            // Clocks went back on Sunday 25 October 2026: Monday 26 October 09:00 GMT = 09:00 UTC.
            // A rotation counted in hours would hand off at 08:00 UTC. Turn 42: 42 mod 3 = 0.
            Rotation rotation = weeklyLondon();

            assertThat(rotation.onCallAt(at("2026-10-26T08:00:00Z"))).isEqualTo(CARA);
            assertThat(rotation.onCallAt(at("2026-10-26T08:59:59Z"))).isEqualTo(CARA);
            assertThat(rotation.onCallAt(at("2026-10-26T09:00:00Z"))).isEqualTo(ANNA);
        }

        @Test
        void shouldHandOffAfterTheGapWhenTheHandOffTimeIsSkipped() {
            // 01:30 does not exist on 29 March 2026 in London (01:00 GMT -> 02:00 BST): the
            // hand-off happens at 02:30 BST = 01:30 UTC, one hour into the gap's far side.
            Rotation daily =
                    Rotation.daily(
                            List.of(ANNA, BEN),
                            LONDON,
                            LocalDate.of(2026, 3, 28),
                            LocalTime.of(1, 30));

            assertThat(daily.onCallAt(at("2026-03-29T00:59:59Z"))).isEqualTo(ANNA);
            assertThat(daily.onCallAt(at("2026-03-29T01:00:00Z"))).isEqualTo(ANNA);
            assertThat(daily.onCallAt(at("2026-03-29T01:29:59Z"))).isEqualTo(ANNA);
            assertThat(daily.onCallAt(at("2026-03-29T01:30:00Z"))).isEqualTo(BEN);
        }

        @Test
        void shouldHandOffOnceAtTheFirstOccurrenceWhenTheHandOffTimeRepeats() {
            // 01:30 happens twice on 25 October 2026 in London: 00:30 UTC (BST), 01:30 UTC (GMT).
            Rotation daily =
                    Rotation.daily(
                            List.of(ANNA, BEN),
                            LONDON,
                            LocalDate.of(2026, 10, 24),
                            LocalTime.of(1, 30));

            assertThat(daily.onCallAt(at("2026-10-25T00:29:59Z"))).isEqualTo(ANNA);
            assertThat(daily.onCallAt(at("2026-10-25T00:30:00Z"))).isEqualTo(BEN);
            assertThat(daily.onCallAt(at("2026-10-25T01:30:00Z"))).isEqualTo(BEN);
            assertThat(daily.onCallAt(at("2026-10-26T01:29:59Z"))).isEqualTo(BEN);
            assertThat(daily.onCallAt(at("2026-10-26T01:30:00Z"))).isEqualTo(ANNA);
        }

        @Test
        void shouldMakeTheTurnsAcrossTheChangesTwentyThreeAndTwentyFiveHoursLong() {
            Rotation daily =
                    Rotation.daily(
                            List.of(ANNA, BEN),
                            LONDON,
                            LocalDate.of(2026, 1, 1),
                            LocalTime.of(9, 0));

            // Saturday 28 March 09:00 GMT to Sunday 29 March 09:00 BST: 23 hours.
            assertThat(daily.nextHandoff(at("2026-03-28T09:00:00Z")))
                    .isEqualTo(at("2026-03-29T08:00:00Z"));
            // Saturday 24 October 09:00 BST to Sunday 25 October 09:00 GMT: 25 hours.
            assertThat(daily.nextHandoff(at("2026-10-24T08:00:00Z")))
                    .isEqualTo(at("2026-10-25T09:00:00Z"));
        }
    }

    @Nested
    class DaylightSavingInNewYork {

        @Test
        void shouldKeepTheDailyHandOffAtNineLocalAcrossBothChanges() {
            // 2026: clocks go forward on 8 March and back on 1 November in New York.
            Rotation daily =
                    Rotation.daily(
                            List.of(ANNA, BEN),
                            NEW_YORK,
                            LocalDate.of(2026, 3, 7),
                            LocalTime.of(9, 0));

            assertThat(daily.onCallAt(at("2026-03-07T14:00:00Z"))).isEqualTo(ANNA); // 09:00 EST
            assertThat(daily.onCallAt(at("2026-03-08T12:59:59Z"))).isEqualTo(ANNA);
            assertThat(daily.onCallAt(at("2026-03-08T13:00:00Z"))).isEqualTo(BEN); // 09:00 EDT

            // 1 November 2026 is 239 days after 7 March: an odd turn, Ben's; 09:00 EST = 14:00Z.
            assertThat(daily.onCallAt(at("2026-11-01T13:59:59Z"))).isEqualTo(ANNA);
            assertThat(daily.onCallAt(at("2026-11-01T14:00:00Z"))).isEqualTo(BEN);
        }
    }
}
