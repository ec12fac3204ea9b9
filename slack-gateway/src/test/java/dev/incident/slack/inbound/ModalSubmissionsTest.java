package dev.incident.slack.inbound;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.incident.events.command.IncidentCommand.ChangeStatus;
import dev.incident.events.command.IncidentCommand.DeclareIncident;
import dev.incident.events.command.IncidentCommand.RequestEscalation;
import dev.incident.events.command.IncidentCommand.UpdateSummary;
import dev.incident.events.model.IncidentMode;
import dev.incident.events.model.IncidentStatus;
import dev.incident.events.model.Severity;
import dev.incident.events.model.TriageAnswer;
import dev.incident.events.state.IncidentIds;
import dev.incident.slack.inbound.domain.IncidentDirectory;
import dev.incident.slack.inbound.domain.ModalContext;
import dev.incident.slack.inbound.domain.ModalSubmissions;
import dev.incident.slack.inbound.domain.ModalSubmissions.Invalid;
import dev.incident.slack.inbound.domain.ModalSubmissions.Outcome;
import dev.incident.slack.inbound.domain.ModalSubmissions.Recommend;
import dev.incident.slack.inbound.domain.ModalSubmissions.Refused;
import dev.incident.slack.inbound.domain.ModalSubmissions.Submit;
import dev.incident.slack.inbound.domain.Permissions;
import dev.incident.slack.inbound.domain.Requester;
import dev.incident.slack.inbound.domain.TriageDecision;

import static org.assertj.core.api.Assertions.assertThat;

class ModalSubmissionsTest {

    private static final ModalContext CARD =
            ModalContext.forIncident("inc-9", "T1", "CINC", "https://hooks.example.com/r/1");
    private static final Requester PERSON = new Requester("T1", "UREP", "rep", "CINC");

    private final TriageDecision triage =
            new TriageDecision(List.of("Is production impaired?", "Is there no workaround?"));
    private final ModalSubmissions submissions =
            new ModalSubmissions(
                    triage, new Permissions(true, Set.of("UADMIN")), new IncidentDirectory());

    @Test
    void shouldDeclareFromTheSourceMessageWithTheSameIdEveryTime() {
        ModalContext message =
                new ModalContext(
                        null, "T1", "CALERTS", "1764770000.000100", "https://l", null, null);
        Map<String, String> form =
                Map.of("title", "Checkout slow", "mode", "live", "severity", "unknown");

        Submit first = submit(ModalSubmissions.DECLARE, "V1", form, message);
        Submit second = submit(ModalSubmissions.DECLARE, "V2", form, message);

        String expected = IncidentIds.fromSlackMessage("T1", "CALERTS", "1764770000.000100");
        assertThat(first.incidentId()).isEqualTo(expected);
        assertThat(second.incidentId()).isEqualTo(expected);
        DeclareIncident declare = (DeclareIncident) first.command();
        assertThat(declare.mode()).isEqualTo(IncidentMode.LIVE);
        assertThat(declare.severity()).isNull();
        assertThat(declare.customer()).isNull();
        assertThat(declare.sourceReference()).isEqualTo("https://l");
    }

    @Test
    void shouldAskForANameWhenTheDeclareFormHasNone() {
        Outcome outcome =
                submissions.decide(ModalSubmissions.DECLARE, "V1", Map.of(), CARD, PERSON);

        assertThat(((Invalid) outcome).errors()).containsKey("title");
    }

    @Test
    void shouldRecommendP1WhenAnyAnswerIsYesAndP2Otherwise() {
        Outcome yes =
                submissions.decide(
                        ModalSubmissions.TRIAGE,
                        "V",
                        Map.of("q0", "no", "q1", "yes"),
                        CARD,
                        PERSON);
        Outcome no =
                submissions.decide(
                        ModalSubmissions.TRIAGE, "V", Map.of("q0", "no", "q1", "no"), CARD, PERSON);
        Outcome missing =
                submissions.decide(ModalSubmissions.TRIAGE, "V", Map.of("q0", "no"), CARD, PERSON);

        assertThat(((Recommend) yes).recommended()).isEqualTo(Severity.P1);
        assertThat(((Recommend) yes).context().answers())
                .containsExactly(
                        new TriageAnswer("Is production impaired?", "no"),
                        new TriageAnswer("Is there no workaround?", "yes"));
        assertThat(((Recommend) no).recommended()).isEqualTo(Severity.P2);
        assertThat(((Invalid) missing).errors()).containsKey("q1");
    }

    @Test
    void shouldTurnTheEscalateAndUpdateFormsIntoCommands() {
        assertThat(
                        submit(
                                        ModalSubmissions.ESCALATE,
                                        "V",
                                        Map.of("target", "db-oncall", "reason", "replica lag"),
                                        CARD)
                                .command())
                .isEqualTo(new RequestEscalation("db-oncall", "replica lag"));
        assertThat(
                        submit(
                                        ModalSubmissions.UPDATE,
                                        "V",
                                        Map.of("status", "monitoring", "summary", "Fix deployed"),
                                        CARD)
                                .command())
                .isEqualTo(new ChangeStatus(IncidentStatus.MONITORING, "Fix deployed"));
        assertThat(
                        submit(
                                        ModalSubmissions.UPDATE,
                                        "V",
                                        Map.of("status", "keep", "summary", "Still on it"),
                                        CARD)
                                .command())
                .isEqualTo(new UpdateSummary("Still on it"));
        assertThat(
                        submissions.decide(
                                ModalSubmissions.UPDATE,
                                "V",
                                Map.of("status", "keep"),
                                CARD,
                                PERSON))
                .isInstanceOf(Invalid.class);
    }

    @Test
    void shouldRefuseADeclineBySomeoneWhoIsNeitherCoordinatorNorAdmin() {
        Outcome refused =
                submissions.decide(
                        ModalSubmissions.DECLINE, "V", Map.of("reason", "test"), CARD, PERSON);
        Outcome admin =
                submissions.decide(
                        ModalSubmissions.DECLINE,
                        "V",
                        Map.of("reason", "test"),
                        CARD,
                        new Requester("T1", "UADMIN", "admin", "CINC"));

        assertThat(((Refused) refused).reason()).contains("Only its incident coordinator");
        assertThat(admin).isInstanceOf(Submit.class);
    }

    private Submit submit(
            String callbackId, String viewId, Map<String, String> form, ModalContext context) {
        Outcome outcome = submissions.decide(callbackId, viewId, form, context, PERSON);
        assertThat(outcome).isInstanceOf(Submit.class);
        return (Submit) outcome;
    }
}
