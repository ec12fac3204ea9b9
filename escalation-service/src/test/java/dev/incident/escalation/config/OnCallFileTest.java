package dev.incident.escalation.config;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.incident.escalation.domain.OnCallSetup;
import dev.incident.escalation.domain.Person;
import dev.incident.escalation.domain.Schedule;
import dev.incident.events.model.Role;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnCallFileTest {

    static OnCallSetup local() throws Exception {
        try (InputStream in = OnCallFileTest.class.getResourceAsStream("/oncall-local.yaml")) {
            return OnCallFile.read(in);
        }
    }

    @Test
    void shouldReadTheLocalSetupsSchedulesAndRoles() throws Exception {
        OnCallSetup setup = local();

        assertThat(setup.operationsEngineers().role()).isEqualTo(Role.OPERATIONS_ENGINEER);
        assertThat(setup.incidentCoordinators().role()).isEqualTo(Role.INCIDENT_COORDINATOR);
        assertThat(setup.incidentCoordinators().provider().provider()).isEqualTo("opsgenie");
        assertThat(setup.incidentCoordinators().provider().fallbackToBuiltin()).isTrue();
        assertThat(setup.matrix("acme").orElseThrow()).hasSize(3);
    }

    @Test
    void shouldPutTheLocalRotationsPeopleOnCall() throws Exception {
        Schedule oe = local().operationsEngineers();

        // Monday 7 December 2026 09:00 GMT is turn 48 of the OE rotation: 48 mod 3 = 0.
        assertThat(oe.onCall(Instant.parse("2026-12-07T09:00:00Z")))
                .extracting(Person::slackId)
                .containsExactly("U0OE00001", "U0OE00002");
    }

    @Test
    void shouldReadOverrideTimesInTheSchedulesZone() throws Exception {
        Schedule oe = local().operationsEngineers();

        // Omar's week (turn 50); Olivia covers from 24 December 18:00 London, 18:00 UTC.
        assertThat(oe.onCall(1, Instant.parse("2026-12-24T17:59:59Z")))
                .map(Person::key)
                .contains("omar");
        assertThat(oe.onCall(1, Instant.parse("2026-12-24T18:00:00Z")))
                .map(Person::key)
                .contains("olivia");
        assertThat(oe.onCall(1, Instant.parse("2026-12-27T09:00:00Z")))
                .map(Person::key)
                .contains("omar");
    }

    @Test
    void shouldNameTheScheduleThatListsAnUnknownPerson() {
        String yaml =
                """
                people: []
                operations-engineer-schedule: oe
                incident-coordinator-schedule: oe
                schedules:
                  - name: oe
                    time-zone: Europe/London
                    layers:
                      - start: 2026-01-05
                        handoff-time: "09:00"
                        participants: [nobody]
                """;

        assertThatThrownBy(() -> OnCallFile.read(new ByteArrayInputStream(yaml.getBytes(UTF_8))))
                .hasMessageContaining("schedule oe names 'nobody'");
    }

    @Test
    void shouldRefuseAMisspelledKey() {
        String yaml = "peeple: []\n";

        assertThatThrownBy(() -> OnCallFile.read(new ByteArrayInputStream(yaml.getBytes(UTF_8))))
                .hasMessageContaining("peeple");
    }
}
