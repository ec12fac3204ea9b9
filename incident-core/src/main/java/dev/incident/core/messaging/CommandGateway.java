package dev.incident.core.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.incident.core.config.CoreConfig;
import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.CommandResult;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.json.ContractException;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.kafka.Topics;

/**
 * Submits commands from the HTTP API to {@code incident.commands} and lets a caller wait for the
 * answer, which it reads from {@code incident.command-results} (whichever instance decided it).
 */
@ApplicationScoped
public class CommandGateway {

    private static final Logger LOG = Logger.getLogger(CommandGateway.class);

    private final ContractCodec codec = new ContractCodec();
    private final Map<UUID, CompletableFuture<CommandResult>> waiting = new ConcurrentHashMap<>();
    private final ContractRecords records;
    private final KafkaClients clients;
    private KafkaProducer<String, byte[]> producer;
    private KafkaConsumer<String, byte[]> results;
    private Thread thread;
    private volatile boolean running = true;

    public CommandGateway(
            CoreConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        String prefix = config.topics().prefix().orElse("");
        this.records = new ContractRecords(codec, Topics.Names.withPrefix(prefix));
        this.clients = new KafkaClients(bootstrapServers, prefix);
    }

    void start(@Observes StartupEvent event) {
        producer = clients.producer();
        results = clients.consumer(null);
        String topic = records.topics().commandResults();
        List<TopicPartition> partitions =
                results.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList();
        results.assign(partitions);
        results.seekToEnd(partitions);
        // Resolve the end now, so that no result of a command sent after start-up is skipped.
        partitions.forEach(results::position);
        thread = new Thread(this::readResults, "incident-core-results");
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        results.wakeup();
        thread.join(5_000);
        producer.close(Duration.ofSeconds(5));
    }

    /** Sends {@code command}; blocks until the broker has it. */
    public void send(CommandEnvelope command) throws InterruptedException {
        try {
            producer.send(records.command(command)).get(30, TimeUnit.SECONDS);
            LOG.debugf(
                    "incident %s: %s %s submitted over HTTP",
                    command.incidentId(), command.type(), command.commandId());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take command " + command.commandId(), e);
        }
    }

    /** Sends {@code command} and waits up to {@code wait} for its result. */
    public Optional<CommandResult> sendAndWait(CommandEnvelope command, Duration wait)
            throws InterruptedException {
        CompletableFuture<CommandResult> result = new CompletableFuture<>();
        waiting.put(command.commandId(), result);
        try {
            send(command);
            return Optional.of(result.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            waiting.remove(command.commandId());
        }
    }

    private void readResults() {
        try (KafkaConsumer<String, byte[]> consumer = results) {
            while (running) {
                for (ConsumerRecord<String, byte[]> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    complete(record);
                }
            }
        } catch (WakeupException e) {
            LOG.debug("result reader woken up to stop");
        } catch (RuntimeException e) {
            LOG.error("the result reader stopped; wait=... answers will time out", e);
        }
    }

    private void complete(ConsumerRecord<String, byte[]> record) {
        try {
            CommandResult result = codec.decodeResult(record.value());
            CompletableFuture<CommandResult> waiter = waiting.get(result.commandId());
            if (waiter != null) {
                waiter.complete(result);
            }
        } catch (ContractException e) {
            LOG.warnf(
                    "unreadable command result at offset %d: %s", record.offset(), e.getMessage());
        }
    }
}
