package dev.incident.events;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.json.ContractTypes;
import dev.incident.events.kafka.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/events.md must describe every type and field the code has, and every topic. */
class EventCatalogTest {

    private final String catalog = read(Path.of("..", "docs", "events.md"));

    @Test
    void shouldListEveryTopic() {
        for (Topics.Spec topic : Topics.ALL) {
            assertThat(catalog)
                    .as("docs/events.md names topic " + topic.name())
                    .contains(topic.name());
        }
    }

    @Test
    void shouldDescribeEveryEventAndEveryField() {
        assertDescribed(ContractTypes.events());
    }

    @Test
    void shouldDescribeEveryCommandAndEveryField() {
        assertDescribed(ContractTypes.commands());
    }

    @Test
    void shouldDescribeEveryEnvelopeField() {
        assertSectionHasFields("EventEnvelope", EventEnvelope.class);
        assertSectionHasFields("CommandEnvelope", CommandEnvelope.class);
    }

    private void assertDescribed(Map<String, ? extends Class<?>> types) {
        types.forEach(this::assertSectionHasFields);
    }

    private void assertSectionHasFields(String type, Class<?> record) {
        String section = section(type);
        for (RecordComponent field : record.getRecordComponents()) {
            assertThat(section)
                    .as("docs/events.md, section %s, describes field %s", type, field.getName())
                    .contains("`" + field.getName() + "`");
        }
    }

    private String section(String type) {
        String heading = "### " + type + "\n";
        int start = catalog.indexOf(heading);
        assertThat(start).as("docs/events.md has a section '### %s'", type).isNotNegative();
        int end = catalog.indexOf("\n#", start + heading.length());
        return catalog.substring(start, end < 0 ? catalog.length() : end);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException("docs/events.md is missing", e);
        }
    }
}
