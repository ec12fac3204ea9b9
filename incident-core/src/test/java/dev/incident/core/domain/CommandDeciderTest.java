package dev.incident.core.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.IncidentCommand;
import dev.incident.events.command.IncidentCommand.*;
import dev.incident.events.event.ChainVerifier;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.event.IncidentEvent;
import dev.incident.events.event.IncidentEvent.*;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.model.Actor;
import dev.incident.events.model.EscalationOutcome;
import dev.incident.events.model.IncidentMode;
import dev.incident.events.model.IncidentStatus;
import dev.incident.events.model.ReminderRule;
import dev.incident.events.model.Role;
import dev.incident.events.model.Severity;
import dev.incident.events.state.IncidentIds;

import static dev.incident.core.domain.Given.ALICE;
import static dev.incident.core.domain.Given.BOB;
import static dev.incident.core.domain.Given.INCIDENT;
import static dev.incident.core.domain.Given.declare;
import static dev.incident.core.domain.Given.incidentIn;
import static dev.incident.core.domain.Given.nothing;
import static dev.incident.events.model.IncidentStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

class CommandDeciderTest {

    @Test
    void shouldDeclareAnIncidentWithItsShortReference() {
        Given given = nothing();

        Decision decision = given.when(declare(IncidentMode.LIVE));

        IncidentDeclared declared = (IncidentDeclared) only(decision);
        assertThat(declared.reference()).isEqualTo(IncidentIds.reference(INCIDENT, 4));
        assertThat(declared.title()).isEqualTo("Checkout down");
        assertThat(given.history.state().status()).isEqualTo(INVESTIGATING);
        assertThat(given.log.get(0).sequence()).isEqualTo(1);
    }

    @Test
    void shouldAnswerDuplicateWhenTheIncidentIsDeclaredAgain() {
        Given given = incidentIn(TRIAGE);

        Decision decision = given.when(declare(IncidentMode.TRIAGE));

        assertThat(decision).isInstanceOf(Decision.Duplicate.class);
        assertThat(((Decision.Duplicate) decision).reference())
                .isEqualTo(given.history.state().reference());
        assertThat(given.log).hasSize(1);
    }

    @Test
    void shouldAppendNothingForACommandIdDecidedBefore() {
        Given given = incidentIn(INVESTIGATING);
        CommandEnvelope fixing = Given.envelope(new ChangeStatus(FIXING, "found it"));
        given.when(fixing);

        Decision again = given.when(fixing);

        assertThat(again).isInstanceOf(Decision.Duplicate.class);
        assertThat(given.log).hasSize(2);
    }

    @Test
    void shouldAppendNothingForAnIdempotencyKeyAcceptedBefore() {
        Given given = incidentIn(INVESTIGATING);
        String key = "reminder:" + INCIDENT + ":2026-12-03T10:30:00Z";
        IssueReminder reminder =
                new IssueReminder(ReminderRule.CUSTOMER_UPDATE, Given.NOW, "update the customer");
        given.when(Given.envelope(reminder).withIdempotencyKey(key));

        Decision retried = given.when(Given.envelope(reminder).withIdempotencyKey(key));

        assertThat(retried).isInstanceOf(Decision.Duplicate.class);
        assertThat(given.log).hasSize(2);
    }

    @Test
    void shouldLengthenTheReferenceWhenTheShortOneIsTaken() {
        Given given = nothing();
        given.references.taken(IncidentIds.reference(INCIDENT, 4), "someone-else");

        IncidentDeclared declared = (IncidentDeclared) only(given.when(declare(IncidentMode.LIVE)));

        assertThat(declared.reference()).isEqualTo(IncidentIds.reference(INCIDENT, 5));
    }

    @Test
    void shouldRejectAnyCommandForAnUndeclaredIncident() {
        Decision decision = nothing().when(new UpdateSummary("x"));

        assertThat(reason(decision)).contains("no incident " + INCIDENT + " has been declared");
    }

