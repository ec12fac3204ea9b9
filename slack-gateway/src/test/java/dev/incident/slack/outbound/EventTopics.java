package dev.incident.slack.outbound;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.incident.events.event.EventEnvelope;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.kafka.Topics;
import dev.incident.testing.TopicContents;

/** The test's side of the real broker: publishes events, reads commands and dead letters. */
public final class EventTopics implements AutoCloseable {

    private final String bootstrap;
    private final ContractRecords records;
    private final KafkaProducer<String, byte[]> producer;

    public EventTopics(String bootstrap, String prefix) {
        this.bootstrap = bootstrap;
        this.records = new ContractRecords(new ContractCodec(), Topics.Names.withPrefix(prefix));
        this.producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                                        ByteArraySerializer.class));
    }

    public void publish(EventEnvelope... events) {
        publish(List.of(events));
    }

    public void publish(List<EventEnvelope> events) {
        try {
            for (EventEnvelope event : events) {
                producer.send(records.event(event)).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not publish", e);
        }
    }

    /** Everything on the commands topic so far that matches. */
    public List<ConsumerRecord<String, byte[]>> commands(
            Predicate<ConsumerRecord<String, byte[]>> filter) {
        return read(records.topics().commands(), filter);
    }

    public List<ConsumerRecord<String, byte[]>> deadLetters(
            Predicate<ConsumerRecord<String, byte[]>> filter) {
        return read(records.topics().deadLetter(), filter);
    }

    private List<ConsumerRecord<String, byte[]>> read(
            String topic, Predicate<ConsumerRecord<String, byte[]>> filter) {
        return TopicContents.readAll(bootstrap, topic).stream().filter(filter).toList();
    }

    @Override
    public void close() {
        producer.close();
    }
}
