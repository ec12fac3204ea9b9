package dev.incident.slack;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.incident.slack.inbound.SlackApiResource;
import dev.incident.testing.KafkaResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SlackApiResource.class, restrictToAnnotatedClass = false)
class HealthTest {

    @Test
    void shouldReportUpOnItsHealthEndpoint() {
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }
}