    @Test
    void shouldRejectADeclarationWithoutTitle() {
        DeclareIncident untitled = declare(IncidentMode.LIVE);
        untitled =
                new DeclareIncident(
                        " ",
                        untitled.summary(),
                        untitled.source(),
                        untitled.mode(),
                        untitled.severity(),
                        untitled.customer(),
                        untitled.reporter(),
                        untitled.sourceReference(),
                        untitled.sourceDetails());

        assertThat(reason(nothing().when(untitled))).contains("needs a title");
    }

    @Test
    void shouldMoveATriageIncidentToInvestigatingWhenItsSeverityIsConfirmed() {
        Given given = incidentIn(TRIAGE);

        Decision decision = given.when(new ConfirmSeverity(Severity.P1, List.of()));

        assertThat(only(decision)).isEqualTo(new SeverityConfirmed(Severity.P1, List.of()));
        assertThat(given.history.state().status()).isEqualTo(INVESTIGATING);
        assertThat(given.history.state().severity()).isEqualTo(Severity.P1);
    }

    @Test
    void shouldRaiseTheSeverityOfALiveIncident() {
        Given given = incidentIn(INVESTIGATING);

        Decision decision = given.when(new ConfirmSeverity(Severity.P2, List.of()));

        assertThat(only(decision)).isInstanceOf(SeverityConfirmed.class);
        assertThat(given.history.state().status()).isEqualTo(INVESTIGATING);
    }

    @Test
    void shouldRejectConfirmingTheSeverityItAlreadyHas() {
        Decision decision = incidentIn(FIXING).when(new ConfirmSeverity(Severity.P1, null));

        assertThat(reason(decision)).contains("already confirmed as P1");
    }

    @Test
    void shouldDeclineATriageIncident() {
        Given given = incidentIn(TRIAGE);

        Decision decision = given.when(new DeclineIncident("a test alert"));

        assertThat(only(decision)).isEqualTo(new IncidentDeclined("a test alert"));
        assertThat(given.history.state().status()).isEqualTo(DECLINED);
    }

    @ParameterizedTest
    @EnumSource(
            value = IncidentStatus.class,
            names = {"INVESTIGATING", "FIXING", "MONITORING"})
    void shouldRejectDecliningAnIncidentThatLeftTriage(IncidentStatus status) {
        Decision decision = incidentIn(status).when(new DeclineIncident("not ours"));

        assertThat(reason(decision)).contains("only a triage incident can be declined");
    }

    /** Every pair of statuses a ChangeStatus could ask for, and whether it is allowed. */
    static Stream<Arguments> statusChanges() {
        EnumSet<IncidentStatus> allowed = EnumSet.noneOf(IncidentStatus.class);
        return Stream.of(IncidentStatus.values())
                .flatMap(
                        from ->
                                Stream.of(IncidentStatus.values())
                                        .map(to -> Arguments.of(from, to, allowed(from, to))));
    }

