package dev.incident.email;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import dev.incident.email.config.IngestConfig;

/** The service's configuration pointed at the second test mailbox, for a reader of a test's own. */
final class OtherMailbox implements IngestConfig {

    private final IngestConfig service;

    OtherMailbox(IngestConfig service) {
        this.service = service;
    }

    @Override
    public Mailbox mailbox() {
        Mailbox base = service.mailbox();
        return new Mailbox() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public String host() {
                return base.host();
            }

            @Override
            public int port() {
                return base.port();
            }

            @Override
            public boolean ssl() {
                return base.ssl();
            }

            @Override
            public String user() {
                return GreenMailResource.OTHER_ADDRESS;
            }

            @Override
            public Optional<String> password() {
                return base.password();
            }

            @Override
            public String folder() {
                return base.folder();
            }

            @Override
            public String processedFolder() {
                return base.processedFolder();
            }

            @Override
            public String ignoredFolder() {
                return base.ignoredFolder();
            }

            @Override
            public String quarantineFolder() {
                return base.quarantineFolder();
            }

            @Override
            public Duration pollInterval() {
                return base.pollInterval();
            }

            @Override
            public boolean idle() {
                return base.idle();
            }

            @Override
            public Duration reconnectDelay() {
                return base.reconnectDelay();
            }

            @Override
            public boolean useMove() {
                return base.useMove();
            }

            @Override
            public Duration timeout() {
                return base.timeout();
            }

            @Override
            public Duration ackTimeout() {
                return base.ackTimeout();
            }
        };
    }

    @Override
    public Limits limits() {
        return service.limits();
    }

    @Override
    public String platformAddress() {
        return service.platformAddress();
    }

    @Override
    public int excerptLength() {
        return service.excerptLength();
    }

    @Override
    public Map<String, CustomerEntry> customers() {
        return service.customers();
    }
}
