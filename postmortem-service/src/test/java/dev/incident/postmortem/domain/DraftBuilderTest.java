package dev.incident.postmortem.domain;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.incident.events.event.EventEnvelope;
import dev.incident.events.event.IncidentEvent.MessagePinned;
import dev.incident.events.model.Actor;
import dev.incident.postmortem.LongIncident;
import dev.incident.postmortem.domain.PostmortemDraft.TimelineEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DraftBuilderTest {

    private static final String INCIDENT = "inc-long-7k2q";
    private static final Reviewer REVIEWER =
            new Reviewer(Actor.slackUser("U0AE", "Erin Account"), "erin@example.com");

    private final List<EventEnvelope> log = LongIncident.log(INCIDENT).events();
    private final DraftBuilder builder = new DraftBuilder(ZoneId.of("UTC"));

    @Test
    void shouldShowEveryPinAtItsOwnTimeInTimeOrder() {
        PostmortemDraft draft = builder.build(INCIDENT, log, REVIEWER);

        List<TimelineEntry> pins = pins(draft);
        assertThat(pins).hasSize(LongIncident.PINS - 1);
        assertThat(pins).isSortedAccordingTo(Comparator.comparing(TimelineEntry::at));
        for (TimelineEntry pin : pins) {
            int i = pinNumber(pin);
            assertThat(pin.at()).isEqualTo(LongIncident.postedAt(i));
            assertThat(pin.text()).isEqualTo(LongIncident.pinText(i));
            assertThat(pin.link()).startsWith("https://acme.slack.com/archives/C0INC/p");
        }
        assertThat(pins.get(0).time()).isEqualTo("2026-11-30 09:17:07 UTC");
        assertThat(pins.get(0).sinceDeclared()).isEqualTo("+3 min");
        assertThat(pins.get(0).who()).isEqualTo("Alice Moreau");
    }

    @Test
    void shouldPlacePinsAmongTheOtherEventsByTheirPostedTimeNotByWhenTheyWerePinned() {
        List<MessagePinned> loggedOrder =
                log.stream()
                        .map(EventEnvelope::payload)
                        .filter(MessagePinned.class::isInstance)
                        .map(MessagePinned.class::cast)
                        .toList();
        assertThat(loggedOrder)
                .as("the fixture pins out of order, else this test proves nothing")
                .isNotEqualTo(
                        loggedOrder.stream()
                                .sorted(Comparator.comparing(MessagePinned::postedAt))
                                .toList());

        PostmortemDraft draft = builder.build(INCIDENT, log, REVIEWER);

        assertThat(draft.timeline()).isSortedAccordingTo(Comparator.comparing(TimelineEntry::at));
        assertThat(draft.timeline().get(0).kind()).isEqualTo("Declared");
        assertThat(draft.timeline().get(draft.timeline().size() - 1).kind()).isEqualTo("Closed");
    }

    @Test
    void shouldLeaveOutAPinThatWasRemoved() {
        PostmortemDraft draft = builder.build(INCIDENT, log, REVIEWER);

        assertThat(pins(draft))
                .extracting(TimelineEntry::text)
                .doesNotContain(LongIncident.pinText(LongIncident.REMOVED_PIN));
    }

    @Test
    void shouldMeasureEachDurationFromTheDeclaration() {
        PostmortemDraft draft = builder.build(INCIDENT, log, REVIEWER);

        assertThat(draft.durations())
                .extracting(
                        PostmortemDraft.DurationLine::label, PostmortemDraft.DurationLine::value)
                .containsExactly(
                        tuple("To confirmation", "7 min"),
                        tuple("To a coordinator", "21 min"),
                        tuple("To fixing", "1 h 05 min"),
                        tuple("To monitoring", "2 h 10 min"),
                        tuple("In total", "3 h 15 min"));
    }

    @Test
    void shouldNameTheReporterRolesThePagedAndTheReviewer() {
        PostmortemDraft draft = builder.build(INCIDENT, log, REVIEWER);

        assertThat(draft.people())
                .extracting(PostmortemDraft.Person::role, PostmortemDraft.Person::name)
                .startsWith(
                        tuple("Incident Coordinator", "Bob Tanaka"),
                        tuple("Operations Engineer", "Alice Moreau"),
                        tuple("Reporter", "ACME Ops"))
                .contains(tuple("Reviewer (account engineer)", "Erin Account"));
        assertThat(draft.reviewer().name()).isEqualTo("Erin Account");
        assertThat(draft.customer()).isEqualTo("ACME Logistics");
        assertThat(draft.severity()).isEqualTo("P1");
    }

    @Test
    void shouldTellEscalationsStatusChangesRemindersAndCustomerUpdates() {
        PostmortemDraft draft = builder.build(INCIDENT, log, REVIEWER);

        assertThat(draft.timeline())
                .filteredOn(e -> !e.kind().equals("Pinned"))
                .extracting(TimelineEntry::sinceDeclared, TimelineEntry::kind, TimelineEntry::text)
                .contains(
                        tuple("+7 min", "Confirmed", "Confirmed as P1"),
                        tuple(
                                "+10 min",
                                "Escalation",
                                "Paged Bob Tanaka for incident-coordinators via builtin"
                                        + " (P1 confirmed)"),
                        tuple("+21 min", "Role", "Bob Tanaka became Incident Coordinator"),
                        tuple("+37 min", "Reminder", "30 minutes since the last customer update"),
                        tuple(
                                "+40 min",
                                "Customer update",
                                "Customer told: EU checkout down, on it"),
                        tuple(
                                "+1 h 05 min",
                                "Status",
                                "Investigating → Fixing: Rolling back release 4.18"),
                        tuple(
                                "+2 h 30 min",
                                "Status",
                                "Monitoring → Fixing: Errors are back on one node"),
                        tuple("+3 h 15 min", "Closed", "Rolled back to 4.17; memory limit raised"));
        assertThat(draft.followUps())
                .extracting(PostmortemDraft.FollowUpLine::id, PostmortemDraft.FollowUpLine::link)
                .containsExactly(
                        tuple("FU-1", "https://github.com/acme/ops/issues/812"), tuple("FU-2", ""));
    }

    @Test
    void shouldShowTimesInTheConfiguredZone() {
        PostmortemDraft draft =
                new DraftBuilder(ZoneId.of("Europe/Paris")).build(INCIDENT, log, null);

        assertThat(draft.declaredAt()).isEqualTo("2026-11-30 10:14:07 CET");
        assertThat(draft.reviewer()).isNull();
    }

    private static List<TimelineEntry> pins(PostmortemDraft draft) {
        return draft.timeline().stream().filter(e -> e.kind().equals("Pinned")).toList();
    }

    private static int pinNumber(TimelineEntry pin) {
        for (int i = 0; i < LongIncident.PINS; i++) {
            if (LongIncident.postedAt(i).equals(pin.at())) {
                return i;
            }
        }
        throw new AssertionError("no pin posted at " + pin.at());
    }
}