    private static boolean allowed(IncidentStatus from, IncidentStatus to) {
        return (from == INVESTIGATING && to == FIXING)
                || (from == FIXING && to == MONITORING)
                || (from == MONITORING && to == FIXING);
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("statusChanges")
    void shouldAllowOnlyTheLifecycleStepsForAStatusChange(
            IncidentStatus from, IncidentStatus to, boolean allowed) {
        Given given = incidentIn(from);

        Decision decision = given.when(new ChangeStatus(to, "new summary"));

        if (allowed) {
            assertThat(only(decision)).isEqualTo(new StatusChanged(from, to, "new summary"));
            assertThat(given.history.state().status()).isEqualTo(to);
            assertThat(given.history.state().summary()).isEqualTo("new summary");
        } else {
            assertThat(decision).isInstanceOf(Decision.Rejected.class);
            assertThat(given.history.state().status()).isEqualTo(from);
        }
    }

    @Test
    void shouldSayWhereAnIncidentCanGoWhenAStepIsSkipped() {
        Decision decision = incidentIn(INVESTIGATING).when(new ChangeStatus(MONITORING, null));

        assertThat(reason(decision))
                .isEqualTo(
                        IncidentIds.reference(INCIDENT, 4)
                                + ": it is investigating and cannot move to monitoring; from"
                                + " investigating it can only move to [fixing]");
    }

    @Test
    void shouldSayThatAClosedIncidentCannotMoveToFixing() {
        Decision decision = incidentIn(CLOSED).when(new ChangeStatus(FIXING, null));

        assertThat(reason(decision)).contains("is closed and cannot change any more");
    }

    @Test
    void shouldCloseAMonitoringIncident() {
        Given given = incidentIn(MONITORING);

        Decision decision = given.when(new CloseIncident("rolled back the release"));

        assertThat(only(decision)).isEqualTo(new IncidentClosed("rolled back the release"));
        assertThat(given.history.state().status()).isEqualTo(CLOSED);
    }

    @ParameterizedTest
    @EnumSource(
            value = IncidentStatus.class,
            names = {"TRIAGE", "INVESTIGATING", "FIXING", "CLOSED", "DECLINED"})
    void shouldCloseOnlyAMonitoringIncident(IncidentStatus status) {
        Decision decision = incidentIn(status).when(new CloseIncident("done"));

        assertThat(decision).isInstanceOf(Decision.Rejected.class);
    }

    @ParameterizedTest
    @EnumSource(
            value = IncidentStatus.class,
            names = {"CLOSED", "DECLINED"})
    void shouldLetNothingLeaveAFinalStatus(IncidentStatus status) {
        Given given = incidentIn(status);
        List<IncidentCommand> changes =
                List.of(
                        new ConfirmSeverity(Severity.P2, null),
                        new DeclineIncident("no"),
                        new AssignRole(Role.INCIDENT_COORDINATOR, BOB),
                        new ChangeStatus(INVESTIGATING, null),
                        new ChangeStatus(FIXING, null),
                        new ChangeStatus(MONITORING, null),
                        new UpdateSummary("later"),
                        new PinMessage("C1", "1.2", ALICE, "x", null, Given.NOW),
                        new CloseIncident("again"),
                        new RequestEscalation("ic-schedule", "help"),
                        new IssueReminder(ReminderRule.CUSTOMER_UPDATE, Given.NOW, "update"));

        for (IncidentCommand change : changes) {
            assertThat(given.when(change)).as(change.type()).isInstanceOf(Decision.Rejected.class);
        }
        assertThat(given.history.state().status()).isEqualTo(status);
    }

    @Test
    void shouldStillRecordWhatIntegrationsDidAfterTheIncidentClosed() {
        Given given = incidentIn(CLOSED);

        given.accepted(new AddFollowUp("add an alert on pool size"));
        given.accepted(new RecordPostmortem("doc-1", "https://docs.example/doc-1", BOB));
        given.accepted(new RecordFollowUpExport("FU-1", "https://github.example/i/7", "#7"));
        given.accepted(new RecordIntegrationFailure("slack", "post summary", "rate limited"));

        assertThat(given.history.state().postmortemUrl()).isEqualTo("https://docs.example/doc-1");
        assertThat(given.history.state().followUps().get(0).issueUrl())
                .isEqualTo("https://github.example/i/7");
    }

    @Test
    void shouldNumberFollowUps() {
        Given given = incidentIn(INVESTIGATING);

        FollowUpAdded first = (FollowUpAdded) only(given.when(new AddFollowUp("alert")));
        FollowUpAdded second = (FollowUpAdded) only(given.when(new AddFollowUp("runbook")));

        assertThat(first.followUpId()).isEqualTo("FU-1");
        assertThat(second.followUpId()).isEqualTo("FU-2");
    }

    @Test
    void shouldRejectExportingAFollowUpThatDoesNotExist() {
        Decision decision =
                incidentIn(CLOSED).when(new RecordFollowUpExport("FU-9", "https://x/1", "#1"));

        assertThat(reason(decision)).contains("has no follow-up FU-9");
    }

    @Test
    void shouldLetOnePersonHoldBothRolesAndSaySo() {
        Given given = incidentIn(INVESTIGATING);

        given.accepted(new AssignRole(Role.OPERATIONS_ENGINEER, ALICE));
        given.accepted(new AssignRole(Role.INCIDENT_COORDINATOR, ALICE));

        assertThat(given.history.state().onePersonHoldsBothRoles()).isTrue();
    }

    @Test
    void shouldHandARoleOverToSomebodyElse() {
        Given given = incidentIn(FIXING);
        given.accepted(new AssignRole(Role.INCIDENT_COORDINATOR, ALICE));

        Decision decision = given.when(new AssignRole(Role.INCIDENT_COORDINATOR, BOB));

        assertThat(only(decision)).isEqualTo(new RoleAssigned(Role.INCIDENT_COORDINATOR, BOB));
        assertThat(given.history.state().role(Role.INCIDENT_COORDINATOR)).contains(BOB);
    }

    @Test
    void shouldAnswerDuplicateWhenThePersonHoldsTheRoleAlready() {
        Given given = incidentIn(TRIAGE);
        given.accepted(new AssignRole(Role.OPERATIONS_ENGINEER, BOB));

        Decision decision = given.when(new AssignRole(Role.OPERATIONS_ENGINEER, BOB));

        assertThat(decision).isInstanceOf(Decision.Duplicate.class);
    }

    @Test
    void shouldRejectGivingARoleToAService() {
        Decision decision =
                incidentIn(INVESTIGATING)
                        .when(
                                new AssignRole(
                                        Role.INCIDENT_COORDINATOR,
                                        Actor.service("escalation-service")));

        assertThat(reason(decision)).contains("a role is held by a person");
    }

    @Test
    void shouldPinAndUnpinAFinding() {
        Given given = incidentIn(FIXING);

        given.accepted(new PinMessage("C1", "1.1", BOB, "pool exhausted", null, Given.NOW));
        Decision again =
                given.when(new PinMessage("C1", "1.1", BOB, "pool exhausted", null, Given.NOW));
        given.accepted(new UnpinMessage("C1", "1.1"));

        assertThat(again).isInstanceOf(Decision.Duplicate.class);
        assertThat(given.history.state().pins()).isEmpty();
    }

    @Test
    void shouldKeepOneChannelPerIncident() {
        Given given = incidentIn(INVESTIGATING);
        given.accepted(new AttachChannel("C1", "inc-abcd", "https://slack.example/C1"));

        Decision same = given.when(new AttachChannel("C1", "inc-abcd", null));
        Decision other = given.when(new AttachChannel("C2", "inc-other", null));

        assertThat(same).isInstanceOf(Decision.Duplicate.class);
        assertThat(reason(other)).contains("has channel inc-abcd already");
    }

    @Test
    void shouldRecordEscalationsMatrixRemindersAndSummaries() {
        Given given = incidentIn(INVESTIGATING);

        given.accepted(new RequestEscalation("ic-schedule", "need a coordinator"));
        given.accepted(
                new RecordEscalation(
                        "ic-schedule", "P1", BOB, "builtin", EscalationOutcome.PAGED, null, "a1"));
        given.accepted(new PublishEscalationMatrix("acme", List.of()));
        given.accepted(new IssueReminder(ReminderRule.CUSTOMER_UPDATE, Given.NOW, "update"));
        given.accepted(new UpdateSummary("pool resized"));

        assertThat(given.log)
                .extracting(EventEnvelope::type)
                .containsExactly(
                        "IncidentDeclared",
                        "EscalationRequested",
                        "Escalated",
                        "EscalationMatrixPublished",
                        "ReminderIssued",
                        "SummaryUpdated");
        assertThat(given.history.state().summary()).isEqualTo("pool resized");
    }

    @Test
    void shouldChainEveryEventItAppends() {
        Given given = incidentIn(CLOSED);
        ContractCodec codec = new ContractCodec();

        List<byte[]> stored = given.log.stream().map(codec::encodeEvent).toList();

        assertThat(new ChainVerifier().verify(stored).intact()).isTrue();
        assertThat(given.log).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void shouldGiveTheSameEventIdsWhenTheSameCommandIsDecidedAgain() {
        CommandEnvelope declare = Given.envelope(declare(IncidentMode.LIVE));

        Decision first = nothing().when(declare);
        Decision second = nothing().when(declare);

        assertThat(((Decision.Accepted) first).events())
                .isEqualTo(((Decision.Accepted) second).events());
    }

    private static IncidentEvent only(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        List<EventEnvelope> events = ((Decision.Accepted) decision).events();
        assertThat(events).hasSize(1);
        return events.get(0).payload();
    }

    private static String reason(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected) decision).reason();
    }
}
