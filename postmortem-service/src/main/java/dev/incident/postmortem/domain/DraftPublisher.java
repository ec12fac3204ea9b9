package dev.incident.postmortem.domain;

/** Puts a rendered draft where people read it: Google Drive, or the local outbox. */
public interface DraftPublisher {

    /**
     * Publishes the incident's one document. Calling it again for the same incident finds the
     * document published before instead of making a second one; with {@code replaceContent} the
     * found document gets the new content.
     */
    PublishedDocument publish(RenderedDraft draft, Reviewer reviewer, boolean replaceContent)
            throws PublishException;

    /** The integration's name in an IntegrationFailed event: "google-drive", "local-outbox". */
    String integration();
}
