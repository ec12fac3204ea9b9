package dev.incident.slack.inbound.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import dev.incident.events.command.CommandResult;
import dev.incident.events.json.ContractCodec;
import dev.incident.slack.inbound.config.InboundConfig;
import dev.incident.slack.inbound.domain.ResultTexts;
import dev.incident.slack.inbound.slack.SlackReplies;

/**
 * Reads {@code incident.command-results} from about the moment the gateway starts and tells each
 * person what became of the command they caused: done, already done, or refused with
 * incident-core's reason. Results of commands this instance did not send are skipped.
 */
@ApplicationScoped
public class CommandResultsReader {

    static final String CONSUMER = "slack-gateway-inbound-results";
    private static final Logger LOG = Logger.getLogger(CommandResultsReader.class);
    private static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);

    private final PendingReplies pending;
    private final SlackReplies replies;
    private final KafkaSettings settings;
    private final CommandPublisher publisher;
    private final Duration timeout;
    private final ContractCodec codec = new ContractCodec();
    private final ScheduledExecutorService sweeper =
            Executors.newSingleThreadScheduledExecutor(
                    r -> new Thread(r, "slack-inbound-result-timeouts"));
    private TopicReader reader;

    public CommandResultsReader(
            PendingReplies pending,
            SlackReplies replies,
            KafkaSettings settings,
            CommandPublisher publisher,
            InboundConfig config) {
        this.pending = pending;
        this.replies = replies;
        this.settings = settings;
        this.publisher = publisher;
        this.timeout = config.resultTimeout();
    }

    void start() {
        String topic = settings.topics().commandResults();
        // Results of commands sent from now on; the margin covers clocks that differ a little.
        Instant from = Instant.now().minus(CLOCK_MARGIN);
        reader = new TopicReader(settings.consumer(CONSUMER), topic, from, this::answer);
        reader.start();
        sweeper.scheduleWithFixedDelay(this::expire, 5, 5, TimeUnit.SECONDS);
    }

    private void answer(ConsumerRecord<String, byte[]> record) {
        CommandResult result;
        try {
            result = codec.decodeResult(record.value());
        } catch (RuntimeException e) {
            LOG.warnf(e, "command result %s dead-lettered", record.key());
            publisher.deadLetter(record, CONSUMER, e);
            return;
        }

        pending.take(result.commandId())
                .ifPresent(
                        waiting -> {
                            LOG.infof(
                                    "incident %s: command %s %s",
                                    result.incidentId(),
                                    result.commandId(),
                                    result.getClass().getSimpleName().toLowerCase());
                            if (!waiting.target().quiet() || ResultTexts.isRefusal(result)) {
                                replies.answer(
                                        waiting.target(), ResultTexts.of(result, waiting.what()));
                            }
                        });
    }

    private void expire() {
        for (PendingReplies.Pending waiting : pending.expire(timeout)) {
            LOG.warnf("no result after %s for: %s", timeout, waiting.what());
            if (!waiting.target().quiet()) {
                replies.answer(waiting.target(), ResultTexts.noAnswer(waiting.what()));
            }
        }
    }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
        if (reader != null) {
            reader.close();
        }
    }
}
