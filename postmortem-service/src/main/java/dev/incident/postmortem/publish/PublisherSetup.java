package dev.incident.postmortem.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.incident.postmortem.config.PlatformConfig;
import dev.incident.postmortem.config.PostmortemConfig;
import dev.incident.postmortem.domain.DraftBuilder;
import dev.incident.postmortem.domain.DraftPublisher;
import dev.incident.postmortem.drive.DriveClients;
import dev.incident.postmortem.drive.DrivePublisher;
import dev.incident.postmortem.drive.DriveShare;
import dev.incident.postmortem.outbox.OutboxPublisher;

/** Chooses where drafts go: Drive when a credentials file is configured, else the outbox. */
@ApplicationScoped
public class PublisherSetup {

    private static final Logger LOG = Logger.getLogger(PublisherSetup.class);

    @Produces
    @Singleton
    DraftPublisher publisher(PostmortemConfig config, PlatformConfig platform) {
        PostmortemConfig.Drive drive = config.drive();
        if (drive.credentialsFile().isEmpty()) {
            LOG.info("no Drive credentials configured: postmortems go to the local outbox");
            return new OutboxPublisher(platform.outbox().dir());
        }
        try {
            LOG.infof("postmortems go to Google Drive at %s", drive.rootUrl());
            return new DrivePublisher(
                    DriveClients.serviceAccount(
                            drive.credentialsFile().get(), drive.rootUrl(), drive.timeout()),
                    drive.folderId(),
                    shares(drive),
                    drive.reviewerRole());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the Drive credentials file", e);
        }
    }

    @Produces
    @Singleton
    DraftBuilder draftBuilder(PostmortemConfig config) {
        return new DraftBuilder(config.zone());
    }

    private static List<DriveShare> shares(PostmortemConfig.Drive drive) {
        return drive.sharing().values().stream()
                .map(
                        s ->
                                new DriveShare(
                                        s.type(),
                                        s.role(),
                                        s.emailAddress().orElse(null),
                                        s.domain().orElse(null),
                                        s.sendEmail()))
                .toList();
    }
}
