package dev.incident.postmortem.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the postmortem draft, its publication and its reviewer. */
@ConfigMapping(prefix = "postmortem")
public interface PostmortemConfig {

    /** A folder with postmortem.html and postmortem.md that replace the bundled templates. */
    Optional<Path> templateDir();

    /** The time zone of the times in the draft. */
    @WithDefault("UTC")
    ZoneId zone();

    /** Google Drive; without a credentials file the draft goes to the local outbox instead. */
    Drive drive();

    /** How often the publication worker looks for postmortems that are due. */
    @WithDefault("5s")
    Duration pollInterval();

    /** How often and how long a failed publication is tried again. */
    Retry retry();

    /**
     * The account engineer of each customer, by customer id; the key {@code default} serves
     * customers without their own.
     */
    Map<String, AccountEngineer> accountEngineers();

    /** Google Drive settings. */
    interface Drive {

        /** The service account's JSON key file; absent means no Drive (local outbox). */
        Optional<Path> credentialsFile();

        /** The API's base URL; tests point it at a local server. */
        @WithDefault("https://www.googleapis.com/")
        String rootUrl();

        /** The folder (or shared drive folder) that receives the documents. */
        Optional<String> folderId();

        /** Who else gets access to each document, by a name of your choice. */
        Map<String, Share> sharing();

        /** The role the reviewer gets on the document when their email is known; none to skip. */
        @WithDefault("commenter")
        String reviewerRole();

        /** Connect and read timeout of each call to Drive. */
        @WithDefault("PT20S")
        Duration timeout();
    }

    /** One permission given on every document (Drive permissions.create). */
    interface Share {

        /** user, group, domain or anyone. */
        String type();

        /** reader, commenter or writer. */
        @WithDefault("reader")
        String role();

        /** The user's or group's email address (type user or group). */
        Optional<String> emailAddress();

        /** The domain (type domain). */
        Optional<String> domain();

        /** Whether Drive emails the user or group about the share. */
        @WithDefault("false")
        boolean sendEmail();
    }

    /** Retries of a failed publication. */
    interface Retry {

        /** Tries in all before the failure is recorded in the incident. */
        @WithDefault("5")
        int maxAttempts();

        /** The wait after the first failure; it doubles after each further one. */
        @WithDefault("PT10S")
        Duration initialBackoff();

        /** The longest wait between two tries. */
        @WithDefault("PT5M")
        Duration maxBackoff();
    }

    /** A customer's account engineer, named in the draft as its reviewer. */
    interface AccountEngineer {

        /** Their Slack user id, so the channel can mention them. */
        String slackUserId();

        /** Their name as shown in the draft. */
        String name();

        /** Their email, to share the Drive document with them. */
        Optional<String> email();
    }
}
