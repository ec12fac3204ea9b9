package dev.incident.email.messaging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts what became of the mailbox's messages: received, declared, duplicate, ignored (by reason)
 * and quarantined (by reason).
 */
@ApplicationScoped
public class IngestMetrics {

    /** How many recently declared incident ids are remembered to recognise duplicates. */
    private static final int REMEMBERED = 10_000;

    private final MeterRegistry registry;
    private final Set<String> declared =
            Collections.newSetFromMap(
                    Collections.synchronizedMap(
                            new LinkedHashMap<>(16, 0.75f, true) {
                                @Override
                                protected boolean removeEldestEntry(
                                        Map.Entry<String, Boolean> eldest) {
                                    return size() > REMEMBERED;
                                }
                            }));

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void received() {
        registry.counter("email.ingest.received").increment();
    }

    /**
     * Counts a declaration, or a duplicate when this instance declared the same incident before
     * (the same email delivered twice, or read again after a crash).
     *
     * @return true when it was a duplicate
     */
    public boolean declared(String incidentId) {
        if (!declared.add(incidentId)) {
            registry.counter("email.ingest.duplicate").increment();
            return true;
        }
        registry.counter("email.ingest.declared").increment();
        return false;
    }

    public void ignored(Enum<?> reason) {
        registry.counter("email.ingest.ignored", "reason", tag(reason)).increment();
    }

    public void quarantined(Enum<?> reason) {
        registry.counter("email.ingest.quarantined", "reason", tag(reason)).increment();
    }

    private static String tag(Enum<?> reason) {
        return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
