package dev.incident.events.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The four topics of the platform and the settings they are created with. deploy/local creates the
 * same set on the local broker; a test compares the two.
 */
public final class Topics {

    /** Requests to change an incident, keyed by incident id; written by every service. */
    public static final String COMMANDS = "incident.commands";

    /** The event log, keyed by incident id; written by incident-core only, kept forever. */
    public static final String EVENTS = "incident.events";

    /** Accepted, duplicate or rejected, keyed by command id; written by incident-core. */
    public static final String COMMAND_RESULTS = "incident.command-results";

    /** Records no consumer could process, keyed by their original key, with the error. */
    public static final String DEAD_LETTER = "incident.dead-letter";

    public static final int DEFAULT_PARTITIONS = 6;

    private static final String WEEK = String.valueOf(Duration.ofDays(7).toMillis());
    private static final String MONTH = String.valueOf(Duration.ofDays(30).toMillis());

    /** A topic's name and the configuration it must be created with. */
    public record Spec(String name, Map<String, String> configs) {}

    /**
     * The names a deployment uses. Production uses {@link #STANDARD}; a prefix gives a test or a
     * second environment on a shared broker topics of its own.
     */
    public record Names(String commands, String events, String commandResults, String deadLetter) {

        public static final Names STANDARD =
                new Names(COMMANDS, EVENTS, COMMAND_RESULTS, DEAD_LETTER);

        /** The standard names behind {@code prefix} (empty for the standard names). */
        public static Names withPrefix(String prefix) {
            return new Names(
                    prefix + COMMANDS,
                    prefix + EVENTS,
                    prefix + COMMAND_RESULTS,
                    prefix + DEAD_LETTER);
        }

        /** The four topics with the settings each must be created with. */
        public List<Spec> specs() {
            return List.of(
                    new Spec(commands, Map.of("retention.ms", WEEK)),
                    new Spec(events, Map.of("retention.ms", "-1", "retention.bytes", "-1")),
                    new Spec(commandResults, Map.of("retention.ms", WEEK)),
                    new Spec(deadLetter, Map.of("retention.ms", MONTH)));
        }
    }

    /** The standard topics with their settings. */
    public static final List<Spec> ALL = Names.STANDARD.specs();

    private Topics() {}
}
