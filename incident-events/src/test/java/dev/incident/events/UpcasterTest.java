package dev.incident.events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.incident.events.event.ChainVerifier;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.event.IncidentEvent.ReminderIssued;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.model.ReminderRule;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads a log written by the first contract version, kept byte for byte in test resources. */
class UpcasterTest {

    private final ContractCodec codec = new ContractCodec();

    @Test
    void shouldReadAVersionOneReminderAsTheCurrentShape() throws IOException {
        List<byte[]> stored = storedLog();

        EventEnvelope reminder = codec.decodeEvent(stored.get(1));

        assertThat(reminder.schemaVersion()).isEqualTo(2);
        assertThat(reminder.payload())
                .isEqualTo(
                        new ReminderIssued(
                                ReminderRule.CUSTOMER_UPDATE,
                                reminder.occurredAt(),
                                "Time to update the customer"));
    }

    @Test
    void shouldStillVerifyTheChainOfTheOldLogAsStored() throws IOException {
        var report = new ChainVerifier().verify(storedLog());

        assertThat(report.intact()).isTrue();
        assertThat(report.checked()).isEqualTo(2);
    }

    private static List<byte[]> storedLog() throws IOException {
        try (InputStream in = UpcasterTest.class.getResourceAsStream("/fixtures/log-v1.jsonl")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines()
                    .filter(line -> !line.isBlank())
                    .map(line -> line.getBytes(StandardCharsets.UTF_8))
                    .toList();
        }
    }
}
