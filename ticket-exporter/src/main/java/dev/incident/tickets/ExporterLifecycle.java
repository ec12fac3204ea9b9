package dev.incident.tickets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.incident.events.kafka.Topics;
import dev.incident.tickets.config.ExporterConfig;
import dev.incident.tickets.domain.IssueComposer;
import dev.incident.tickets.domain.IssueTracker;
import dev.incident.tickets.github.GitHubIssueTracker;
import dev.incident.tickets.github.OutboxIssueTracker;

/** Starts the exporter with GitHub, or with the outbox when no token is configured. */
@ApplicationScoped
public class ExporterLifecycle {

    private static final Logger LOG = Logger.getLogger(ExporterLifecycle.class);

    /** The repository named in outbox lines when none is configured. */
    static final String OUTBOX_REPOSITORY = "local/follow-ups";

    private final ExporterConfig config;
    private final String bootstrapServers;
    private volatile ExporterRuntime runtime;

    public ExporterLifecycle(
            ExporterConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes StartupEvent event) {
        runtime = ExporterRuntime.start(settings());
    }

    void stop(@Observes ShutdownEvent event) {
        if (runtime != null) {
            runtime.close();
        }
    }

    /** False once the consumer thread ended after an error; a restart is the cure. */
    public boolean alive() {
        return runtime == null || runtime.alive();
    }

    /** True while the consumer runs and has read the log of every incident it owns. */
    public boolean ready() {
        return runtime != null && runtime.ready();
    }

    private ExporterRuntime.Settings settings() {
        // A rate-limit wait blocks the poll loop; the group must not think the member died.
        Duration maxPoll = config.github().maxRateLimitWait().multipliedBy(4).plusMinutes(5);
        return new ExporterRuntime.Settings(
                bootstrapServers,
                config.tickets().consumerGroup(),
                Topics.Names.withPrefix(config.topics().prefix().orElse("")),
                config.tickets().exportWhen(),
                config.tickets().postmortemGrace(),
                composer(),
                tracker(),
                config.tickets().retryInterval(),
                maxPoll);
    }

    private IssueComposer composer() {
        ExporterConfig.GitHub github = config.github();
        return new IssueComposer(
                github.repository().orElse(OUTBOX_REPOSITORY),
                github.customerRepositories(),
                github.assignees(),
                config.tickets().incidentLink().orElse(null));
    }

    private IssueTracker tracker() {
        ExporterConfig.GitHub github = config.github();
        if (github.token().filter(token -> !token.isBlank()).isEmpty()) {
            OutboxIssueTracker outbox =
                    new OutboxIssueTracker(config.outbox().dir(), Clock.systemUTC());
            LOG.infof("No GitHub token configured: writing issues to %s", outbox.file());
            return outbox;
        }
        if (github.repository().isEmpty()) {
            throw new IllegalStateException(
                    "incident.github.repository must name the default repository (owner/name)"
                            + " when a GitHub token is configured");
        }
        try {
            LOG.infof(
                    "Exporting follow-ups to GitHub at %s, default repository %s",
                    github.apiUrl(), github.repository().get());
            return GitHubIssueTracker.connect(
                    github.apiUrl(), github.token().get(), github.maxRateLimitWait());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the GitHub client", e);
        }
    }
}
