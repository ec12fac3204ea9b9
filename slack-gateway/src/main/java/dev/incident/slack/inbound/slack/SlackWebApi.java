package dev.incident.slack.inbound.slack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import com.slack.api.methods.request.views.ViewsOpenRequest;
import com.slack.api.webhook.WebhookResponse;
import org.jboss.logging.Logger;

import dev.incident.slack.inbound.config.InboundConfig;

/**
 * The Slack calls of the inbound side, with the official client: {@code views.open}, {@code
 * chat.postEphemeral} and answers through a request's {@code response_url}. Without a bot token the
 * Web API calls are written to {@code slack.jsonl} in the local outbox instead.
 */
@ApplicationScoped
public class SlackWebApi {

    private static final Logger LOG = Logger.getLogger(SlackWebApi.class);

    private final Slack slack;
    private final Optional<String> token;
    private final Path outbox;
    private final ObjectMapper json = new ObjectMapper();

    public SlackWebApi(InboundConfig config) {
        SlackConfig slackConfig = new SlackConfig();
        String apiUrl = config.apiUrl().endsWith("/") ? config.apiUrl() : config.apiUrl() + "/";
        slackConfig.setMethodsEndpointUrlPrefix(apiUrl);
        this.slack = Slack.getInstance(slackConfig);
        this.token = config.botToken().filter(t -> !t.isBlank());
        this.outbox = Path.of(config.outboxDir(), "slack.jsonl");
    }

    /** Opens a modal; returns Slack's error code when it refused, empty when it worked. */
    public Optional<String> openView(String triggerId, String viewJson) throws IOException {
        if (token.isEmpty()) {
            ObjectNode request = json.createObjectNode().put("trigger_id", triggerId);
            request.set("view", json.readTree(viewJson));
            writeOutbox("views.open", request);
            return Optional.empty();
        }
        try {
            var response =
                    slack.methods(token.get())
                            .viewsOpen(
                                    ViewsOpenRequest.builder()
                                            .triggerId(triggerId)
                                            .viewAsString(viewJson)
                                            .build());
            return response.isOk() ? Optional.empty() : Optional.of(response.getError());
        } catch (SlackApiException e) {
            return Optional.of("HTTP " + e.getResponse().code());
        }
    }

    /** Posts {@code text} visible only to {@code userId} in {@code channelId}. */
    public void postEphemeral(String channelId, String userId, String text) throws IOException {
        if (token.isEmpty()) {
            ObjectNode request =
                    json.createObjectNode()
                            .put("channel", channelId)
                            .put("user", userId)
                            .put("text", text);
            writeOutbox("chat.postEphemeral", request);
            return;
        }
        try {
            var response =
                    slack.methods(token.get())
                            .chatPostEphemeral(
                                    ChatPostEphemeralRequest.builder()
                                            .channel(channelId)
                                            .user(userId)
                                            .text(text)
                                            .build());
            if (!response.isOk()) {
                LOG.warnf("chat.postEphemeral to %s refused: %s", channelId, response.getError());
            }
        } catch (SlackApiException e) {
            LOG.warnf(
                    "chat.postEphemeral to %s failed: HTTP %d", channelId, e.getResponse().code());
        }
    }

    /**
     * Answers through a request's {@code response_url}, visible only to the person who asked.
     * Without a bot token (a local run) the answer goes to the outbox too, so that a local demo
     * never calls out to Slack.
     */
    public void respond(String responseUrl, String text) throws IOException {
        ObjectNode body =
                json.createObjectNode()
                        .put("response_type", "ephemeral")
                        .put("replace_original", false)
                        .put("text", text);
        if (token.isEmpty()) {
            ObjectNode request = json.createObjectNode().put("response_url", responseUrl);
            request.set("body", body);
            writeOutbox("response_url", request);
            return;
        }
        WebhookResponse response = slack.send(responseUrl, json.writeValueAsString(body));
        if (response.getCode() != 200) {
            LOG.warnf("response_url answered HTTP %d", response.getCode());
        }
    }

    private synchronized void writeOutbox(String method, ObjectNode request) throws IOException {
        ObjectNode line =
                json.createObjectNode()
                        .put("at", Instant.now().toString())
                        .put("method", method)
                        .put("source", "slack-gateway-inbound");
        line.set("request", request);
        Files.createDirectories(outbox.getParent());
        Files.writeString(
                outbox,
                json.writeValueAsString(line) + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        LOG.infof("no Slack token: %s written to %s", method, outbox);
    }

    @PreDestroy
    void close() throws Exception {
        slack.close();
    }
}
