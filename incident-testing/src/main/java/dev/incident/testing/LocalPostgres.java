package dev.incident.testing;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The PostgreSQL server tests run against: the one named by {@code POSTGRES_HOST} and {@code
 * POSTGRES_PORT}, else the private cluster of {@code deploy/local/postgres}, started once and
 * reused. Each caller gets its own database, created when missing.
 */
public final class LocalPostgres {

    private static String address;

    private LocalPostgres() {}

    /** host:port of the server, starting the local cluster when no server is configured. */
    public static synchronized String address() {
        if (address == null) {
            String host = System.getenv("POSTGRES_HOST");
            address =
                    host != null && !host.isBlank()
                            ? host + ":" + Objects.requireNonNullElse(env("POSTGRES_PORT"), "5432")
                            : LocalScripts.run("postgres", "start");
        }
        return address;
    }

    public static String user() {
        return Objects.requireNonNullElse(env("POSTGRES_USER"), "incident");
    }

    public static String password() {
        return Objects.requireNonNullElse(env("POSTGRES_PASSWORD"), "incident");
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + address() + "/" + database;
    }

    /** The reactive client's URL form, as Quarkus' reactive datasource expects it. */
    public static String reactiveUrl(String database) {
        return "postgresql://" + address() + "/" + database;
    }

    /** Creates the database when it does not exist yet; returns its name. */
    public static synchronized String ensureDatabase(String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (var connection = DriverManager.getConnection(jdbcUrl("postgres"), user(), password());
                var exists =
                        connection.prepareStatement(
                                "SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("CREATE DATABASE \"" + database + "\"");
                }
            }
            return database;
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value;
    }
}
