package dev.incident.postmortem.outbox;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.incident.postmortem.domain.PublishedDocument;
import dev.incident.postmortem.domain.RenderedDraft;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxPublisherTest {

    @TempDir Path outbox;

    @Test
    void shouldWriteTheDraftAsHtmlAndMarkdownNamedFromTheReference() throws Exception {
        OutboxPublisher publisher = new OutboxPublisher(outbox);

        PublishedDocument document =
                publisher.publish(draft("<h1>first</h1>", "# first"), null, false);

        Path html = outbox.resolve("postmortems/INC-7K2Q-postmortem.html");
        assertThat(html).hasContent("<h1>first</h1>");
        assertThat(outbox.resolve("postmortems/INC-7K2Q-postmortem.md")).hasContent("# first");
        assertThat(document.documentId()).isNull();
        assertThat(document.url()).isEqualTo(html.toUri().toString());
    }

    @Test
    void shouldKeepOneDraftPerIncidentWhenPublishedAgain() throws Exception {
        OutboxPublisher publisher = new OutboxPublisher(outbox);

        publisher.publish(draft("<h1>first</h1>", "# first"), null, false);
        publisher.publish(draft("<h1>second</h1>", "# second"), null, true);

        try (var files = Files.list(outbox.resolve("postmortems"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "INC-7K2Q-postmortem.html", "INC-7K2Q-postmortem.md");
        }
        assertThat(outbox.resolve("postmortems/INC-7K2Q-postmortem.html"))
                .hasContent("<h1>second</h1>");
    }

    private static RenderedDraft draft(String html, String markdown) {
        return new RenderedDraft("inc-7k2q", "INC-7K2Q", "Postmortem INC-7K2Q", html, markdown);
    }
}
