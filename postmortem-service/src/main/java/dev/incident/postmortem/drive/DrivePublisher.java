package dev.incident.postmortem.drive;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.ByteArrayContent;
import com.google.api.services.drive.Drive;
import com.google.api.services.drive.model.File;
import com.google.api.services.drive.model.FileList;
import com.google.api.services.drive.model.Permission;
import org.jboss.logging.Logger;

import dev.incident.postmortem.domain.DraftPublisher;
import dev.incident.postmortem.domain.PublishException;
import dev.incident.postmortem.domain.PublishedDocument;
import dev.incident.postmortem.domain.RenderedDraft;
import dev.incident.postmortem.domain.Reviewer;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Publishes a draft to Google Drive: the HTML uploaded in one multipart request and converted to a
 * Google Doc in the configured folder, then shared. Each document carries the incident id as an app
 * property, and a search for it comes first, so a second try or a second close finds the document
 * made before instead of making another.
 */
public class DrivePublisher implements DraftPublisher {

    /** The app property that marks a document as the postmortem of an incident. */
    public static final String MARKER = "incidentPostmortem";

    static final String GOOGLE_DOC = "application/vnd.google-apps.document";
    private static final Logger LOG = Logger.getLogger(DrivePublisher.class);
    private static final String FIELDS = "id,name,webViewLink";

    private final Drive drive;
    private final Optional<String> folderId;
    private final List<DriveShare> shares;
    private final String reviewerRole;

    /**
     * @param reviewerRole the role the reviewer gets when their email is known; "none" gives none
     */
    public DrivePublisher(
            Drive drive, Optional<String> folderId, List<DriveShare> shares, String reviewerRole) {
        this.drive = drive;
        this.folderId = folderId;
        this.shares = List.copyOf(shares);
        this.reviewerRole = reviewerRole;
    }

    @Override
    public String integration() {
        return "google-drive";
    }

    @Override
    public PublishedDocument publish(RenderedDraft draft, Reviewer reviewer, boolean replace)
            throws PublishException {
        try {
            Optional<File> existing = find(draft.incidentId());
            File file;
            if (existing.isEmpty()) {
                file = create(draft);
            } else if (replace) {
                file = update(existing.get().getId(), draft);
            } else {
                file = existing.get();
                LOG.infof("%s: found its postmortem %s in Drive", draft.incidentId(), file.getId());
            }

            share(draft.incidentId(), file.getId(), reviewer);
            return new PublishedDocument(file.getId(), url(file));
        } catch (GoogleJsonResponseException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new PublishException("Drive could not be reached: " + e, true, e);
        }
    }

    private Optional<File> find(String incidentId) throws IOException {
        String query =
                "appProperties has { key='"
                        + MARKER
                        + "' and value='"
                        + quoted(incidentId)
                        + "' } and trashed = false";
        FileList found =
                drive.files()
                        .list()
                        .setQ(query)
                        .setSpaces("drive")
                        .setSupportsAllDrives(true)
                        .setIncludeItemsFromAllDrives(true)
                        .setFields("files(" + FIELDS + ")")
                        .execute();
        List<File> files = found.getFiles() == null ? List.of() : found.getFiles();
        return files.stream().findFirst();
    }

    private File create(RenderedDraft draft) throws IOException {
        File metadata =
                new File()
                        .setName(draft.title())
                        .setMimeType(GOOGLE_DOC)
                        .setDescription("Postmortem draft of " + draft.reference())
                        .setAppProperties(Map.of(MARKER, draft.incidentId()));
        folderId.ifPresent(folder -> metadata.setParents(List.of(folder)));

        Drive.Files.Create create =
                drive.files()
                        .create(metadata, html(draft))
                        .setSupportsAllDrives(true)
                        .setFields(FIELDS);
        // One multipart request (metadata and content), not a resumable session.
        create.getMediaHttpUploader().setDirectUploadEnabled(true);
        File created = create.execute();
        LOG.infof("%s: created postmortem %s in Drive", draft.incidentId(), created.getId());
        return created;
    }

    private File update(String fileId, RenderedDraft draft) throws IOException {
        Drive.Files.Update update =
                drive.files()
                        .update(fileId, new File().setName(draft.title()), html(draft))
                        .setSupportsAllDrives(true)
                        .setFields(FIELDS);
        update.getMediaHttpUploader().setDirectUploadEnabled(true);
        File updated = update.execute();
        LOG.infof("%s: replaced the content of postmortem %s", draft.incidentId(), fileId);
        return updated;
    }

    private void share(String incidentId, String fileId, Reviewer reviewer) throws IOException {
        List<DriveShare> all = new ArrayList<>(shares);
        if (reviewer != null && reviewer.email() != null && !"none".equals(reviewerRole)) {
            all.add(new DriveShare("user", reviewerRole, reviewer.email(), null, false));
        }
        for (DriveShare share : all) {
            Permission permission =
                    new Permission()
                            .setType(share.type())
                            .setRole(share.role())
                            .setEmailAddress(share.emailAddress())
                            .setDomain(share.domain());
            Drive.Permissions.Create create =
                    drive.permissions()
                            .create(fileId, permission)
                            .setSupportsAllDrives(true)
                            .setFields("id");
            if (share.addressesPeople()) {
                create.setSendNotificationEmail(share.sendEmail());
            }
            create.execute();
            LOG.debugf(
                    "%s: shared %s as %s with a %s",
                    incidentId, fileId, share.role(), share.type());
        }
    }

    private static ByteArrayContent html(RenderedDraft draft) {
        return new ByteArrayContent("text/html; charset=UTF-8", draft.html().getBytes(UTF_8));
    }

    private static String url(File file) {
        return file.getWebViewLink() != null
                ? file.getWebViewLink()
                : "https://docs.google.com/document/d/" + file.getId() + "/edit";
    }

    /** Rate limits, server errors and timeouts may pass; anything else will not. */
    static PublishException failure(GoogleJsonResponseException e) {
        int status = e.getStatusCode();
        GoogleJsonError details = e.getDetails();
        String reason = "";
        String message = e.getStatusMessage();
        if (details != null) {
            message = details.getMessage();
            if (details.getErrors() != null && !details.getErrors().isEmpty()) {
                reason = details.getErrors().get(0).getReason();
            }
        }
        boolean rateLimited =
                status == 429
                        || status == 403
                                && ("rateLimitExceeded".equals(reason)
                                        || "userRateLimitExceeded".equals(reason));
        boolean retryable = rateLimited || status >= 500 || status == 408;
        String text = "Drive answered " + status + (reason.isEmpty() ? "" : " " + reason);
        return new PublishException(text + ": " + message, retryable, e);
    }

    /** A value inside a Drive query's single quotes. */
    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("'", "\\'");
    }
}
