package dev.incident.tickets.github;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueBuilder;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.connector.GitHubConnector;

import dev.incident.tickets.domain.IssueComposer;
import dev.incident.tickets.domain.IssueDraft;
import dev.incident.tickets.domain.IssueTracker;
import dev.incident.tickets.domain.TrackedIssue;
import dev.incident.tickets.domain.TrackerRefusedException;

/**
 * Follow-ups as GitHub issues through org.kohsuke:github-api. An existing issue is found by listing
 * the repository's issues labelled {@code incident} since the incident began and looking for the
 * marker in their bodies: the list is consistent at once, unlike the search index, so a restart
 * right after a create still finds the issue.
 */
public final class GitHubIssueTracker implements IssueTracker {

    private final GitHub github;
    private final Map<String, GHRepository> repositories = new ConcurrentHashMap<>();

    GitHubIssueTracker(GitHub github) {
        this.github = github;
    }

    /**
     * A client for {@code apiUrl} (https://api.github.com, a GitHub Enterprise https://host/api/v3)
     * that waits out rate limits up to {@code maxRateLimitWait}.
     */
    public static GitHubIssueTracker connect(String apiUrl, String token, Duration maxRateLimitWait)
            throws IOException {
        RateLimitWait wait = new RateLimitWait(maxRateLimitWait, Clock.systemUTC());
        GitHub github =
                new GitHubBuilder()
                        .withEndpoint(apiUrl)
                        .withOAuthToken(token)
                        .withConnector(new NoBlindResendConnector(GitHubConnector.DEFAULT))
                        .withRateLimitHandler(new PrimaryRateLimitHandler(wait))
                        .withAbuseLimitHandler(new SecondaryRateLimitHandler(wait))
                        .build();
        return new GitHubIssueTracker(github);
    }

    @Override
    public Optional<TrackedIssue> find(IssueDraft draft) throws IOException {
        try {
            GHRepository repository = repository(draft.repository());
            for (GHIssue issue :
                    repository
                            .queryIssues()
                            .label(IssueComposer.INCIDENT_LABEL)
                            .state(GHIssueState.ALL)
                            .since(Date.from(draft.notBefore()))
                            .pageSize(100)
                            .list()) {
                if (draft.marker().foundIn(issue.getBody())) {
                    return Optional.of(tracked(draft.repository(), issue));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw translate(e, "look for the issue of " + draft.marker(), draft.repository());
        }
    }

    @Override
    public TrackedIssue create(IssueDraft draft) throws IOException {
        try {
            GHIssueBuilder builder =
                    repository(draft.repository()).createIssue(draft.title()).body(draft.body());
            draft.labels().forEach(builder::label);
            if (draft.assignee() != null) {
                builder.assignee(draft.assignee());
            }
            return tracked(draft.repository(), builder.create());
        } catch (IOException e) {
            throw translate(e, "create the issue of " + draft.marker(), draft.repository());
        }
    }

    private GHRepository repository(String fullName) throws IOException {
        GHRepository known = repositories.get(fullName);
        if (known != null) {
            return known;
        }
        GHRepository fetched = github.getRepository(fullName);
        repositories.put(fullName, fetched);
        return fetched;
    }

    private static TrackedIssue tracked(String repository, GHIssue issue) {
        return new TrackedIssue(
                String.valueOf(issue.getHtmlUrl()), repository + "#" + issue.getNumber());
    }

    /**
     * A refusal that retrying cannot fix becomes a {@link TrackerRefusedException} with a reason a
     * person can act on; anything else (server errors, the network, long rate limits) stays a plain
     * IOException to be retried later.
     */
    static IOException translate(IOException e, String operation, String repository) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RateLimitedException limited) {
                return limited;
            }
        }
        int status = status(e);
        String could = "GitHub answered " + status + " when trying to " + operation + " in ";
        switch (status) {
            case 401:
                return new TrackerRefusedException(
                        could + repository + ": the configured token is not valid", e);
            case 403:
                return new TrackerRefusedException(
                        could
                                + repository
                                + ": the token lacks permission (it needs Issues read and write"
                                + " on the repository)",
                        e);
            case 404:
                return new TrackerRefusedException(
                        could
                                + repository
                                + ": the repository does not exist or the token may not see it"
                                + " (GitHub answers 404 when a token lacks access)",
                        e);
            case 410:
                return new TrackerRefusedException(
                        could + repository + ": issues are turned off for the repository", e);
            case 422:
                return new TrackerRefusedException(
                        could + repository + ": GitHub rejected the issue: " + e.getMessage(), e);
            default:
                return e;
        }
    }

    private static int status(IOException e) {
        if (e instanceof HttpException http) {
            return http.getResponseCode();
        }
        if (e instanceof FileNotFoundException) {
            return 404;
        }
        return -1;
    }
}
