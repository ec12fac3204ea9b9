package dev.incident.escalation.domain;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.incident.events.model.Role;

import static dev.incident.escalation.domain.RotationTest.ANNA;
import static dev.incident.escalation.domain.RotationTest.BEN;
import static dev.incident.escalation.domain.RotationTest.CARA;
import static dev.incident.escalation.domain.RotationTest.at;
import static dev.incident.escalation.domain.RotationTest.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleTest {

    static final Person DAN = person("dan", "U0OE00004");
    static final Person EVE = person("eve", "U0OE00005");

    /** Layer 1 Anna/Ben/Cara, layer 2 Ben/Cara/Anna, both weekly Monday 09:00 London. */
    static Schedule twoLayers(List<OnCallOverride> overrides) {
        Rotation primary = RotationTest.weeklyLondon();
        Rotation secondary =
                new Rotation(
                        List.of(BEN, CARA, ANNA),
                        primary.zone(),
                        primary.start(),
                        primary.handoffTime(),
                        primary.handoffDay(),
                        7);
        return new Schedule(
                "oe",
                Role.OPERATIONS_ENGINEER,
                List.of(primary, secondary),
                overrides,
                ProviderChoice.builtin());
    }

    @Test
    void shouldNameEveryLayersOnCallInOrder() {
        Schedule schedule = twoLayers(List.of());

        assertThat(schedule.onCall(at("2026-01-13T12:00:00Z"))).containsExactly(BEN, CARA);
        assertThat(schedule.onCall(2, at("2026-01-13T12:00:00Z"))).contains(CARA);
    }

    @Test
    void shouldHaveNobodyOnALayerItDoesNotHave() {
        assertThat(twoLayers(List.of()).onCall(3, at("2026-01-13T12:00:00Z"))).isEmpty();
    }

    @Test
    void shouldPutTheOverridingPersonOnCallForThePeriodOnly() {
        Instant from = at("2026-01-14T18:00:00Z");
        Instant until = at("2026-01-16T09:00:00Z");
        Schedule schedule = twoLayers(List.of(new OnCallOverride(DAN, 1, from, until)));

        assertThat(schedule.onCall(1, from.minusSeconds(1))).contains(BEN);
        assertThat(schedule.onCall(1, from)).contains(DAN);
        assertThat(schedule.onCall(1, until.minusSeconds(1))).contains(DAN);
        assertThat(schedule.onCall(1, until)).contains(BEN);
    }

    @Test
    void shouldLeaveTheOtherLayersAloneDuringAnOverride() {
        Instant from = at("2026-01-14T18:00:00Z");
        Schedule schedule =
                twoLayers(List.of(new OnCallOverride(DAN, 1, from, from.plusSeconds(3600))));

        assertThat(schedule.onCall(from)).containsExactly(DAN, CARA);
    }

    @Test
    void shouldLetTheLaterOfTwoOverlappingOverridesWin() {
        Instant from = at("2026-01-14T00:00:00Z");
        Schedule schedule =
                twoLayers(
                        List.of(
                                new OnCallOverride(DAN, 1, from, from.plusSeconds(86_400)),
                                new OnCallOverride(
                                        EVE, 1, from.plusSeconds(3600), from.plusSeconds(7200))));

        assertThat(schedule.onCall(1, from.plusSeconds(3600))).contains(EVE);
        assertThat(schedule.onCall(1, from.plusSeconds(7200))).contains(DAN);
    }

    @Test
    void shouldKeepAnOverrideAcrossAHandOff() {
        // Cover from Sunday to Tuesday spans the Monday 09:00 hand-off from Ben to Cara.
        Schedule schedule =
                twoLayers(
                        List.of(
                                new OnCallOverride(
                                        DAN,
                                        1,
                                        at("2026-01-18T00:00:00Z"),
                                        at("2026-01-20T00:00:00Z"))));

        assertThat(schedule.onCall(1, at("2026-01-19T09:00:00Z"))).contains(DAN);
        assertThat(schedule.onCall(1, at("2026-01-20T00:00:00Z"))).contains(CARA);
    }

    @Test
    void shouldRefuseABuiltinScheduleWithoutLayers() {
        assertThatThrownBy(
                        () ->
                                new Schedule(
                                        "empty",
                                        null,
                                        List.of(),
                                        List.of(),
                                        ProviderChoice.builtin()))
                .hasMessageContaining("no layers");
    }
}
