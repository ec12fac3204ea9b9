package dev.incident.escalation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.incident.escalation.config.EscalationConfig;
import dev.incident.escalation.domain.Escalation;
import dev.incident.escalation.domain.Escalation.Status;
import dev.incident.escalation.domain.IncidentReactions;
import dev.incident.escalation.domain.OnCallSetup;
import dev.incident.escalation.domain.Person;
import dev.incident.escalation.domain.Reaction;
import dev.incident.escalation.domain.Schedule;
import dev.incident.escalation.messaging.CommandSender;
import dev.incident.escalation.oncall.Acknowledgement;
import dev.incident.escalation.oncall.PageReport;
import dev.incident.escalation.oncall.PageRequest;
import dev.incident.escalation.oncall.Pager;
import dev.incident.escalation.store.EscalationStore;
import dev.incident.events.command.IncidentCommand.AssignRole;
import dev.incident.events.command.IncidentCommand.RecordEscalation;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.model.Actor;
import dev.incident.events.model.ActorSource;
import dev.incident.events.model.EscalationOutcome;
import dev.incident.events.state.IncidentState;

/**
 * Handles the incident's events once each: stores the event, folds the incident, sends the
 * reactions' commands and starts or stops escalations; pages the next layer of an escalation nobody
 * accepted in time.
 *
 * <p>Each layer of an escalation is claimed in the database before it is paged, so a redelivered
 * event or a second timer never pages it twice. The price: a service that stops between the claim
 * and the page loses that one page, and the next layer is paged when its time comes.
 */
@ApplicationScoped
public class EscalationService {

    private static final Logger LOG = Logger.getLogger(EscalationService.class);
    private static final int DUE_BATCH = 50;

    private final EscalationStore store;
    private final IncidentReactions reactions;
    private final OnCallSetup setup;
    private final Pager pager;
    private final CommandSender sender;
    private final EscalationConfig config;
    private final Clock clock;

    public EscalationService(
            EscalationStore store,
            IncidentReactions reactions,
            OnCallSetup setup,
            Pager pager,
            CommandSender sender,
            EscalationConfig config,
            Clock clock) {
        this.store = store;
        this.reactions = reactions;
        this.setup = setup;
        this.pager = pager;
        this.sender = sender;
        this.config = config;
        this.clock = clock;
    }

    /** Reacts to one event of the log; an event handled before changes nothing. */
    public void handle(EventEnvelope event) {
        List<Escalation> started;
        try {
            started = record(event);
        } catch (SQLException e) {
            throw new IllegalStateException(event.incidentId() + ": database failed", e);
        }
        started.forEach(this::pageNextLayer);
    }

    /** Pages the next layer of every escalation whose accept time ran out. */
    public void escalateDue() {
        try {
            store.due(clock.instant(), DUE_BATCH).forEach(this::pageNextLayer);
        } catch (SQLException | RuntimeException e) {
            LOG.error("could not escalate the due escalations; retrying on the next tick", e);
        }
    }

