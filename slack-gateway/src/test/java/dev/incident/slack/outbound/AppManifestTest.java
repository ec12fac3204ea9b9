package dev.incident.slack.outbound;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Slack app manifest sets up what the gateway's endpoints and calls need. */
class AppManifestTest {

    private static final Path MANIFEST = Path.of("..", "deploy", "slack", "app-manifest.yaml");

    private final JsonNode manifest = read();

    @Test
    void shouldPointTheThreeRequestUrlsAtTheGatewayEndpoints() {
        assertThat(manifest.at("/features/slash_commands/0/command").asText()).isEqualTo("/inc");
        assertThat(manifest.at("/features/slash_commands/0/url").asText())
                .endsWith("/slack/commands");
        assertThat(manifest.at("/settings/interactivity/request_url").asText())
                .endsWith("/slack/interactions");
        assertThat(manifest.at("/settings/event_subscriptions/request_url").asText())
                .endsWith("/slack/events");
        assertThat(texts(manifest.at("/settings/event_subscriptions/bot_events")))
                .contains("pin_added", "pin_removed");
    }

    @Test
    void shouldDeclareTheMessageShortcut() {
        JsonNode shortcut = manifest.at("/features/shortcuts/0");

        assertThat(shortcut.path("type").asText()).isEqualTo("message");
        assertThat(shortcut.path("callback_id").asText()).isEqualTo("declare_incident");
    }

    @Test
    void shouldGrantTheScopesOfEveryCallTheGatewayMakes() {
        assertThat(texts(manifest.at("/oauth_config/scopes/bot")))
                .contains(
                        "channels:manage", // conversations.create, conversations.invite
                        "chat:write", // chat.postMessage, chat.update
                        "chat:write.public", // the announcements channel without joining
                        "pins:write", // pins.add
                        "pins:read", // pin_added, pin_removed
                        "users:read", // users.info
                        "commands"); // /inc
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(MANIFEST.toFile());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + MANIFEST.toAbsolutePath(), e);
        }
    }
}
