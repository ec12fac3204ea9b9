package dev.incident.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest}'s reactive datasource at a database of its own on the real server
 * of {@link LocalPostgres}; the database is named by the init argument {@code database}.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private String database = "incident_test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        LocalPostgres.ensureDatabase(database);
        return Map.of(
                "quarkus.datasource.reactive.url", LocalPostgres.reactiveUrl(database),
                "quarkus.datasource.username", LocalPostgres.user(),
                "quarkus.datasource.password", LocalPostgres.password());
    }

    @Override
    public void stop() {
        // The cluster is shared across modules and runs; deploy/local/down stops it.
    }
}
