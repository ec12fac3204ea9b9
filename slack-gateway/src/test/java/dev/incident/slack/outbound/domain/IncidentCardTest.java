package dev.incident.slack.outbound.domain;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.incident.events.event.IncidentEvent.IncidentDeclined;
import dev.incident.events.event.IncidentEvent.RoleAssigned;
import dev.incident.events.event.IncidentEvent.SeverityConfirmed;
import dev.incident.events.model.Role;
import dev.incident.events.model.Severity;
import dev.incident.events.state.IncidentState;
import dev.incident.slack.outbound.IncidentLog;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentCardTest {

    @Test
    void shouldOfferConfirmAndDeclineWhileInTriage() {
        IncidentLog log = IncidentLog.fresh();
        log.declaredFromEmail("URGENT: checkout failing");

        List<Map<String, Object>> blocks = IncidentCard.blocks(log.state());

        assertThat(buttons(blocks))
                .containsExactly(
                        "incident_confirm_p1|" + log.incidentId(),
                        "incident_confirm_p2|" + log.incidentId(),
                        "incident_decline|" + log.incidentId());
        assertThat(IncidentCard.text(log.state())).contains("not confirmed", "triage");
    }

    @Test
    void shouldOfferEscalateAndUpdateOnceConfirmedAndShowTheRoles() {
        IncidentLog log = IncidentLog.fresh();
        log.declaredFromEmail("URGENT: checkout failing");
        log.add(IncidentLog.ALICE, new SeverityConfirmed(Severity.P2, List.of()));
        log.add(IncidentLog.ALICE, new RoleAssigned(Role.OPERATIONS_ENGINEER, IncidentLog.BOB));

        List<Map<String, Object>> blocks = IncidentCard.blocks(log.state());

        assertThat(buttons(blocks))
                .containsExactly(
                        "incident_escalate|" + log.incidentId(),
                        "incident_update|" + log.incidentId());
        assertThat(blocks.toString())
                .contains("*Severity*\nP2", "*Operations Engineer*\n<@U0G9QF9C6>", "ACME Logistics")
                .contains("*Incident Coordinator*\n_nobody yet_", "ACME Operations");
    }

    @Test
    void shouldOfferNothingOnceDeclined() {
        IncidentLog log = IncidentLog.fresh();
        log.declaredFromEmail("Newsletter bounce");
        log.add(IncidentLog.ALICE, new IncidentDeclined("Not an incident"));
        IncidentState state = log.state();

        assertThat(buttons(IncidentCard.blocks(state))).isEmpty();
        assertThat(IncidentCard.blocks(state).toString()).contains("Declined: Not an incident");
    }

    @SuppressWarnings("unchecked")
    private static List<String> buttons(List<Map<String, Object>> blocks) {
        return blocks.stream()
                .filter(b -> "actions".equals(b.get("type")))
                .flatMap(b -> ((List<Map<String, Object>>) b.get("elements")).stream())
                .map(button -> button.get("action_id") + "|" + button.get("value"))
                .toList();
    }
}
