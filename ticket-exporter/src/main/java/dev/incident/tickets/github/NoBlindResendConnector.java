package dev.incident.tickets.github;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;

import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * github-api sends a request again by itself after a socket error or timeout. For a create that may
 * already have reached GitHub, that could make a second issue; this connector turns such errors on
 * anything but a GET into a plain IOException, so the exporter retries later and looks for the
 * marker first. A refused connection (nothing was sent) is still retried at once.
 */
final class NoBlindResendConnector implements GitHubConnector {

    private final GitHubConnector delegate;

    NoBlindResendConnector(GitHubConnector delegate) {
        this.delegate = delegate;
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        try {
            return delegate.send(request);
        } catch (ConnectException e) {
            throw e;
        } catch (SocketException | SocketTimeoutException e) {
            if ("GET".equals(request.method())) {
                throw e;
            }
            throw new IOException(
                    request.method()
                            + " "
                            + request.url()
                            + " broke off, it may or may not have taken effect: "
                            + e.getMessage(),
                    e);
        }
    }
}
