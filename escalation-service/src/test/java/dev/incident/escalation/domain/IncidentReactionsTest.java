package dev.incident.escalation.domain;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.incident.escalation.IncidentLog;
import dev.incident.escalation.config.OnCallFile;
import dev.incident.events.command.IncidentCommand.AssignRole;
import dev.incident.events.command.IncidentCommand.PublishEscalationMatrix;
import dev.incident.events.command.IncidentCommand.RecordEscalation;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.event.IncidentEvent.EscalationRequested;
import dev.incident.events.event.IncidentEvent.IncidentClosed;
import dev.incident.events.event.IncidentEvent.RoleAssigned;
import dev.incident.events.event.IncidentEvent.SeverityConfirmed;
import dev.incident.events.model.Actor;
import dev.incident.events.model.Customer;
import dev.incident.events.model.EscalationOutcome;
import dev.incident.events.model.Role;
import dev.incident.events.model.Severity;

import static dev.incident.escalation.IncidentLog.ACME;
import static dev.incident.escalation.IncidentLog.CONFIRMER;
import static dev.incident.escalation.IncidentLog.CUSTOMER_MAIL;
import static dev.incident.escalation.IncidentLog.REPORTER_SLACK;
import static org.assertj.core.api.Assertions.assertThat;

class IncidentReactionsTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static OnCallSetup setup;

    IncidentLog log = new IncidentLog("inc-1", T0);

    @BeforeAll
    static void readTheLocalSetup() throws Exception {
        try (InputStream in =
                IncidentReactionsTest.class.getResourceAsStream("/oncall-local.yaml")) {
            setup = OnCallFile.read(in);
        }
    }

    List<Reaction> when(EventEnvelope event) {
        return new IncidentReactions(setup).to(event, log.state());
    }

    @Test
    void shouldPageTheOperationsEngineersForATriageIncidentFromEmail() {
        List<Reaction> reactions = when(log.append(CUSTOMER_MAIL, IncidentLog.emailTriage()));

        assertThat(reactions)
                .singleElement()
                .isInstanceOfSatisfying(
                        Reaction.Escalate.class,
                        e -> {
                            assertThat(e.schedule().name()).isEqualTo("oe");
                            assertThat(e.escalationId()).isEqualTo("triage-oe:inc-1");
                        });
    }

    @Test
    void shouldNotPageForATriageIncidentFromSlack() {
        assertThat(when(log.append(REPORTER_SLACK, IncidentLog.slackTriage(ACME)))).isEmpty();
    }

    @Test
    void shouldMakeTheSlackReporterTheEngineerShowTheMatrixAndPageACoordinatorOnP1() {
        log.append(REPORTER_SLACK, IncidentLog.slackTriage(ACME));

        List<Reaction> reactions =
                when(log.append(CONFIRMER, new SeverityConfirmed(Severity.P1, List.of())));

        assertThat(reactions).hasSize(3);
        assertThat(reactions.get(0))
                .isEqualTo(
                        new Reaction.Send(
                                new AssignRole(Role.OPERATIONS_ENGINEER, REPORTER_SLACK),
                                "p1-oe:inc-1"));
        assertThat(reactions.get(1))
                .isInstanceOfSatisfying(
                        Reaction.Send.class,
                        s ->
                                assertThat(s.command())
                                        .isInstanceOfSatisfying(
                                                PublishEscalationMatrix.class,
                                                m -> {
                                                    assertThat(m.customerId()).isEqualTo("acme");
                                                    assertThat(m.contacts())
                                                            .extracting(c -> c.name())
                                                            .startsWith("Dana Whitfield");
                                                }));
        assertThat(reactions.get(2))
                .isInstanceOfSatisfying(
                        Reaction.Escalate.class,
                        e -> assertThat(e.schedule().name()).isEqualTo("ic"));
    }

    @Test
    void shouldMakeTheConfirmerTheEngineerWhenAnEmailSenderReportedIt() {
        log.append(CUSTOMER_MAIL, IncidentLog.emailTriage());

        List<Reaction> reactions =
                when(log.append(CONFIRMER, new SeverityConfirmed(Severity.P1, List.of())));

        assertThat(reactions.get(0))
                .isEqualTo(
                        new Reaction.Send(
                                new AssignRole(Role.OPERATIONS_ENGINEER, CONFIRMER),
                                "p1-oe:inc-1"));
    }

    @Test
    void shouldLeaveTheRolesAloneWhenTheIncidentHasThemAlready() {
        Actor engineer = Actor.slackUser("U0OE00002", "Oscar Lindqvist");
        Actor coordinator = Actor.slackUser("U0IC00001", "Ines Duarte");
        log.append(REPORTER_SLACK, IncidentLog.slackTriage(ACME));
        log.append(CONFIRMER, new RoleAssigned(Role.OPERATIONS_ENGINEER, engineer));
        log.append(CONFIRMER, new RoleAssigned(Role.INCIDENT_COORDINATOR, coordinator));

        List<Reaction> reactions =
                when(log.append(CONFIRMER, new SeverityConfirmed(Severity.P1, List.of())));

        assertThat(reactions)
                .singleElement()
                .extracting(r -> ((Reaction.Send) r).command())
                .isInstanceOf(PublishEscalationMatrix.class);
    }

    @Test
    void shouldShowTheDefaultMatrixForACustomerWithoutOne() {
        log.append(REPORTER_SLACK, IncidentLog.slackTriage(Customer.unknown("globex.example")));

        List<Reaction> reactions =
                when(log.append(CONFIRMER, new SeverityConfirmed(Severity.P1, List.of())));

        assertThat(reactions.get(1))
                .extracting(r -> (PublishEscalationMatrix) ((Reaction.Send) r).command())
                .satisfies(
                        m -> {
                            assertThat(m.customerId()).isEqualTo("globex.example");
                            assertThat(m.contacts().get(0).name())
                                    .isEqualTo("Account management on-call");
                        });
    }

    @Test
    void shouldDoNothingForAP2() {
        log.append(REPORTER_SLACK, IncidentLog.slackTriage(ACME));

        assertThat(when(log.append(CONFIRMER, new SeverityConfirmed(Severity.P2, List.of()))))
                .isEmpty();
    }

    @Test
    void shouldTreatALiveP1DeclarationAsConfirmed() {
        List<Reaction> reactions = when(log.append(REPORTER_SLACK, IncidentLog.liveP1()));

        assertThat(reactions).hasSize(3);
        assertThat(reactions.get(2)).isInstanceOf(Reaction.Escalate.class);
    }

    @Test
    void shouldPageTheNamedScheduleOnRequestWithTheCoordinatorsAsDefault() {
        log.append(REPORTER_SLACK, IncidentLog.slackTriage(ACME));

        assertThat(escalated(new EscalationRequested("oe", "need hands"))).isEqualTo("oe");
        assertThat(escalated(new EscalationRequested("IC", null))).isEqualTo("ic");
        assertThat(escalated(new EscalationRequested("", null))).isEqualTo("ic");
        assertThat(escalated(new EscalationRequested("oe", null))).isEqualTo("oe");
    }

    private String escalated(EscalationRequested request) {
        Reaction.Escalate escalate =
                (Reaction.Escalate) when(log.append(REPORTER_SLACK, request)).get(0);
        assertThat(escalate.evenIfOpen()).isTrue();
        return escalate.schedule().name();
    }

    @Test
    void shouldRecordAFailedEscalationForAnUnknownTarget() {
        log.append(REPORTER_SLACK, IncidentLog.slackTriage(ACME));

        List<Reaction> reactions =
                when(log.append(REPORTER_SLACK, new EscalationRequested("dba", "disk full")));

        assertThat(reactions)
                .singleElement()
                .extracting(r -> (RecordEscalation) ((Reaction.Send) r).command())
                .satisfies(
                        r -> {
                            assertThat(r.outcome()).isEqualTo(EscalationOutcome.FAILED);
                            assertThat(r.failureReason()).contains("'dba'");
                        });
    }

    @Test
    void shouldStopEscalatingForTheRoleSomebodyTook() {
        log.append(CUSTOMER_MAIL, IncidentLog.emailTriage());
        Actor engineer = Actor.slackUser("U0OE00001", "Olivia Okafor");

        List<Reaction> reactions =
                when(log.append(engineer, new RoleAssigned(Role.OPERATIONS_ENGINEER, engineer)));

        assertThat(reactions)
                .singleElement()
                .isInstanceOfSatisfying(
                        Reaction.StopEscalating.class,
                        s -> assertThat(s.role()).isEqualTo(Role.OPERATIONS_ENGINEER));
    }

    @Test
    void shouldStopAllEscalationsWhenTheIncidentEnds() {
        log.append(CUSTOMER_MAIL, IncidentLog.emailTriage());

        assertThat(when(log.append(CONFIRMER, new IncidentClosed("fixed"))))
                .containsExactly(new Reaction.StopEscalating(null, "the incident ended"));
    }
}
