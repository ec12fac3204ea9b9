package dev.incident.postmortem.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.jboss.logging.Logger;

import dev.incident.postmortem.domain.DocumentNames;
import dev.incident.postmortem.domain.DraftPublisher;
import dev.incident.postmortem.domain.PublishException;
import dev.incident.postmortem.domain.PublishedDocument;
import dev.incident.postmortem.domain.RenderedDraft;
import dev.incident.postmortem.domain.Reviewer;

/**
 * Without Drive credentials: writes the draft as HTML and Markdown into the outbox's postmortems/
 * folder, named from the incident's reference. The names are fixed per incident, so a second
 * publication rewrites the same two files.
 */
public class OutboxPublisher implements DraftPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

    private final Path folder;

    /** Writes into {@code outboxDir}/postmortems/. */
    public OutboxPublisher(Path outboxDir) {
        this.folder = outboxDir.resolve("postmortems").toAbsolutePath().normalize();
    }

    @Override
    public String integration() {
        return "local-outbox";
    }

    @Override
    public PublishedDocument publish(RenderedDraft draft, Reviewer reviewer, boolean replace)
            throws PublishException {
        String stem = DocumentNames.fileStem(draft.reference());
        Path html = folder.resolve(stem + ".html");
        try {
            Files.createDirectories(folder);
            write(html, draft.html());
            write(folder.resolve(stem + ".md"), draft.markdown());
        } catch (IOException e) {
            throw new PublishException("could not write " + html + ": " + e, true, e);
        }
        LOG.infof("%s: wrote postmortem draft %s", draft.incidentId(), html);
        return new PublishedDocument(null, html.toUri().toString());
    }

    /** Writes beside the file, then moves it in, so a reader never sees half a draft. */
    private static void write(Path target, String content) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.writeString(partial, content);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
