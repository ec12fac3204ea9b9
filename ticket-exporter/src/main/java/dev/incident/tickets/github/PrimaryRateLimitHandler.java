package dev.incident.tickets.github;

import java.io.IOException;

import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * The primary rate limit (the hourly quota: 403 with {@code x-ratelimit-remaining: 0}): waits until
 * the reset time, after which github-api retries the request.
 */
final class PrimaryRateLimitHandler extends GitHubRateLimitHandler {

    private final RateLimitWait wait;

    PrimaryRateLimitHandler(RateLimitWait wait) {
        this.wait = wait;
    }

    @Override
    public void onError(GitHubConnectorResponse response) throws IOException {
        wait.await(response, "primary");
    }
}
