package dev.incident.slack.inbound;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.incident.events.command.IncidentCommand.AssignRole;
import dev.incident.events.command.IncidentCommand.ChangeStatus;
import dev.incident.events.command.IncidentCommand.CloseIncident;
import dev.incident.events.command.IncidentCommand.ConfirmSeverity;
import dev.incident.events.command.IncidentCommand.RequestEscalation;
import dev.incident.events.event.EventChain;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.event.IncidentEvent;
import dev.incident.events.event.IncidentEvent.ChannelAttached;
import dev.incident.events.event.IncidentEvent.IncidentDeclared;
import dev.incident.events.event.IncidentEvent.RoleAssigned;
import dev.incident.events.model.Actor;
import dev.incident.events.model.DeclarationSource;
import dev.incident.events.model.IncidentMode;
import dev.incident.events.model.IncidentStatus;
import dev.incident.events.model.Role;
import dev.incident.events.model.Severity;
import dev.incident.slack.inbound.domain.CardActions;
import dev.incident.slack.inbound.domain.Decision;
import dev.incident.slack.inbound.domain.Decision.ModalKind;
import dev.incident.slack.inbound.domain.Decision.OpenModal;
import dev.incident.slack.inbound.domain.Decision.Reply;
import dev.incident.slack.inbound.domain.Decision.Send;
import dev.incident.slack.inbound.domain.IncidentDirectory;
import dev.incident.slack.inbound.domain.Permissions;
import dev.incident.slack.inbound.domain.Requester;
import dev.incident.slack.inbound.domain.SlashCommands;

import static org.assertj.core.api.Assertions.assertThat;

class SlashCommandsTest {

    private static final String INCIDENT = "inc-1";
    private static final String CHANNEL = "CINC1";

    private final IncidentDirectory directory = new IncidentDirectory();
    private final Permissions permissions = new Permissions(true, Set.of("UADMIN"));
    private final SlashCommands commands = new SlashCommands(directory, permissions);
    private final CardActions buttons = new CardActions(directory, permissions);

    @Test
    void shouldActOnTheChannelsIncidentOrOnTheNamedReference() {
        givenIncidentInChannel();

        Decision inChannel = commands.decide("severity p2", user("UREP", CHANNEL), "inc");
        Decision elsewhere = commands.decide("INC-TEST close Fixed", user("UADMIN", "CGEN"), "gen");
        Decision afterSub = commands.decide("close inc-test Fixed", user("UADMIN", "CGEN"), "gen");

        assertThat(sent(inChannel).incidentId()).isEqualTo(INCIDENT);
        assertThat(sent(inChannel).command())
                .isEqualTo(new ConfirmSeverity(Severity.P2, List.of()));
        assertThat(sent(elsewhere).command()).isEqualTo(new CloseIncident("Fixed"));
        assertThat(sent(afterSub).command()).isEqualTo(new CloseIncident("Fixed"));
    }

    @Test
    void shouldExplainWhenNoIncidentIsNamedOutsideAnIncidentChannel() {
        givenIncidentInChannel();

        Decision decision = commands.decide("update fixing", user("UREP", "CGEN"), "gen");
        Decision unknown = commands.decide("INC-ZZZZ status", user("UREP", "CGEN"), "gen");

        assertThat(((Reply) decision).text()).contains("not an incident channel");
        assertThat(((Reply) unknown).text()).contains("I do not know an incident INC-ZZZZ");
    }

    @Test
    void shouldOpenModalsForABareDeclareAndABareSeverityInTriage() {
        givenIncidentInChannel();

        Decision declare = commands.decide("declare", user("UREP", "CGEN"), "gen");
        Decision triage = commands.decide("severity", user("UREP", CHANNEL), "inc");

        assertThat(((OpenModal) declare).kind()).isEqualTo(ModalKind.DECLARE);
        assertThat(((OpenModal) triage).kind()).isEqualTo(ModalKind.TRIAGE);
    }

    @Test
    void shouldReadStatusesTargetsRolesAndMentions() {
        givenIncidentInChannel();

        assertThat(command("update monitoring"))
                .isEqualTo(new ChangeStatus(IncidentStatus.MONITORING, null));
        assertThat(command("escalate db-oncall replica lag"))
                .isEqualTo(new RequestEscalation("db-oncall", "replica lag"));
        assertThat(command("escalate IC")).isEqualTo(new RequestEscalation("ic", null));
        assertThat(command("role oe <@U123>"))
                .isEqualTo(new AssignRole(Role.OPERATIONS_ENGINEER, Actor.slackUser("U123", null)));
        assertThat(reply("role ic nobody")).contains("/inc role ic|oe @someone");
        assertThat(reply("severity p3")).contains("`p1` or `p2`");
        assertThat(reply("close")).contains("/inc close <resolution>");
        assertThat(reply("")).isEqualTo(SlashCommands.HELP);
        assertThat(reply("help")).isEqualTo(SlashCommands.HELP);
    }

