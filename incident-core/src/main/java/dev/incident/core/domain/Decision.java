package dev.incident.core.domain;

import java.util.List;

import dev.incident.events.event.EventEnvelope;

/** What the decider made of one command: events to append, a duplicate, or a rejection. */
public sealed interface Decision {

    /** The command is allowed; {@code events} are sealed into the incident's hash chain. */
    record Accepted(String reference, List<EventEnvelope> events) implements Decision {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    /** It had already happened; nothing is appended. */
    record Duplicate(String reference, String why) implements Decision {}

    /** It breaks a rule; {@code reason} tells a person what to do instead. */
    record Rejected(String reason) implements Decision {}
}
