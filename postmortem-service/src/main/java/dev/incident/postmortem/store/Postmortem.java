package dev.incident.postmortem.store;

import java.time.Instant;

/**
 * The durable job that makes one incident's document, and what it made.
 *
 * @param replaceContent true when an admin asked for the draft again: the found document gets the
 *     new content
 * @param attempts failed tries since the job was last (re)started
 * @param recordedUrl the url last sent to the incident with RecordPostmortem
 */
public record Postmortem(
        String incidentId,
        State state,
        boolean replaceContent,
        int attempts,
        Instant nextAttemptAt,
        String documentId,
        String url,
        String recordedUrl,
        String lastError) {

    /** PENDING until done; RECORDED once the incident knows the link; FAILED after the last try. */
    public enum State {
        PENDING,
        RECORDED,
        FAILED
    }
}
