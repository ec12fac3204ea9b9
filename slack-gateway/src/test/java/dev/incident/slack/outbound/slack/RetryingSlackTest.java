package dev.incident.slack.outbound.slack;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.incident.slack.outbound.domain.RetryPolicy;
import dev.incident.slack.outbound.slack.SlackCallException.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryingSlackTest {

    private static final RetryPolicy POLICY =
            new RetryPolicy(
                    4, Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(60));
    private static final SlackCall CALL = SlackCall.pin("inc-1", "C1", "1.000001");

    private final List<Duration> waits = new ArrayList<>();
    private final Deque<SlackCallException> failures = new ArrayDeque<>();
    private int calls;

    private final SlackApi flaky =
            call -> {
                calls++;
                if (!failures.isEmpty()) {
                    throw failures.poll();
                }
                return SlackResult.EMPTY;
            };
    private final RetryingSlack slack = new RetryingSlack(flaky, POLICY, waits::add);

    @Test
    void shouldWaitAsLongAsRetryAfterSays() throws Exception {
        failures.add(
                new SlackCallException(
                        "pins.add", "HTTP 429", Kind.RATE_LIMITED, Duration.ofSeconds(7)));

        slack.call(CALL);

        assertThat(calls).isEqualTo(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void shouldBackOffExponentiallyUpToTheCapOnTransientErrors() throws Exception {
        for (int i = 0; i < 3; i++) {
            failures.add(SlackCallException.fromError("pins.add", "internal_error"));
        }

        slack.call(CALL);

        assertThat(waits)
                .containsExactly(
                        Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(250));
    }

    @Test
    void shouldGiveUpAtOnceOnPermanentErrors() {
        for (String error : List.of("channel_not_found", "not_in_channel", "invalid_auth")) {
            failures.add(SlackCallException.fromError("pins.add", error));

            assertThatThrownBy(() -> slack.call(CALL))
                    .isInstanceOfSatisfying(
                            SlackCallException.class,
                            e -> assertThat(e.kind()).isEqualTo(Kind.PERMANENT));
        }
        assertThat(calls).isEqualTo(3);
        assertThat(waits).isEmpty();
    }

    @Test
    void shouldGiveUpAfterTheLastAttempt() {
        for (int i = 0; i < 10; i++) {
            failures.add(SlackCallException.fromError("pins.add", "service_unavailable"));
        }

        assertThatThrownBy(() -> slack.call(CALL)).hasMessageContaining("service_unavailable");
        assertThat(calls).isEqualTo(4);
    }
}
