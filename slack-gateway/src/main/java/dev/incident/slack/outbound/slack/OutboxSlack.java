package dev.incident.slack.outbound.slack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import dev.incident.events.event.EventChain;

/**
 * Without a bot token: every call that would have gone to Slack is appended as one JSON line
 * ({@code at}, {@code incidentId}, {@code method}, {@code args}) to {@code slack.jsonl} in the
 * outbox folder, and answered with made-up but stable ids so the gateway carries on as if Slack had
 * answered.
 */
public final class OutboxSlack implements SlackApi {

    public static final String FILE_NAME = "slack.jsonl";

    private static final Logger LOG = Logger.getLogger(OutboxSlack.class);

    private final Path file;
    private final ObjectMapper json;
    private final Clock clock;
    private final AtomicLong messages = new AtomicLong();

    public OutboxSlack(Path outboxDir, ObjectMapper json, Clock clock) {
        this.file = outboxDir.resolve(FILE_NAME);
        this.json = json;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    @Override
    public SlackResult call(SlackCall call) {
        append(call);
        LOG.debugf("%s: %s written to the outbox", call.incidentId(), call.method());
        switch (call.method()) {
            case SlackCall.CREATE_CHANNEL:
                return new SlackResult(channelId(call.arg("name")), null);
            case SlackCall.POST:
                return new SlackResult(call.arg("channel"), nextTs());
            default:
                return SlackResult.EMPTY;
        }
    }

    /** Every line of the outbox so far, oldest first; none when nothing was written yet. */
    public List<JsonNode> lines() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    lines.add(json.readTree(line));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    private synchronized void append(SlackCall call) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("at", clock.instant().toString());
        line.put("incidentId", call.incidentId());
        line.put("method", call.method());
        line.put("args", call.args());
        try {
            Files.createDirectories(file.getParent());
            byte[] bytes = (json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
            Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to " + file, e);
        }
    }

    /** A channel id that looks like Slack's and is the same for the same name. */
    static String channelId(String name) {
        return "C" + EventChain.sha256Hex(name).substring(0, 10).toUpperCase(Locale.ROOT);
    }

    /** Slack's message timestamps are seconds with a six-digit sequence. */
    private String nextTs() {
        long seconds = clock.instant().getEpochSecond();
        return seconds + "." + String.format("%06d", messages.incrementAndGet() % 1_000_000);
    }
}
