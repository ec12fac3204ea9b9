package dev.incident.postmortem.domain;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Test
    void shouldDoubleTheWaitAfterEachFailureUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(60));

        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.after(99)).isEqualTo(Duration.ofSeconds(60));
    }
}
