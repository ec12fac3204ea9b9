package dev.incident.slack.inbound.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.incident.slack.inbound.domain.ReplyTarget;

/** Commands sent and not yet decided, with whom to tell and what they asked for. */
public final class PendingReplies {

    /** One command waiting for its result. */
    public record Pending(ReplyTarget target, String what, Instant sentAt) {}

    private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();
    private final Clock clock;

    public PendingReplies(Clock clock) {
        this.clock = clock;
    }

    public void register(UUID commandId, ReplyTarget target, String what) {
        pending.put(commandId, new Pending(target, what, clock.instant()));
    }

    public Optional<Pending> take(UUID commandId) {
        return Optional.ofNullable(pending.remove(commandId));
    }

    /** Removes and returns those that waited longer than {@code timeout}. */
    public List<Pending> expire(Duration timeout) {
        Instant limit = clock.instant().minus(timeout);
        List<Pending> expired = new ArrayList<>();
        pending.entrySet()
                .removeIf(
                        entry -> {
                            boolean old = entry.getValue().sentAt().isBefore(limit);
                            if (old) {
                                expired.add(entry.getValue());
                            }
                            return old;
                        });
        return expired;
    }
}
