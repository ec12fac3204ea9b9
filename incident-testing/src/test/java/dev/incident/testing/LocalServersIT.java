package dev.incident.testing;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.DriverManager;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalServersIT {

    @Test
    void shouldGiveEachCallerAWorkingDatabaseOnTheRealServer() throws Exception {
        String database = LocalPostgres.ensureDatabase("testing_probe");
        LocalPostgres.ensureDatabase("testing_probe");

        try (var connection =
                        DriverManager.getConnection(
                                LocalPostgres.jdbcUrl(database),
                                LocalPostgres.user(),
                                LocalPostgres.password());
                var result = connection.createStatement().executeQuery("SELECT version()")) {
            result.next();
            assertThat(result.getString(1)).startsWith("PostgreSQL");
        }
    }

    @Test
    void shouldReuseTheRunningBrokerOnASecondStart() throws Exception {
        String first = LocalKafka.bootstrapServers();
        String again =
                System.getenv("KAFKA_BOOTSTRAP_SERVERS") == null
                        ? LocalScripts.run("kafka", "start")
                        : first;

        assertThat(again).isEqualTo(first);
        String[] hostPort = first.split(",")[0].split(":");
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 2000);
            assertThat(socket.isConnected()).isTrue();
        }
    }
}
