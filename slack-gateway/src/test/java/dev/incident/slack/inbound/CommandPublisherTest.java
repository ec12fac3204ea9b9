package dev.incident.slack.inbound;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.IncidentCommand.AddFollowUp;
import dev.incident.events.model.Actor;
import dev.incident.slack.inbound.messaging.CommandPublisher;
import dev.incident.slack.inbound.messaging.KafkaSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CommandPublisherTest {

    @Test
    void shouldHandOverACommandAtOnceEvenWhenNoBrokerAnswers() {
        KafkaSettings nowhere = new KafkaSettings("127.0.0.1:9", Optional.empty());
        CommandPublisher publisher = new CommandPublisher(nowhere);
        CommandEnvelope command =
                CommandEnvelope.of(
                        "inc-1", Actor.slackUser("U1", null), Instant.now(), new AddFollowUp("x"));

        long started = System.nanoTime();
        CompletableFuture<Void> sent = publisher.publish(command);
        Duration handOver = Duration.ofNanos(System.nanoTime() - started);

        assertThat(handOver).isLessThan(Duration.ofMillis(500));
        await().atMost(Duration.ofSeconds(20)).until(sent::isDone);
        assertThat(sent).isCompletedExceptionally();
    }
}
