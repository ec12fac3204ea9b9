package dev.incident.postmortem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.incident.events.event.IncidentEvent.*;
import dev.incident.events.model.Actor;
import dev.incident.events.model.Customer;
import dev.incident.events.model.DeclarationSource;
import dev.incident.events.model.EscalationOutcome;
import dev.incident.events.model.IncidentMode;
import dev.incident.events.model.IncidentStatus;
import dev.incident.events.model.ReminderRule;
import dev.incident.events.model.Role;
import dev.incident.events.model.Severity;

/**
 * A three-hour P1 from an urgent email, with forty pinned findings that were pinned long after they
 * were posted and in a shuffled order, one pin removed again, a regression from monitoring back to
 * fixing, reminders, customer updates and two follow-ups.
 */
public final class LongIncident {

    public static final Instant T0 = Instant.parse("2026-11-30T09:14:07Z");
    public static final Actor REPORTER = Actor.emailSender("ops@acme.example.com", "ACME Ops");
    public static final Actor ALICE = Actor.slackUser("U024BE7LH", "Alice Moreau");
    public static final Actor BOB = Actor.slackUser("U0G9QF9C6", "Bob Tanaka");
    public static final Actor CORE = Actor.service("incident-core");
    public static final String HOSTILE_PIN = "<script>alert('x')</script> **not bold** [a](b)";
    public static final int PINS = 40;
    public static final int REMOVED_PIN = 17;

    private LongIncident() {}

    public static String reference(String incidentId) {
        return "INC-" + incidentId.substring(incidentId.length() - 4).toUpperCase();
    }

    public static IncidentLog log(String incidentId) {
        IncidentLog log = new IncidentLog(incidentId);
        log.add(at(0), REPORTER, declared(incidentId))
                .add(at(7), ALICE, new SeverityConfirmed(Severity.P1, List.of()))
                .add(at(8), CORE, new RoleAssigned(Role.OPERATIONS_ENGINEER, ALICE))
                .add(at(8), Actor.service("slack-gateway"), channel(incidentId))
                .add(at(9), ALICE, new EscalationRequested("incident-coordinators", "P1"))
                .add(at(10), Actor.service("escalation-service"), paged(EscalationOutcome.PAGED))
                .add(at(20), BOB, paged(EscalationOutcome.ACCEPTED))
                .add(at(21), BOB, new RoleAssigned(Role.INCIDENT_COORDINATOR, BOB))
                .add(at(37), reminders(), reminder(37))
                .add(at(40), BOB, new SummaryUpdated("Customer told: EU checkout down, on it"))
                .add(
                        at(65),
                        ALICE,
                        status(
                                IncidentStatus.INVESTIGATING,
                                IncidentStatus.FIXING,
                                "Rolling back release 4.18"))
                .add(at(67), reminders(), reminder(67))
                .add(
                        at(130),
                        ALICE,
                        status(
                                IncidentStatus.FIXING,
                                IncidentStatus.MONITORING,
                                "Rolled back; error rate normal"))
                .add(
                        at(150),
                        ALICE,
                        status(
                                IncidentStatus.MONITORING,
                                IncidentStatus.FIXING,
                                "Errors are back on one node"))
                .add(at(170), ALICE, status(IncidentStatus.FIXING, IncidentStatus.MONITORING, null))
                .add(at(180), BOB, new FollowUpAdded("FU-1", "Alert on pod memory limits"))
                .add(at(181), BOB, new FollowUpAdded("FU-2", "Canary for EU releases"))
                .add(
                        at(185),
                        Actor.service("ticket-exporter"),
                        new FollowUpExported(
                                "FU-1", "https://github.com/acme/ops/issues/812", "acme/ops#812"))
                .add(at(195), BOB, new IncidentClosed("Rolled back to 4.17; memory limit raised"));
        pins(log, incidentId);
        return log;
    }

    /** When pin {@code i} was posted: every four minutes from minute three. */
    public static Instant postedAt(int i) {
        return at(3 + 4L * i);
    }

    public static String pinText(int i) {
        return i == 5 ? HOSTILE_PIN : "Finding " + i + ": pods restart with OOMKilled";
    }

    /**
     * Pinned between one and forty minutes after posting (before the close), at random, so the
     * order of the pins in the log is not the order of the messages.
     */
    private static void pins(IncidentLog log, String incidentId) {
        Random random = new Random(42);
        for (int i = 0; i < PINS; i++) {
            long posted = 3 + 4L * i;
            long delay = 1 + random.nextInt((int) Math.min(40, 194 - posted - 1));
            Instant pinnedAt = postedAt(i).plus(Duration.ofMinutes(delay));
            Actor author = i % 2 == 0 ? ALICE : BOB;
            log.add(
                    pinnedAt,
                    BOB,
                    new MessagePinned(
                            "C0INC",
                            ts(i),
                            author,
                            pinText(i),
                            "https://acme.slack.com/archives/C0INC/p" + ts(i).replace(".", ""),
                            postedAt(i)));
        }
        log.add(
                postedAt(REMOVED_PIN).plus(Duration.ofMinutes(61)),
                BOB,
                new MessageUnpinned("C0INC", ts(REMOVED_PIN)));
    }

    private static String ts(int i) {
        return (postedAt(i).getEpochSecond()) + ".0001" + String.format("%02d", i);
    }

    private static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static IncidentDeclared declared(String incidentId) {
        return new IncidentDeclared(
                reference(incidentId),
                "Checkout API returns 502 for EU customers",
                "Every EU checkout fails since 09:05",
                DeclarationSource.EMAIL,
                IncidentMode.TRIAGE,
                null,
                Customer.known("acme", "ACME Logistics"),
                REPORTER,
                "<CAF=urgent-42@mail.acme.example.com>",
                Map.of());
    }

    private static ChannelAttached channel(String incidentId) {
        return new ChannelAttached(
                "C0INC",
                "inc-" + reference(incidentId).toLowerCase(),
                "https://acme.slack.com/archives/C0INC");
    }

    private static Escalated paged(EscalationOutcome outcome) {
        return new Escalated(
                "incident-coordinators",
                "P1 confirmed",
                BOB,
                "builtin",
                outcome,
                null,
                "alert-81c1");
    }

    private static StatusChanged status(IncidentStatus from, IncidentStatus to, String summary) {
        return new StatusChanged(from, to, summary);
    }

    private static Actor reminders() {
        return Actor.service("reminder-service");
    }

    private static ReminderIssued reminder(long minute) {
        return new ReminderIssued(
                ReminderRule.CUSTOMER_UPDATE,
                at(minute),
                "30 minutes since the last customer update");
    }
}
