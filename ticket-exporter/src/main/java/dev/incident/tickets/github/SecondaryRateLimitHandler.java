package dev.incident.tickets.github;

import java.io.IOException;

import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * The secondary rate limit (429, or 403 with {@code Retry-After}): waits as long as GitHub asks,
 * after which github-api retries the request.
 */
final class SecondaryRateLimitHandler extends GitHubAbuseLimitHandler {

    private final RateLimitWait wait;

    SecondaryRateLimitHandler(RateLimitWait wait) {
        this.wait = wait;
    }

    @Override
    public void onError(GitHubConnectorResponse response) throws IOException {
        wait.await(response, "secondary");
    }
}
