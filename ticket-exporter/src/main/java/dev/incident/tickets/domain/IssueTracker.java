package dev.incident.tickets.domain;

import java.io.IOException;
import java.util.Optional;

/**
 * Where follow-ups become issues: GitHub, or the local outbox without credentials. An {@link
 * IOException} that is not a {@link TrackerRefusedException} is worth retrying later.
 */
public interface IssueTracker {

    /** The issue that already carries the draft's marker, if one exists. */
    Optional<TrackedIssue> find(IssueDraft draft) throws IOException;

    /** Creates the issue; callers {@link #find} first. */
    TrackedIssue create(IssueDraft draft) throws IOException;
}
