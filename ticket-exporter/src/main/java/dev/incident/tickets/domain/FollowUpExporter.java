package dev.incident.tickets.domain;

import java.io.IOException;
import java.util.Optional;

import org.jboss.logging.Logger;

import dev.incident.events.state.IncidentState;
import dev.incident.events.state.IncidentState.FollowUp;

/**
 * Exports one follow-up exactly once: finds the issue that already carries its marker or creates
 * it, then records it in the incident; a refusal is recorded as an integration failure.
 */
public final class FollowUpExporter {

    private static final Logger LOG = Logger.getLogger(FollowUpExporter.class);

    /** What became of an attempt. */
    public enum Outcome {
        /** The issue exists and its record command was sent. */
        EXPORTED,
        /** The tracker refused for good; the failure was recorded in the incident. */
        REFUSED,
        /** A passing problem (network, server error, a long rate limit): try again later. */
        RETRY_LATER
    }

    private final IssueComposer composer;
    private final IssueTracker tracker;
    private final ExportRecorder recorder;

    public FollowUpExporter(IssueComposer composer, IssueTracker tracker, ExportRecorder recorder) {
        this.composer = composer;
        this.tracker = tracker;
        this.recorder = recorder;
    }

    public Outcome export(IncidentState incident, FollowUp followUp) {
        IssueDraft draft = composer.draft(incident, followUp);
        String incidentId = incident.incidentId();
        try {
            TrackedIssue issue = findOrCreate(draft);

            recorder.exported(incidentId, followUp.id(), issue);
            return Outcome.EXPORTED;
        } catch (TrackerRefusedException e) {
            LOG.warnf(
                    "Incident %s: follow-up %s not exported to %s: %s",
                    incidentId, followUp.id(), draft.repository(), e.getMessage());
            return refused(incidentId, followUp, e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.warnf(
                    e,
                    "Incident %s: follow-up %s not exported to %s yet, will retry",
                    incidentId,
                    followUp.id(),
                    draft.repository());
            return Outcome.RETRY_LATER;
        }
    }

    private Outcome refused(String incidentId, FollowUp followUp, String reason) {
        try {
            recorder.refused(incidentId, followUp.id(), reason);
            return Outcome.REFUSED;
        } catch (RuntimeException e) {
            LOG.errorf(
                    e,
                    "Incident %s: could not record the refusal of follow-up %s, will retry",
                    incidentId,
                    followUp.id());
            return Outcome.RETRY_LATER;
        }
    }

    private TrackedIssue findOrCreate(IssueDraft draft) throws IOException {
        Optional<TrackedIssue> existing = tracker.find(draft);
        if (existing.isPresent()) {
            LOG.infof(
                    "Incident %s: follow-up %s already has issue %s, recording it",
                    draft.marker().incidentId(), draft.marker().followUpId(), existing.get().key());
            return existing.get();
        }

        TrackedIssue created = tracker.create(draft);
        LOG.infof(
                "Incident %s: follow-up %s exported as %s",
                draft.marker().incidentId(), draft.marker().followUpId(), created.key());
        return created;
    }
}
