package dev.incident.events.kafka;

import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.CommandResult;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.json.ContractCodec;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Builds the Kafka records of the contract: the right topic, key and headers for events, commands,
 * results and dead letters. Values are raw bytes so a consumer can dead-letter a record exactly as
 * it arrived.
 */
public final class ContractRecords {

    private final ContractCodec codec;
    private final Topics.Names topics;

    public ContractRecords(ContractCodec codec) {
        this(codec, Topics.Names.STANDARD);
    }

    public ContractRecords(ContractCodec codec, Topics.Names topics) {
        this.codec = codec;
        this.topics = topics;
    }

    public Topics.Names topics() {
        return topics;
    }

    public ProducerRecord<String, byte[]> event(EventEnvelope event) {
        var record =
                new ProducerRecord<>(topics.events(), event.incidentId(), codec.encodeEvent(event));
        header(record.headers(), RecordHeaders.EVENT_TYPE, event.type());
        header(record.headers(), RecordHeaders.EVENT_ID, event.eventId().toString());
        header(
                record.headers(),
                RecordHeaders.SCHEMA_VERSION,
                String.valueOf(event.schemaVersion()));
        header(record.headers(), RecordHeaders.SEQUENCE, String.valueOf(event.sequence()));
        return record;
    }

    public ProducerRecord<String, byte[]> command(CommandEnvelope command) {
        var record =
                new ProducerRecord<>(
                        topics.commands(), command.incidentId(), codec.encodeCommand(command));
        header(record.headers(), RecordHeaders.COMMAND_TYPE, command.type());
        header(record.headers(), RecordHeaders.COMMAND_ID, command.commandId().toString());
        return record;
    }

    public ProducerRecord<String, byte[]> result(CommandResult result) {
        var record =
                new ProducerRecord<>(
                        topics.commandResults(),
                        result.commandId().toString(),
                        codec.encodeResult(result));
        header(record.headers(), RecordHeaders.COMMAND_ID, result.commandId().toString());
        return record;
    }

    /**
     * The dead letter for a record that {@code consumer} could not process: same key, same bytes,
     * same headers, plus what went wrong and where the record was.
     */
    public ProducerRecord<String, byte[]> deadLetter(
            ConsumerRecord<String, byte[]> original, String consumer, Exception error) {
        var record = new ProducerRecord<>(topics.deadLetter(), original.key(), original.value());
        original.headers().forEach(h -> record.headers().add(h));
        header(record.headers(), RecordHeaders.DEAD_LETTER_ERROR, error.getClass().getName());
        header(
                record.headers(),
                RecordHeaders.DEAD_LETTER_REASON,
                String.valueOf(error.getMessage()));
        header(record.headers(), RecordHeaders.DEAD_LETTER_TOPIC, original.topic());
        header(
                record.headers(),
                RecordHeaders.DEAD_LETTER_PARTITION,
                String.valueOf(original.partition()));
        header(
                record.headers(),
                RecordHeaders.DEAD_LETTER_OFFSET,
                String.valueOf(original.offset()));
        header(record.headers(), RecordHeaders.DEAD_LETTER_CONSUMER, consumer);
        return record;
    }

    /** The last value of a header as text, if present. */
    public static Optional<String> header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), UTF_8));
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(UTF_8));
    }
}
