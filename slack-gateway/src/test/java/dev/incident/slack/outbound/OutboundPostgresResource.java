package dev.incident.slack.outbound;

import java.util.Map;

import dev.incident.testing.PostgresResource;

/**
 * {@link PostgresResource} for a second Quarkus boot in the same JVM (another test profile). The
 * JDBC driver registered itself with DriverManager from the first boot's class loader, which
 * DriverManager does not let the second boot use, so it is registered again from this one.
 */
public class OutboundPostgresResource extends PostgresResource {

    @Override
    public Map<String, String> start() {
        try {
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the PostgreSQL JDBC driver is missing", e);
        }
        return super.start();
    }
}