    @Test
    void shouldLetOnlyTheCoordinatorAndAdminsCloseAndDecline() {
        givenIncidentInChannel();

        assertThat(((Reply) commands.decide("close Fixed", user("UOTHER", CHANNEL), "inc")).text())
                .isEqualTo(
                        "Only its incident coordinator <@UCOORD> or an incident admin can close"
                                + " INC-TEST. Ask them, or ask for the coordinator role with /inc"
                                + " role ic.");
        assertThat(commands.decide("close Fixed", user("UCOORD", CHANNEL), "inc"))
                .isInstanceOf(Send.class);
        assertThat(commands.decide("decline no", user("UADMIN", CHANNEL), "inc"))
                .isInstanceOf(Send.class);
        assertThat(buttons.decide(CardActions.DECLINE, INCIDENT, user("UOTHER", CHANNEL)))
                .isInstanceOf(Reply.class);
        assertThat(buttons.decide(CardActions.DECLINE, INCIDENT, user("UCOORD", CHANNEL)))
                .isEqualTo(
                        new OpenModal(ModalKind.DECLINE, directory.byId(INCIDENT).orElseThrow()));
    }

    @Test
    void shouldLetAnyoneCloseWhenNotRestricted() {
        givenIncidentInChannel();
        SlashCommands open = new SlashCommands(directory, Permissions.open());

        assertThat(open.decide("close Fixed", user("UOTHER", CHANNEL), "inc"))
                .isInstanceOf(Send.class);
    }

    @Test
    void shouldTurnCardButtonsIntoCommands() {
        givenIncidentInChannel();

        Decision p1 = buttons.decide(CardActions.CONFIRM_P1, INCIDENT, user("UREP", CHANNEL));
        Decision accept =
                buttons.decide(
                        CardActions.ESCALATION_ACCEPT,
                        INCIDENT + "|OPERATIONS_ENGINEER",
                        user("UOE", CHANNEL));
        Decision unknown = buttons.decide("something_else", INCIDENT, user("UREP", CHANNEL));

        assertThat(sent(p1).command()).isEqualTo(new ConfirmSeverity(Severity.P1, List.of()));
        assertThat(sent(accept).command())
                .isEqualTo(new AssignRole(Role.OPERATIONS_ENGINEER, Actor.slackUser("UOE", "uoe")));
        assertThat(unknown).isInstanceOf(Reply.class);
        assertThat(buttons.decide(CardActions.ESCALATE, INCIDENT, user("UREP", CHANNEL)))
                .isInstanceOf(OpenModal.class);
    }

    private Object command(String text) {
        return sent(commands.decide(text, user("UREP", CHANNEL), "inc")).command();
    }

    private String reply(String text) {
        return ((Reply) commands.decide(text, user("UREP", CHANNEL), "inc")).text();
    }

    private static Send sent(Decision decision) {
        assertThat(decision).isInstanceOf(Send.class);
        return (Send) decision;
    }

    private static Requester user(String id, String channel) {
        return new Requester("T1", id, id.toLowerCase(), channel);
    }

    private void givenIncidentInChannel() {
        apply(
                1,
                new IncidentDeclared(
                        "INC-TEST",
                        "Checkout is slow",
                        null,
                        DeclarationSource.SLASH_COMMAND,
                        IncidentMode.TRIAGE,
                        null,
                        null,
                        Actor.slackUser("UREP", null),
                        null,
                        Map.of()));
        apply(2, new ChannelAttached(CHANNEL, "inc-test", null));
        apply(3, new RoleAssigned(Role.INCIDENT_COORDINATOR, Actor.slackUser("UCOORD", null)));
    }

    private void apply(long sequence, IncidentEvent event) {
        directory.apply(
                new EventEnvelope(
                        UUID.randomUUID(),
                        event.type(),
                        1,
                        INCIDENT,
                        sequence,
                        Instant.now(),
                        Instant.now(),
                        Actor.service("test"),
                        UUID.randomUUID(),
                        EventChain.GENESIS,
                        EventChain.GENESIS,
                        event));
    }
}
