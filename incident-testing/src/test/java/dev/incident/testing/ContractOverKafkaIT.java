package dev.incident.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import dev.incident.events.ContractSamples;
import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.CommandResult;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.kafka.RecordHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event, command and result survives a trip through the real broker unchanged. */
class ContractOverKafkaIT {

    private final ContractCodec codec = new ContractCodec();
    private final ContractRecords records = new ContractRecords(codec);

    @Test
    void shouldRoundTripEveryEventTypeThroughTheBroker() throws Exception {
        List<EventEnvelope> sent = ContractSamples.chainedEvents("inc-roundtrip");
        List<ProducerRecord<String, byte[]>> out = sent.stream().map(records::event).toList();

        List<ConsumerRecord<String, byte[]>> received = sendAndReadBack(out);

        assertThat(received).extracting(r -> codec.decodeEvent(r.value())).isEqualTo(sent);
        assertThat(received).allSatisfy(r -> assertThat(r.key()).isEqualTo("inc-roundtrip"));
        assertThat(received)
                .extracting(
                        r ->
                                ContractRecords.header(r.headers(), RecordHeaders.EVENT_TYPE)
                                        .orElseThrow())
                .isEqualTo(sent.stream().map(EventEnvelope::type).toList());
        assertThat(received)
                .extracting(
                        r ->
                                ContractRecords.header(r.headers(), RecordHeaders.EVENT_ID)
                                        .orElseThrow())
                .isEqualTo(sent.stream().map(e -> e.eventId().toString()).toList());
    }

    @Test
    void shouldRoundTripEveryCommandAndResultThroughTheBroker() throws Exception {
        List<CommandEnvelope> commands = ContractSamples.commandEnvelopes("inc-roundtrip");
        List<CommandResult> results = ContractSamples.results("inc-roundtrip");

        List<ConsumerRecord<String, byte[]>> receivedCommands =
                sendAndReadBack(commands.stream().map(records::command).toList());
        List<ConsumerRecord<String, byte[]>> receivedResults =
                sendAndReadBack(results.stream().map(records::result).toList());

        assertThat(receivedCommands)
                .extracting(r -> codec.decodeCommand(r.value()))
                .isEqualTo(commands);
        assertThat(receivedResults)
                .extracting(r -> codec.decodeResult(r.value()))
                .isEqualTo(results);
    }

    /** Sends to a fresh one-partition topic, so the order read back is the order sent. */
    private List<ConsumerRecord<String, byte[]>> sendAndReadBack(
            List<ProducerRecord<String, byte[]>> out) throws Exception {
        String topic = KafkaFixture.freshTopic("contract-roundtrip", 1);

        try (var producer = KafkaFixture.producer(Map.of())) {
            for (var record : out) {
                producer.send(
                                new ProducerRecord<>(
                                        topic,
                                        null,
                                        record.key(),
                                        record.value(),
                                        record.headers()))
                        .get();
            }
        }

        List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
        try (var consumer = KafkaFixture.consumer("read_committed")) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < out.size() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        }
        return received;
    }
}
