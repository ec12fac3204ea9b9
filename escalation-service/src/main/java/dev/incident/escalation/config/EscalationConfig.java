package dev.incident.escalation.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The escalation-service's settings, under {@code escalation}. */
@ConfigMapping(prefix = "escalation")
public interface EscalationConfig {

    /** The on-call file (YAML); without it, oncall-local.yaml from the classpath. */
    Optional<String> oncallFile();

    /** How long a paged person has to accept before the next layer is paged. */
    @WithDefault("PT10M")
    Duration acceptWithin();

    /** How often to look for escalations whose accept time ran out. */
    @WithDefault("15s")
    String checkEvery();

    /** How long to wait for an on-call provider to connect and answer. */
    @WithDefault("PT5S")
    Duration providerTimeout();

    Opsgenie opsgenie();

    Pagerduty pagerduty();

    /** Opsgenie's REST API v2. */
    interface Opsgenie {

        /** Opsgenie's API address (api.eu.opsgenie.com for the EU instance). */
        @WithDefault("https://api.opsgenie.com")
        String baseUrl();

        /** An API integration's key; without it, Opsgenie schedules page their built-in layers. */
        Optional<String> apiKey();

        /**
         * The value Opsgenie's outgoing webhook sends in header X-Escalation-Token; without it,
         * Opsgenie acknowledgements are refused.
         */
        Optional<String> webhookToken();
    }

    /** PagerDuty's REST API and Events API v2. */
    interface Pagerduty {

        /** The REST API address, for who is on call. */
        @WithDefault("https://api.pagerduty.com")
        String baseUrl();

        /** The Events API address, for triggering. */
        @WithDefault("https://events.pagerduty.com")
        String eventsUrl();

        /** A REST API token; PagerDuty pages only with both this and the routing key. */
        Optional<String> apiToken();

        /** The Events API v2 integration (routing) key of the service to trigger. */
        Optional<String> routingKey();

        /**
         * The signing secret of a v3 webhook subscription; without it, PagerDuty acknowledgements
         * are refused.
         */
        Optional<String> webhookSecret();
    }
}
