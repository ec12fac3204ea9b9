package dev.incident.escalation.oncall;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.incident.events.json.ContractJson;

/**
 * The local outbox of pages, {@code pages.jsonl}: one JSON line per page that the built-in rotation
 * sent, for a person to read where no paging service is connected.
 */
public final class PagesOutbox {

    public static final String FILE_NAME = "pages.jsonl";

    private final Path file;
    private final ObjectMapper mapper = ContractJson.mapper();

    public PagesOutbox(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** Appends one page, with the fields in the order given. */
    public synchronized void append(Map<String, Object> page) {
        try {
            Files.createDirectories(file.getParent());
            String line = mapper.writeValueAsString(new LinkedHashMap<>(page)) + "\n";
            Files.writeString(
                    file,
                    line,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a page could not be written as JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to " + file, e);
        }
    }
}
