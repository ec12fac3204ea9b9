package dev.incident.escalation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

import dev.incident.testing.KafkaResource;
import dev.incident.testing.PostgresResource;

/**
 * The one set of servers every {@code @QuarkusTest} of this module shares, declared once so that
 * Quarkus boots once: the real broker on topics of their own, the real database {@code
 * escalation_test}, and a local Opsgenie.
 */
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "escalation_test"))
@QuarkusTestResource(OpsgenieResource.class)
public final class TestServers {

    private TestServers() {}
}
