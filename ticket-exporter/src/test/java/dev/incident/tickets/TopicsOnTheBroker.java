package dev.incident.tickets;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.kafka.Topics;
import dev.incident.testing.KafkaResource;
import dev.incident.testing.LocalKafka;
import dev.incident.testing.TopicContents;

/**
 * The platform's topics behind a fresh prefix on the real broker, for one test: writes events as
 * incident-core would and reads back the commands and dead letters the exporter wrote.
 */
public final class TopicsOnTheBroker implements AutoCloseable {

    private final String bootstrap = LocalKafka.bootstrapServers();
    private final Topics.Names names;
    private final ContractCodec codec = new ContractCodec();
    private final ContractRecords records;
    private final KafkaProducer<String, byte[]> producer;

    public TopicsOnTheBroker() {
        this(Topics.Names.withPrefix("test-" + UUID.randomUUID().toString().substring(0, 8) + "."));
    }

    public TopicsOnTheBroker(Topics.Names names) {
        this.names = names;
        KafkaResource.createTopics(bootstrap, names);
        records = new ContractRecords(codec, names);
        producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                                        StringSerializer.class.getName(),
                                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                                        ByteArraySerializer.class.getName()));
    }

    public String bootstrap() {
        return bootstrap;
    }

    public Topics.Names names() {
        return names;
    }

    /** Appends the events to the log, in order. */
    public void append(List<EventEnvelope> events) {
        events.forEach(event -> send(records.event(event)));
        producer.flush();
    }

    /** Writes raw bytes to the event log, as a broken producer might. */
    public void appendRaw(String key, byte[] value) {
        send(new ProducerRecord<>(names.events(), key, value));
        producer.flush();
    }

    /** Every command on the commands topic so far. */
    public List<CommandEnvelope> commands() {
        return read(names.commands()).stream().map(r -> codec.decodeCommand(r.value())).toList();
    }

    /** Every record on the dead-letter topic so far. */
    public List<ConsumerRecord<String, byte[]>> deadLetters() {
        return read(names.deadLetter());
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not write to " + record.topic(), e);
        }
    }

    private List<ConsumerRecord<String, byte[]>> read(String topic) {
        return TopicContents.readAll(bootstrap, topic);
    }

    @Override
    public void close() {
        producer.close();
    }
}
