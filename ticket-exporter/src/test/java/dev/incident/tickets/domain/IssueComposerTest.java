package dev.incident.tickets.domain;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.incident.events.model.Customer;
import dev.incident.events.state.IncidentState;
import dev.incident.events.state.IncidentState.FollowUp;
import dev.incident.tickets.IncidentLog;

import static org.assertj.core.api.Assertions.assertThat;

class IssueComposerTest {

    private final IssueComposer composer =
            new IssueComposer(
                    "ops/follow-ups",
                    Map.of("acme", "acme-corp/platform"),
                    Map.of(IncidentLog.BOB.id(), "bob-tanaka"),
                    "https://incidents.example.com/incidents/{incidentId}");

    @Test
    void shouldDraftTheIssueWithTheIncidentsFactsLinksLabelsAndCoordinator() {
        // given
        IncidentLog log =
                IncidentLog.of("inc-1")
                        .p1()
                        .followUp("FU-1", "Add a timeout alarm on the gateway\nIt hid for 20 min.")
                        .closed()
                        .postmortem("https://docs.google.com/document/d/pm-1");

        // when
        IssueDraft draft = composer.draft(state(log), followUp(log, "FU-1"));

        // then
        assertThat(draft.repository()).isEqualTo("acme-corp/platform");
        assertThat(draft.title()).isEqualTo("Add a timeout alarm on the gateway");
        assertThat(draft.labels()).containsExactly("incident", "follow-up", "severity:P1");
        assertThat(draft.assignee()).isEqualTo("bob-tanaka");
        assertThat(draft.body())
                .contains("It hid for 20 min.")
                .contains("[INC-0042](https://incidents.example.com/incidents/inc-1)")
                .contains("| Severity | P1 |")
                .contains("ACME Logistics (`acme`)")
                .contains("[#inc-0042-checkout](https://acme.slack.com/archives/C07INC0042)")
                .contains("[postmortem](https://docs.google.com/document/d/pm-1)")
                .contains("| Coordinator | Bob Tanaka |")
                .endsWith("<!-- incident-followup: inc-1/FU-1 -->\n");
        assertThat(draft.notBefore()).isBefore(IncidentLog.T0);
    }

    @Test
    void shouldUseTheDefaultRepositoryAndNoAssigneeWhenNothingIsConfigured() {
        // given an unknown customer and a coordinator without a GitHub login
        IncidentLog log =
                IncidentLog.of("inc-2")
                        .declared(Customer.unknown("example.org"))
                        .followUp("FU-1", "Write a runbook")
                        .closed();

        // when
        IssueDraft draft = composer.draft(state(log), followUp(log, "FU-1"));

        // then
        assertThat(draft.repository()).isEqualTo("ops/follow-ups");
        assertThat(draft.assignee()).isNull();
        assertThat(draft.body())
                .contains("| Channel | not known yet |")
                .contains("| Postmortem | not known yet |");
    }

    @Test
    void shouldKeepLongTitlesToOneShortLine() {
        assertThat(IssueComposer.title("x".repeat(300))).hasSize(200).endsWith("…");
        assertThat(IssueComposer.title("  \n  ")).isEqualTo("Follow-up");
    }

    @Test
    void shouldFindItsMarkerOnlyInTheBodyOfItsOwnFollowUp() {
        ExportMarker marker = new ExportMarker("inc-1", "FU-1");

        assertThat(marker.foundIn("text\n<!-- incident-followup: inc-1/FU-1 -->\n")).isTrue();
        assertThat(marker.foundIn("<!-- incident-followup: inc-1/FU-10 -->")).isFalse();
        assertThat(marker.foundIn(null)).isFalse();
    }

    private static IncidentState state(IncidentLog log) {
        return IncidentState.fold(log.incidentId(), log.events());
    }

    private static FollowUp followUp(IncidentLog log, String id) {
        return state(log).followUps().stream().filter(f -> f.id().equals(id)).findFirst().get();
    }
}
