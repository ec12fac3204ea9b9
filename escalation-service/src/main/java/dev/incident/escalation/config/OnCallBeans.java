package dev.incident.escalation.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;
import org.jboss.logging.Logger;

import dev.incident.escalation.domain.IncidentReactions;
import dev.incident.escalation.domain.OnCallSetup;
import dev.incident.escalation.oncall.BuiltinRotationProvider;
import dev.incident.escalation.oncall.OnCallProvider;
import dev.incident.escalation.oncall.OpsgenieProvider;
import dev.incident.escalation.oncall.Pager;
import dev.incident.escalation.oncall.PagerDutyProvider;
import dev.incident.escalation.oncall.PagesOutbox;

/**
 * Builds the on-call setup from its file and the pager with the providers that have credentials
 * here; a provider without credentials is left out, so its schedules page their built-in layers.
 */
public class OnCallBeans {

    private static final Logger LOG = Logger.getLogger(OnCallBeans.class);
    private static final String LOCAL_FILE = "oncall-local.yaml";

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    OnCallSetup setup(EscalationConfig config) {
        OnCallSetup setup =
                config.oncallFile()
                        .map(OnCallBeans::fromFile)
                        .orElseGet(OnCallBeans::fromClasspath);
        LOG.infof(
                "on-call setup: schedules %s, operations engineers %s, coordinators %s,"
                        + " matrices for %s",
                setup.schedules().keySet(),
                setup.operationsEngineerSchedule(),
                setup.incidentCoordinatorSchedule(),
                setup.matrices().keySet());
        return setup;
    }

    @Produces
    @Singleton
    IncidentReactions reactions(OnCallSetup setup) {
        return new IncidentReactions(setup);
    }

    @Produces
    @Singleton
    PagesOutbox outbox(PlatformConfig platform) {
        PagesOutbox outbox = new PagesOutbox(Path.of(platform.outbox().dir()));
        LOG.infof("built-in pages go to %s", outbox.file().toAbsolutePath().normalize());
        return outbox;
    }

    @Produces
    @Singleton
    Pager pager(EscalationConfig config, OnCallSetup setup, PagesOutbox outbox) {
        Map<String, OnCallProvider> connected = new HashMap<>();
        var opsgenie = config.opsgenie();
        opsgenie.apiKey()
                .filter(key -> !key.isBlank())
                .ifPresent(
                        key ->
                                connected.put(
                                        "opsgenie",
                                        new OpsgenieProvider(
                                                opsgenie.baseUrl(),
                                                key,
                                                config.providerTimeout(),
                                                setup)));
        var pagerduty = config.pagerduty();
        if (pagerduty.apiToken().isPresent() && pagerduty.routingKey().isPresent()) {
            connected.put(
                    "pagerduty",
                    new PagerDutyProvider(
                            pagerduty.baseUrl(),
                            pagerduty.eventsUrl(),
                            pagerduty.apiToken().get(),
                            pagerduty.routingKey().get(),
                            config.providerTimeout(),
                            setup));
        }
        LOG.infof("on-call providers with credentials: %s", connected.keySet());
        return new Pager(new BuiltinRotationProvider(outbox), connected);
    }

    private static OnCallSetup fromFile(String path) {
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            return OnCallFile.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the on-call file " + path, e);
        }
    }

    private static OnCallSetup fromClasspath() {
        try (InputStream in =
                Thread.currentThread().getContextClassLoader().getResourceAsStream(LOCAL_FILE)) {
            if (in == null) {
                throw new IllegalStateException(LOCAL_FILE + " is not on the classpath");
            }
            return OnCallFile.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LOCAL_FILE, e);
        }
    }
}
