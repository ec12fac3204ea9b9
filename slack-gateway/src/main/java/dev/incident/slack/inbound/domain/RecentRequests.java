package dev.incident.slack.inbound.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The requests handled lately, by their natural key (event id, trigger, view), so that a retried or
 * repeated delivery publishes nothing. Kept in memory for a window: after a restart a retry is
 * handled again, and then its deterministic command id lets incident-core answer "duplicate".
 */
public final class RecentRequests {

    private final Duration window;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Instant> handled = new LinkedHashMap<>();

    public RecentRequests(Duration window, int capacity, Clock clock) {
        this.window = window;
        this.capacity = capacity;
        this.clock = clock;
    }

    /**
     * True when this is the first delivery of {@code key} within the window; it is then claimed.
     */
    public synchronized boolean claim(String key) {
        Instant now = clock.instant();
        forgetOlderThan(now.minus(window));

        Instant seen = handled.get(key);
        if (seen != null) {
            return false;
        }
        handled.put(key, now);
        return true;
    }

    /** Forgets a claim whose handling failed, so that Slack's retry is handled. */
    public synchronized void release(String key) {
        handled.remove(key);
    }

    private void forgetOlderThan(Instant limit) {
        Iterator<Map.Entry<String, Instant>> oldest = handled.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<String, Instant> entry = oldest.next();
            if (entry.getValue().isAfter(limit) && handled.size() < capacity) {
                return;
            }
            oldest.remove();
        }
    }
}
