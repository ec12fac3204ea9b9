package dev.incident.slack.outbound.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.incident.events.event.EventEnvelope;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.json.ContractException;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.kafka.Topics;
import dev.incident.slack.outbound.config.OutboundConfig;
import dev.incident.slack.outbound.slack.OutboundReactor;
import dev.incident.slack.outbound.slack.SlackApi;

/**
 * Reads {@code incident.events} (behind {@code incident.topics.prefix}) from the beginning on every
 * start, so each incident's state is folded from its whole log, and hands each event to its
 * incident's lane. Writes commands to {@code incident.commands} and unreadable or failed records to
 * {@code incident.dead-letter}. Which reactions are already done is kept in PostgreSQL, not in
 * consumer offsets, so replaying the log shows nothing twice.
 */
@ApplicationScoped
public class IncidentEventConsumer {

    private static final Logger LOG = Logger.getLogger(IncidentEventConsumer.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final OutboundConfig config;
    private final SlackApi slack;
    private final Instance<Pool> pool;
    private final String bootstrap;
    private final Topics.Names topics;
    private final ContractCodec codec = new ContractCodec();

    private volatile boolean running;
    private Thread thread;
    private ExecutorService workers;
    private KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> producer;

    public IncidentEventConsumer(
            OutboundConfig config,
            SlackApi slack,
            Instance<Pool> pool,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:9092")
                    String bootstrap,
            @ConfigProperty(name = "incident.topics.prefix") Optional<String> prefix) {
        this.config = config;
        this.slack = slack;
        this.pool = pool;
        this.bootstrap = bootstrap;
        this.topics = Topics.Names.withPrefix(prefix.orElse(""));
    }

    void onStart(@Observes StartupEvent start) {
        if (!config.outbound().enabled()) {
            LOG.info("Slack outbound is disabled (slack.outbound.enabled=false)");
            return;
        }
        running = true;
        thread = new Thread(this::run, "slack-outbound-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        join();
        if (workers != null) {
            workers.shutdownNow();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private void run() {
        try {
            PgProgressStore store = new PgProgressStore(pool.get());
            waitForDatabase(store);
            producer = new KafkaProducer<>(producerProps());
            KafkaCommandSender sender =
                    new KafkaCommandSender(producer, new ContractRecords(codec, topics));
            OutboundProcessor processor = processor(store, sender);
            consume(processor, sender);
        } catch (WakeupException e) {
            LOG.debug("Slack outbound consumer woken up to stop");
        } catch (RuntimeException e) {
            LOG.error("Slack outbound consumer stopped", e);
        }
    }

    private OutboundProcessor processor(PgProgressStore store, KafkaCommandSender sender) {
        OutboundConfig.Outbound outbound = config.outbound();
        OutboundReactor reactor =
                new OutboundReactor(
                        slack,
                        store,
                        sender,
                        new OutboundReactor.Settings(
                                outbound.announcementsChannel(),
                                outbound.channelLinkBase(),
                                outbound.nameAttempts()),
                        Clock.systemUTC());
        return new OutboundProcessor(reactor, store, sender, sender, Clock.systemUTC());
    }

    private void consume(OutboundProcessor processor, DeadLetters deadLetters) {
        AtomicInteger threadCount = new AtomicInteger();
        workers =
                Executors.newFixedThreadPool(
                        config.outbound().workers(),
                        r -> new Thread(r, "slack-outbound-" + threadCount.incrementAndGet()));
        IncidentLanes lanes = new IncidentLanes(workers);
        consumer = new KafkaConsumer<>(consumerProps());
        List<TopicPartition> partitions = partitions();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        LOG.infof(
                "Reading %s from the beginning (%d partitions)",
                topics.events(), partitions.size());

        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    route(record, processor, deadLetters, lanes);
                }
            }
        } finally {
            consumer.close();
        }
    }

    private void route(
            ConsumerRecord<String, byte[]> record,
            OutboundProcessor processor,
            DeadLetters deadLetters,
            IncidentLanes lanes) {
        EventEnvelope event;
        try {
            event = codec.decodeEvent(record.value());
        } catch (ContractException e) {
            LOG.errorf(e, "%s: unreadable event at offset %d", record.key(), record.offset());
            deadLetters.send(record, OutboundProcessor.CONSUMER, e);
            return;
        }
        lanes.submit(event.incidentId(), () -> processor.process(record, event));
    }

    /** The events topic's partitions; waits until the topic exists. */
    private List<TopicPartition> partitions() {
        while (running) {
            var infos = consumer.partitionsFor(topics.events(), Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream()
                        .map(i -> new TopicPartition(i.topic(), i.partition()))
                        .toList();
            }
            LOG.warnf("Topic %s not found yet, waiting", topics.events());
            sleep(Duration.ofSeconds(2));
        }
        throw new WakeupException();
    }

    /** The progress table must exist before any event is handled. */
    private void waitForDatabase(PgProgressStore store) {
        while (running) {
            try {
                store.createSchema();
                return;
            } catch (RuntimeException e) {
                LOG.warnf(
                        "Database not ready for Slack progress (%s), trying again", e.getMessage());
                sleep(Duration.ofSeconds(2));
            }
        }
        throw new WakeupException();
    }

    private Map<String, Object> consumerProps() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.CLIENT_ID_CONFIG,
                "slack-gateway-outbound",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class);
    }

    private Map<String, Object> producerProps() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.CLIENT_ID_CONFIG,
                "slack-gateway-outbound",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class);
    }

    private void join() {
        if (thread == null) {
            return;
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }
}
