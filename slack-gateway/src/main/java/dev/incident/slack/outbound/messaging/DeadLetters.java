package dev.incident.slack.outbound.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Sends a record that could not be processed to {@code incident.dead-letter}. */
interface DeadLetters {

    void send(ConsumerRecord<String, byte[]> original, String consumer, Exception error);
}