    /**
     * Somebody acknowledged a page at the provider: they get the role of the schedule, which ends
     * the escalation when the RoleAssigned comes back. Returns false when the page is not one of an
     * open escalation.
     */
    public boolean acknowledged(Acknowledgement ack) {
        Optional<String> id = ack.escalationId();
        try {
            Optional<Escalation> found = id.isEmpty() ? Optional.empty() : store.find(id.get());
            if (found.isEmpty() || found.get().status() != Status.OPEN) {
                LOG.debugf(
                        "acknowledgement of %s matches no open escalation", ack.alertReference());
                return false;
            }
            Escalation escalation = found.get();
            Actor who = acknowledger(ack);
            LOG.infof(
                    "%s: %s acknowledged %s at %s",
                    escalation.incidentId(), who.id(), ack.alertReference(), ack.provider());
            if (escalation.role() == null) {
                store.finish(escalation.id(), Status.ACCEPTED, clock.instant());
            } else {
                sender.send(
                        escalation.incidentId(),
                        new AssignRole(escalation.role(), who),
                        "ack:" + ack.alertReference());
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("database failed on " + ack.alertReference(), e);
        }
    }

    /** The configured person with the provider's email or name, else the provider's user. */
    private Actor acknowledger(Acknowledgement ack) {
        Optional<Person> person =
                ack.email() != null
                        ? setup.personByEmail(ack.email())
                        : setup.people().stream()
                                .filter(p -> p.name().equalsIgnoreCase(ack.name()))
                                .findFirst();
        String id = ack.email() != null ? ack.email() : Objects.toString(ack.userId(), "unknown");
        return person.map(Person::actor)
                .orElseGet(() -> new Actor(ActorSource.ON_CALL_PROVIDER, id, ack.name()));
    }

    /**
     * In one transaction: stores the event, sends the commands its reactions ask for, and claims
     * its escalations. Returns the escalations to page now.
     */
    private List<Escalation> record(EventEnvelope event) throws SQLException {
        try (Connection tx = store.begin()) {
            try {
                List<Escalation> started = react(tx, event);
                tx.commit();
                return started;
            } catch (SQLException | RuntimeException e) {
                tx.rollback();
                throw e;
            }
        }
    }

    private List<Escalation> react(Connection tx, EventEnvelope event) throws SQLException {
        if (!store.addEvent(tx, event)) {
            LOG.debugf(
                    "%s: event %d seen before, nothing to do",
                    event.incidentId(), event.sequence());
            return List.of();
        }
        IncidentState state =
                IncidentState.fold(event.incidentId(), store.events(tx, event.incidentId()));

        List<Escalation> started = new ArrayList<>();
        for (Reaction reaction : reactions.to(event, state)) {
            react(tx, event, reaction).ifPresent(started::add);
        }
        return started;
    }

    private Optional<Escalation> react(Connection tx, EventEnvelope event, Reaction reaction)
            throws SQLException {
        Instant now = clock.instant();
        String incidentId = event.incidentId();
        if (reaction instanceof Reaction.Send send) {
            sender.send(incidentId, send.command(), send.idempotencyKey());
        } else if (reaction instanceof Reaction.StopEscalating stop) {
            Status status = stop.role() == null ? Status.STOPPED : Status.ACCEPTED;
            int ended = store.end(tx, incidentId, stop.role(), status, now);
            if (ended > 0) {
                LOG.infof("%s: stopped %d escalation(s): %s", incidentId, ended, stop.why());
            }
        } else if (reaction instanceof Reaction.Escalate escalate) {
            return start(tx, incidentId, escalate, now);
        }
        return Optional.empty();
    }

    private Optional<Escalation> start(
            Connection tx, String incidentId, Reaction.Escalate escalate, Instant now)
            throws SQLException {
        Schedule schedule = escalate.schedule();
        if (!escalate.evenIfOpen() && store.hasOpen(tx, incidentId, schedule.name())) {
            LOG.infof("%s: %s is being paged already", incidentId, schedule.name());
            return Optional.empty();
        }
        Escalation claimed =
                Escalation.claimed(
                        escalate.escalationId(), incidentId, schedule, escalate.reason(), now);
        return store.create(tx, claimed, now) ? Optional.of(claimed) : Optional.empty();
    }

    /** Claims the escalation's next layer and pages it; does nothing if another did it first. */
    private void pageNextLayer(Escalation escalation) {
        Instant now = clock.instant();
        String incidentId = escalation.incidentId();
        try {
            Schedule schedule = setup.schedules().get(escalation.schedule());
            if (schedule == null) {
                LOG.warnf(
                        "%s: schedule %s is no longer configured; escalation %s stops",
                        incidentId, escalation.schedule(), escalation.id());
                store.finish(escalation.id(), Status.STOPPED, now);
                return;
            }
            Escalation next = escalation.nextLayer(now, config.acceptWithin());
            if (!store.advance(escalation, next, now)) {
                LOG.debugf("%s: escalation %s moved on already", incidentId, escalation.id());
                return;
            }
            page(next, schedule, now);
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "%s: paging escalation %s failed", incidentId, escalation.id());
        }
    }

    private void page(Escalation escalation, Schedule schedule, Instant now) throws SQLException {
        String incidentId = escalation.incidentId();
        IncidentState state = IncidentState.fold(incidentId, store.events(incidentId));
        String reason =
                escalation.layer() == 1
                        ? escalation.reason()
                        : escalation.reason()
                                + " (nobody accepted within "
                                + config.acceptWithin().toMinutes()
                                + " min: layer "
                                + escalation.layer()
                                + ")";
        PageRequest request =
                new PageRequest(
                        incidentId,
                        state.reference(),
                        state.title(),
                        schedule,
                        escalation.layer(),
                        reason,
                        escalation.id(),
                        now);

        PageReport report = pager.page(request);
        List<RecordEscalation> records = new ArrayList<>(report.records());
        if (report.layerMissing()) {
            records.add(nobodyLeft(escalation, schedule, reason));
            store.finish(escalation.id(), Status.EXHAUSTED, now);
        }
        for (int i = 0; i < records.size(); i++) {
            RecordEscalation record = records.get(i);
            String key = "page:" + request.dedupKey() + ":" + i + ":" + record.outcome();
            sender.send(incidentId, record, key);
        }
        if (report.anyonePaged()) {
            LOG.infof(
                    "%s: paged %s (%s) on layer %d of %s",
                    incidentId,
                    report.paged().name(),
                    report.paged().id(),
                    escalation.layer(),
                    schedule.name());
        }
    }

    private static RecordEscalation nobodyLeft(
            Escalation escalation, Schedule schedule, String reason) {
        String why =
                escalation.layer() == 1
                        ? "nobody is on call for " + schedule.name()
                        : "nobody accepted and "
                                + schedule.name()
                                + " has no layer "
                                + escalation.layer();
        return new RecordEscalation(
                schedule.name(),
                reason,
                null,
                schedule.provider().provider(),
                EscalationOutcome.FAILED,
                why,
                null);
    }
}
