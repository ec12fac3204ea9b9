package dev.incident.slack.outbound.domain;

import org.junit.jupiter.api.Test;

import dev.incident.events.model.Role;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleRolesTest {

    @Test
    void shouldReadTheRoleFromTheScheduleName() {
        assertThat(ScheduleRoles.roleFor("oe")).isEqualTo(Role.OPERATIONS_ENGINEER);
        assertThat(ScheduleRoles.roleFor("operations-engineers"))
                .isEqualTo(Role.OPERATIONS_ENGINEER);
        assertThat(ScheduleRoles.roleFor("opsgenie:ops-engineers"))
                .isEqualTo(Role.OPERATIONS_ENGINEER);
        assertThat(ScheduleRoles.roleFor("ic")).isEqualTo(Role.INCIDENT_COORDINATOR);
        assertThat(ScheduleRoles.roleFor("incident-coordinators"))
                .isEqualTo(Role.INCIDENT_COORDINATOR);
        assertThat(ScheduleRoles.roleFor("U024BE7LH")).isEqualTo(Role.INCIDENT_COORDINATOR);
    }
}
