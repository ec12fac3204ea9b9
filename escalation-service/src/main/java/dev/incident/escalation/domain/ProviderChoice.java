package dev.incident.escalation.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * Which on-call provider pages for a schedule.
 *
 * @param provider {@link #BUILTIN}, {@link #OPSGENIE} or {@link #PAGERDUTY}
 * @param reference the provider's name for the schedule: an Opsgenie schedule name, a PagerDuty
 *     escalation policy id; null for the built-in rotation
 * @param fallbackToBuiltin page the schedule's own layers when the provider cannot be reached
 */
public record ProviderChoice(String provider, String reference, boolean fallbackToBuiltin) {

    public static final String BUILTIN = "builtin";
    public static final String OPSGENIE = "opsgenie";
    public static final String PAGERDUTY = "pagerduty";

    public ProviderChoice {
        provider = Objects.requireNonNullElse(provider, BUILTIN).toLowerCase(Locale.ROOT);
        if (!provider.matches(BUILTIN + "|" + OPSGENIE + "|" + PAGERDUTY)) {
            throw new IllegalArgumentException("unknown on-call provider '" + provider + "'");
        }
        if (!BUILTIN.equals(provider) && (reference == null || reference.isBlank())) {
            throw new IllegalArgumentException(
                    provider + " needs the provider's schedule reference");
        }
    }

    public static ProviderChoice builtin() {
        return new ProviderChoice(BUILTIN, null, false);
    }

    public boolean isBuiltin() {
        return BUILTIN.equals(provider);
    }
}
