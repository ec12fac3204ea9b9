package dev.incident.tickets.domain;

/** Tells incident-core what became of a follow-up, with a command. */
public interface ExportRecorder {

    /** RecordFollowUpExport: the follow-up now has this issue. */
    void exported(String incidentId, String followUpId, TrackedIssue issue);

    /** RecordIntegrationFailure: the tracker refused, with a reason a person can act on. */
    void refused(String incidentId, String followUpId, String reason);
}
