package dev.incident.core.rest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import dev.incident.testing.KafkaResource;
import dev.incident.testing.LocalPostgres;
import dev.incident.testing.PostgresResource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** The HTTP API over the real broker and database: commands in, reads and audits out. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "core_test"),
        restrictToAnnotatedClass = false)
class IncidentApiIT {

    private static final String TOKEN = "Bearer test-token";

    @Test
    void shouldDeclareOverHttpAndServeTheIncidentByItsReference() {
        String id = "api-" + UUID.randomUUID();

        String reference =
                post(declare(id, "LIVE"), "10s")
                        .statusCode(200)
                        .body("outcome", equalTo("accepted"))
                        .body("reference", startsWith("INC-"))
                        .extract()
                        .path("reference");

        // With wait, the answer comes once the read model has the events: no polling needed.
        given().get("/incidents/" + reference)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("INVESTIGATING"))
                .body("severity", equalTo("P1"))
                .body("customer.id", equalTo("acme"));
        post(declare(id, "LIVE"), "10s").statusCode(200).body("outcome", equalTo("duplicate"));
    }

    @Test
    void shouldAnswer409WithTheReasonWhenTheLifecycleForbidsIt() {
        String id = "api-" + UUID.randomUUID();
        post(declare(id, "LIVE"), "10s").statusCode(200);

        post(command(id, "DeclineIncident", "{\"reason\":\"not ours\"}"), "10s")
                .statusCode(409)
                .body("outcome", equalTo("rejected"))
                .body("reason", containsString("only a triage incident can be declined"));
    }

    @Test
    void shouldRefuseWithoutTokenAndAnswer422ForMalformedCommands() {
        given().contentType(ContentType.JSON)
                .body(declare("api-x", "LIVE"))
                .post("/commands")
                .then()
                .statusCode(401);

        post("{\"type\":\"DeclareIncident\",\"incidentId\":\"x\",\"command\":{}}", null)
                .statusCode(422)
                .body("error", containsString("DeclareIncident"));
        post("{\"type\":\"LaunchRocket\",\"incidentId\":\"x\",\"command\":{}}", null)
                .statusCode(422);
    }

    @Test
    void shouldAnswer202WithTheCommandIdWithoutWait() {
        post(declare("api-" + UUID.randomUUID(), "TRIAGE"), null)
                .statusCode(202)
                .body("commandId", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void shouldShowTheEarlierStateAsOfAnInstantAndVerifyTheChain() throws Exception {
        String id = "api-" + UUID.randomUUID();
        post(declare(id, "LIVE"), "10s").statusCode(200);
        Thread.sleep(50);
        Instant between = Instant.now();
        Thread.sleep(50);
        post(command(id, "ChangeStatus", "{\"status\":\"FIXING\",\"summary\":\"pool\"}"), "10s")
                .statusCode(200);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                given().get("/incidents/" + id)
                                        .then()
                                        .body("status", equalTo("FIXING")));
        given().queryParam("asOf", between.toString())
                .get("/incidents/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("INVESTIGATING"))
                .body("lastSequence", equalTo(1));
        given().queryParam("verify", true)
                .get("/incidents/" + id + "/events")
                .then()
                .statusCode(200)
                .body(
                        "events.type",
                        org.hamcrest.Matchers.contains("IncidentDeclared", "StatusChanged"))
                .body("verification.intact", equalTo(true))
                .body("verification.checked", equalTo(2));
        given().queryParam("status", "fixing")
                .queryParam("customer", "acme")
                .get("/incidents")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void shouldRebuildExactlyTheRowsOfTheLiveProjection() throws Exception {
        String id = "api-" + UUID.randomUUID();
        post(declare(id, "TRIAGE"), "10s").statusCode(200);
        post(command(id, "ConfirmSeverity", "{\"severity\":\"P2\"}"), "10s").statusCode(200);
        post(command(id, "AddFollowUp", "{\"text\":\"alert on pool\"}"), "10s").statusCode(200);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                given().get("/incidents/" + id)
                                        .then()
                                        .body("followUps[0].id", equalTo("FU-1")));
        List<String> live = readModel();
        sql("update incident set title = 'tampered', view = '{}'");

        given().header("Authorization", TOKEN).post("/admin/rebuild").then().statusCode(202);

        await().atMost(Duration.ofSeconds(60)).until(() -> readModel().equals(live));
        assertThat(readModel()).isEqualTo(live);
    }

    @Test
    void shouldDeadLetterAnUnreadableEventAndProjectTheNextOne() throws Exception {
        String prefix =
                org.eclipse.microprofile.config.ConfigProvider.getConfig()
                        .getValue(KafkaResource.PREFIX_KEY, String.class);
        var topics = dev.incident.events.kafka.Topics.Names.withPrefix(prefix);
        var clients =
                new dev.incident.core.messaging.KafkaClients(
                        dev.incident.testing.LocalKafka.bootstrapServers(), prefix);
        try (var producer = clients.producer()) {
            producer.send(
                            new org.apache.kafka.clients.producer.ProducerRecord<>(
                                    topics.events(), "api-damaged", "{damaged".getBytes()))
                    .get();
        }
        String id = "api-" + UUID.randomUUID();

        post(declare(id, "LIVE"), "10s").statusCode(200);

        given().get("/incidents/" + id).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                deadLetterConsumers(clients, topics.deadLetter())
                                        .contains("incident-core-projection"));
    }

    private static List<String> deadLetterConsumers(
            dev.incident.core.messaging.KafkaClients clients, String topic) {
        List<String> consumers = new ArrayList<>();
        try (var consumer = clients.consumer(null)) {
            var partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(
                                    p ->
                                            new org.apache.kafka.common.TopicPartition(
                                                    topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (!partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                consumer.poll(Duration.ofMillis(100))
                        .forEach(
                                r ->
                                        dev.incident.events.kafka.ContractRecords.header(
                                                        r.headers(),
                                                        dev.incident.events.kafka.RecordHeaders
                                                                .DEAD_LETTER_CONSUMER)
                                                .ifPresent(consumers::add));
            }
        }
        return consumers;
    }

    @Test
    void shouldCountCommandsInItsMetrics() {
        post(declare("api-" + UUID.randomUUID(), "LIVE"), "10s").statusCode(200);

        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("incident_commands_total"))
                .body(containsString("incident_projection_lag"));
    }

    private static ValidatableResponse post(String body, String wait) {
        var request =
                given().header("Authorization", TOKEN).contentType(ContentType.JSON).body(body);
        if (wait != null) {
            request.queryParam("wait", wait);
        }
        return request.post("/commands").then();
    }

    private static String declare(String id, String mode) {
        return command(
                id,
                "DeclareIncident",
                """
                {"title":"Checkout down","summary":"500s","source":"API","mode":"%s",
                 "severity":%s,"customer":{"id":"acme","name":"ACME","known":true},
                 "reporter":{"source":"API_CLIENT","id":"alerting","name":"alerting"}}
                """
                        .formatted(mode, mode.equals("LIVE") ? "\"P1\"" : "null"));
    }

    private static String command(String id, String type, String body) {
        return """
        {"type":"%s","incidentId":"%s",
         "actor":{"source":"API_CLIENT","id":"alerting","name":"alerting"},
         "command":%s}
        """
                .formatted(type, id, body);
    }

    /** Every row of the read model as text, in a fixed order. */
    private static List<String> readModel() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection db = connect();
                Statement statement = db.createStatement()) {
            dump(statement, "select * from incident order by id", rows);
            dump(statement, "select * from incident_event order by eventid", rows);
            dump(statement, "select * from projection_offset order by logpartition", rows);
        }
        return rows;
    }

    private static void dump(Statement statement, String query, List<String> rows)
            throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(result.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
    }

    private static void sql(String update) throws SQLException {
        try (Connection db = connect();
                Statement statement = db.createStatement()) {
            statement.executeUpdate(update);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(
                LocalPostgres.jdbcUrl("core_test"), LocalPostgres.user(), LocalPostgres.password());
    }
}
