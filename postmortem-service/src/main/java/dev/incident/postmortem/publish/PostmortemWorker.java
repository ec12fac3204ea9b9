package dev.incident.postmortem.publish;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import dev.incident.events.command.IncidentCommand.RecordIntegrationFailure;
import dev.incident.events.command.IncidentCommand.RecordPostmortem;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.model.IncidentStatus;
import dev.incident.events.state.IncidentState;
import dev.incident.postmortem.config.PostmortemConfig;
import dev.incident.postmortem.domain.Backoff;
import dev.incident.postmortem.domain.DraftBuilder;
import dev.incident.postmortem.domain.DraftPublisher;
import dev.incident.postmortem.domain.PublishException;
import dev.incident.postmortem.domain.PublishedDocument;
import dev.incident.postmortem.domain.RenderedDraft;
import dev.incident.postmortem.domain.Reviewer;
import dev.incident.postmortem.draft.DraftRenderer;
import dev.incident.postmortem.messaging.CommandSender;
import dev.incident.postmortem.store.EventStore;
import dev.incident.postmortem.store.Postmortem;
import dev.incident.postmortem.store.PostmortemStore;

/**
 * Works off the due postmortem jobs: folds the incident's stored log, renders the draft, publishes
 * it, and tells the incident with RecordPostmortem; a failed try waits with backoff, and after the
 * last one the failure is recorded with RecordIntegrationFailure. The close itself is never
 * touched.
 */
@ApplicationScoped
public class PostmortemWorker {

    private static final Logger LOG = Logger.getLogger(PostmortemWorker.class);
    private static final String OPERATION = "publish the postmortem draft";

    private final PostmortemStore jobs;
    private final EventStore events;
    private final DraftBuilder builder;
    private final DraftRenderer renderer;
    private final DraftPublisher publisher;
    private final AccountEngineers engineers;
    private final CommandSender commands;
    private final PostmortemConfig config;
    private final Clock clock;

    public PostmortemWorker(
            PostmortemStore jobs,
            EventStore events,
            DraftBuilder builder,
            DraftRenderer renderer,
            DraftPublisher publisher,
            AccountEngineers engineers,
            CommandSender commands,
            PostmortemConfig config,
            Clock clock) {
        this.jobs = jobs;
        this.events = events;
        this.builder = builder;
        this.renderer = renderer;
        this.publisher = publisher;
        this.engineers = engineers;
        this.commands = commands;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(
            every = "${postmortem.poll-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void workOffDueJobs() {
        for (Postmortem job : jobs.due(clock.instant(), 20)) {
            try {
                process(job.incidentId());
            } catch (RuntimeException e) {
                LOG.errorf(e, "%s: postmortem job broke off; it stays due", job.incidentId());
            }
        }
    }

    /**
     * One try of the incident's pending job; returns the job as it is afterwards. Synchronized: the
     * scheduler and an admin's regeneration must not publish the same incident at once.
     */
    public synchronized Postmortem process(String incidentId) {
        Postmortem job = jobs.find(incidentId).orElseThrow();
        if (job.state() != Postmortem.State.PENDING) {
            return job;
        }

        try {
            List<EventEnvelope> log = events.events(incidentId);
            IncidentState state = fold(incidentId, log);
            Reviewer reviewer = engineers.reviewerOf(state.customer());
            RenderedDraft draft = render(incidentId, log, state, reviewer);
            PublishedDocument document = publisher.publish(draft, reviewer, job.replaceContent());
            recorded(job, document, reviewer);
        } catch (PublishException e) {
            failed(job, e);
        }
        return jobs.find(incidentId).orElseThrow();
    }

    /** The incident at its close; a gap in the stored copy of the log is a failed try. */
    private static IncidentState fold(String incidentId, List<EventEnvelope> log)
            throws PublishException {
        try {
            return IncidentState.fold(incidentId, log);
        } catch (IllegalStateException e) {
            throw new PublishException("the stored log is incomplete: " + e.getMessage(), true, e);
        }
    }

    /**
     * The rendered draft. A log that does not end closed, or a template a user broke, fails like a
     * publication does: tried again with backoff, then recorded in the incident.
     */
    private RenderedDraft render(
            String incidentId, List<EventEnvelope> log, IncidentState state, Reviewer reviewer)
            throws PublishException {
        if (state.status() != IncidentStatus.CLOSED) {
            throw new PublishException(
                    "the stored log of " + incidentId + " does not end closed", true, null);
        }
        try {
            return renderer.render(builder.build(incidentId, log, reviewer));
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: could not render the postmortem draft", incidentId);
            throw new PublishException("could not render the draft: " + e.getMessage(), true, e);
        }
    }

    private void recorded(Postmortem job, PublishedDocument document, Reviewer reviewer) {
        String incidentId = job.incidentId();
        jobs.published(incidentId, document.documentId(), document.url(), clock.instant());

        // The incident hears of each document once; a regenerated draft keeps its link.
        if (!document.url().equals(job.recordedUrl())) {
            var command =
                    new RecordPostmortem(
                            document.documentId(),
                            document.url(),
                            reviewer == null ? null : reviewer.actor());
            commands.send(incidentId, command, "postmortem:" + incidentId + ":" + document.url());
        }
        jobs.recorded(incidentId, document.url(), clock.instant());
        LOG.infof("%s: postmortem draft at %s", incidentId, document.url());
    }

    private void failed(Postmortem job, PublishException e) {
        int failedTries = job.attempts() + 1;
        int maxAttempts = config.retry().maxAttempts();
        if (!e.retryable() || failedTries >= maxAttempts) {
            giveUp(job, e.getMessage());
            return;
        }
        Backoff backoff = new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff());
        Instant now = clock.instant();
        Instant next = now.plus(backoff.after(failedTries));
        LOG.warnf(
                "%s: postmortem try %d of %d failed, next at %s: %s",
                job.incidentId(), failedTries, maxAttempts, next, e.getMessage());
        jobs.retryLater(job.incidentId(), e.getMessage(), next, now);
    }

    private void giveUp(Postmortem job, String reason) {
        String incidentId = job.incidentId();
        LOG.errorf(
                "%s: postmortem draft not published, recording the failure: %s",
                incidentId, reason);
        var command = new RecordIntegrationFailure(publisher.integration(), OPERATION, reason);
        // Derived from the try that failed, so a repeat of that same try is recognisable.
        commands.send(
                incidentId,
                command,
                "postmortem-failed:" + incidentId + ":" + job.nextAttemptAt().toEpochMilli());
        jobs.failed(incidentId, reason, clock.instant());
    }
}
