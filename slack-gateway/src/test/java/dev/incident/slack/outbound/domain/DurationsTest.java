package dev.incident.slack.outbound.domain;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTest {

    @Test
    void shouldWriteDurationsTheWayPeopleSayThem() {
        assertThat(Durations.format(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(Durations.format(Duration.ofMinutes(4))).isEqualTo("4 min");
        assertThat(Durations.format(Duration.ofMinutes(125))).isEqualTo("2 h 05 min");
        assertThat(Durations.format(Duration.ofHours(76))).isEqualTo("3 d 4 h");
    }
}
