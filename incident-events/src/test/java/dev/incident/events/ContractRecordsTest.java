package dev.incident.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.incident.events.event.EventEnvelope;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.json.ContractException;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.kafka.RecordHeaders;
import dev.incident.events.kafka.Topics;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class ContractRecordsTest {

    private final ContractRecords records =
            new ContractRecords(new ContractCodec(), Topics.Names.withPrefix("it."));

    @Test
    void shouldKeyEventsByIncidentAndCarryTypeAndIdAsHeaders() {
        EventEnvelope declared = ContractSamples.chainedEvents("inc-records").get(0);

        var record = records.event(declared);

        assertThat(record.topic()).isEqualTo("it.incident.events");
        assertThat(record.key()).isEqualTo("inc-records");
        assertThat(ContractRecords.header(record.headers(), RecordHeaders.EVENT_TYPE))
                .contains("IncidentDeclared");
        assertThat(ContractRecords.header(record.headers(), RecordHeaders.EVENT_ID))
                .contains(declared.eventId().toString());
        assertThat(ContractRecords.header(record.headers(), RecordHeaders.SEQUENCE)).contains("1");
    }

    @Test
    void shouldDeadLetterTheOriginalBytesWithTheErrorAndWhereTheyCameFrom() {
        byte[] poison = "{\"type\":\"Nope\"".getBytes(UTF_8);
        var original = new ConsumerRecord<>("it.incident.commands", 4, 1207L, "inc-9", poison);
        original.headers().add(RecordHeaders.COMMAND_ID, "c-1".getBytes(UTF_8));

        var letter =
                records.deadLetter(
                        original,
                        "incident-core",
                        new ContractException.Malformed("command is not JSON", null));

        assertThat(letter.topic()).isEqualTo("it.incident.dead-letter");
        assertThat(letter.key()).isEqualTo("inc-9");
        assertThat(letter.value()).isEqualTo(poison);
        assertThat(ContractRecords.header(letter.headers(), RecordHeaders.COMMAND_ID))
                .contains("c-1");
        assertThat(ContractRecords.header(letter.headers(), RecordHeaders.DEAD_LETTER_REASON))
                .contains("command is not JSON");
        assertThat(ContractRecords.header(letter.headers(), RecordHeaders.DEAD_LETTER_OFFSET))
                .contains("1207");
        assertThat(ContractRecords.header(letter.headers(), RecordHeaders.DEAD_LETTER_CONSUMER))
                .contains("incident-core");
    }
}
