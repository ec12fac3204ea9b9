package dev.incident.events;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.incident.events.event.EventEnvelope;
import dev.incident.events.model.IncidentStatus;
import dev.incident.events.model.Role;
import dev.incident.events.model.Severity;
import dev.incident.events.state.IncidentIds;
import dev.incident.events.state.IncidentState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentStateTest {

    private final List<EventEnvelope> log = ContractSamples.chainedEvents("inc-state");

    @Test
    void shouldFoldTheSampleLogIntoItsLastState() {
        IncidentState state = IncidentState.fold("inc-state", log);

        assertThat(state.reference()).isEqualTo("INC-7K2Q");
        assertThat(state.severity()).isEqualTo(Severity.P1);
        assertThat(state.role(Role.INCIDENT_COORDINATOR)).contains(ContractSamples.BOB);
        assertThat(state.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(state.resolution()).isEqualTo("Rolled back to 4.17; memory limit raised");
        assertThat(state.pins()).as("pinned, then unpinned").isEmpty();
        assertThat(state.followUps())
                .singleElement()
                .satisfies(f -> assertThat(f.issueUrl()).endsWith("/issues/812"));
        assertThat(state.lastSequence()).isEqualTo(log.size());
        assertThat(state.lastHash()).isEqualTo(log.get(log.size() - 1).hash());
    }

    @Test
    void shouldMoveATriageIncidentToInvestigatingWhenConfirmed() {
        IncidentState state = IncidentState.fold("inc-state", log.subList(0, 2));

        assertThat(state.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(state.sinceDeclared(state.confirmedAt())).contains(Duration.ofMinutes(1));
    }

    @Test
    void shouldRefuseAnEventOutOfSequence() {
        IncidentState state = IncidentState.fold("inc-state", log.subList(0, 2));

        assertThatThrownBy(() -> state.apply(log.get(3)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("event 4 after 2");
    }

    @Test
    void shouldDeriveTheSameIdFromTheSameSourceAndAShortReference() {
        String id = IncidentIds.fromEmail("<CAF=urgent-42@mail.acme.example.com>");

        assertThat(IncidentIds.fromEmail("CAF=urgent-42@mail.acme.example.com")).isEqualTo(id);
        assertThat(IncidentIds.fromEmail("<other@mail.acme.example.com>")).isNotEqualTo(id);
        assertThat(IncidentIds.reference(id, 4)).matches("INC-[A-HJ-NP-Z2-9]{4}");
        assertThat(IncidentIds.reference(id, 6)).startsWith(IncidentIds.reference(id, 4));
    }
}
