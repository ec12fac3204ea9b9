package dev.incident.tickets.github;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.incident.tickets.domain.IssueDraft;
import dev.incident.tickets.domain.IssueTracker;
import dev.incident.tickets.domain.TrackedIssue;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The local stand-in for GitHub when no token is configured: each issue is one JSON line in {@code
 * github-issues.jsonl} in the outbox folder, where a person can read what would have been created.
 * The same marker keeps it to one line per follow-up, also across restarts and processes (the file
 * is locked while it is searched and appended).
 */
public final class OutboxIssueTracker implements IssueTracker {

    public static final String FILE_NAME = "github-issues.jsonl";

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Clock clock;

    public OutboxIssueTracker(Path outboxDir, Clock clock) {
        this.file = outboxDir.resolve(FILE_NAME).toAbsolutePath().normalize();
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    @Override
    public Optional<TrackedIssue> find(IssueDraft draft) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return find(draft, Files.readAllLines(file, UTF_8));
    }

    @Override
    public TrackedIssue create(IssueDraft draft) throws IOException {
        Files.createDirectories(file.getParent());
        try (FileChannel channel =
                        FileChannel.open(
                                file,
                                StandardOpenOption.CREATE,
                                StandardOpenOption.READ,
                                StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            List<String> lines = readAll(channel);
            Optional<TrackedIssue> existing = find(draft, lines);
            if (existing.isPresent()) {
                return existing.get();
            }

            TrackedIssue issue = issue(lines.size() + 1);
            channel.position(channel.size());
            channel.write(ByteBuffer.wrap((line(draft, issue) + "\n").getBytes(UTF_8)));
            channel.force(true);
            return issue;
        }
    }

    private Optional<TrackedIssue> find(IssueDraft draft, List<String> lines) throws IOException {
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode issue = mapper.readTree(line);
            if (draft.marker().foundIn(issue.path("body").asText(null))) {
                return Optional.of(
                        new TrackedIssue(issue.path("url").asText(), issue.path("key").asText()));
            }
        }
        return Optional.empty();
    }

    private static List<String> readAll(FileChannel channel) throws IOException {
        channel.position(0);
        byte[] bytes = Channels.newInputStream(channel).readAllBytes();
        return new String(bytes, UTF_8).lines().filter(line -> !line.isBlank()).toList();
    }

    /** A file URL a person can open, pointing at the line; the key names the line. */
    private TrackedIssue issue(int lineNumber) {
        return new TrackedIssue(file.toUri() + "#L" + lineNumber, "outbox#" + lineNumber);
    }

    private String line(IssueDraft draft, TrackedIssue issue) throws IOException {
        ObjectNode line = mapper.createObjectNode();
        line.put("key", issue.key());
        line.put("url", issue.url());
        line.put("createdAt", clock.instant().toString());
        line.put("repository", draft.repository());
        line.put("title", draft.title());
        line.put("body", draft.body());
        draft.labels().forEach(line.putArray("labels")::add);
        line.put("assignee", draft.assignee());
        line.put("incidentId", draft.marker().incidentId());
        line.put("followUpId", draft.marker().followUpId());
        return mapper.writeValueAsString(line);
    }
}
