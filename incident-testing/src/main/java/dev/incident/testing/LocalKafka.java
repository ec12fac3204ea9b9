package dev.incident.testing;

/**
 * The Kafka broker tests run against: the one named by {@code KAFKA_BOOTSTRAP_SERVERS}, else the
 * local single-node broker of {@code deploy/local/kafka}, started once and then reused by every
 * module and every later run until {@code deploy/local/down} stops it.
 */
public final class LocalKafka {

    private static String bootstrapServers;

    private LocalKafka() {}

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            String configured = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
            bootstrapServers =
                    configured != null && !configured.isBlank()
                            ? configured
                            : LocalScripts.run("kafka", "start");
        }
        return bootstrapServers;
    }
}
