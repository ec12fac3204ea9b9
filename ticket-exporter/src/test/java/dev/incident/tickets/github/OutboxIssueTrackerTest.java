package dev.incident.tickets.github;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.incident.tickets.domain.ExportMarker;
import dev.incident.tickets.domain.IssueDraft;
import dev.incident.tickets.domain.TrackedIssue;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class OutboxIssueTrackerTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);

    @TempDir Path outbox;

    @Test
    void shouldWriteEachIssueAsOneJsonLine() throws Exception {
        // given
        OutboxIssueTracker tracker = new OutboxIssueTracker(outbox.resolve("nested"), CLOCK);

        // when
        TrackedIssue issue = tracker.create(draft("FU-1"));

        // then
        List<String> lines = Files.readAllLines(tracker.file(), UTF_8);
        assertThat(lines).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertThat(line.path("title").asText()).isEqualTo("Add a gateway alarm");
        assertThat(line.path("repository").asText()).isEqualTo("local/follow-ups");
        assertThat(line.path("labels").toString()).isEqualTo("[\"incident\",\"follow-up\"]");
        assertThat(line.path("followUpId").asText()).isEqualTo("FU-1");
        assertThat(issue.url()).startsWith("file:/").endsWith("github-issues.jsonl#L1");
        assertThat(issue.key()).isEqualTo("outbox#1");
    }

    @Test
    void shouldKeepOneLinePerFollowUpAcrossInstances() throws Exception {
        // given one instance wrote FU-1
        new OutboxIssueTracker(outbox, CLOCK).create(draft("FU-1"));

        // when another instance (a restart) looks for it and writes FU-1 and FU-2
        OutboxIssueTracker restarted = new OutboxIssueTracker(outbox, CLOCK);
        var found = restarted.find(draft("FU-1"));
        restarted.create(draft("FU-1"));
        TrackedIssue second = restarted.create(draft("FU-2"));

        // then
        assertThat(found).map(TrackedIssue::key).contains("outbox#1");
        assertThat(second.key()).isEqualTo("outbox#2");
        assertThat(Files.readAllLines(restarted.file(), UTF_8)).hasSize(2);
    }

    private static IssueDraft draft(String followUpId) {
        ExportMarker marker = new ExportMarker("inc-1", followUpId);
        return new IssueDraft(
                "local/follow-ups",
                "Add a gateway alarm",
                "body\n" + marker.text() + "\n",
                List.of("incident", "follow-up"),
                null,
                marker,
                Instant.EPOCH);
    }
}
