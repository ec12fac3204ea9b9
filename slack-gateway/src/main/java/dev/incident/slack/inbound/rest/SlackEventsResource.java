package dev.incident.slack.inbound.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.slack.api.app_backend.events.payload.PinAddedPayload;
import com.slack.api.app_backend.events.payload.PinRemovedPayload;
import com.slack.api.model.event.PinAddedEvent;
import com.slack.api.model.event.PinRemovedEvent;
import com.slack.api.util.json.GsonFactory;
import org.jboss.logging.Logger;

import dev.incident.events.command.IncidentCommand;
import dev.incident.events.command.IncidentCommand.PinMessage;
import dev.incident.events.command.IncidentCommand.UnpinMessage;
import dev.incident.events.model.Actor;
import dev.incident.slack.inbound.config.InboundConfig;
import dev.incident.slack.inbound.domain.Decision.Send;
import dev.incident.slack.inbound.domain.IncidentDirectory;
import dev.incident.slack.inbound.domain.IncidentView;
import dev.incident.slack.inbound.domain.RecentRequests;
import dev.incident.slack.inbound.domain.ReplyTarget;

/**
 * {@code POST /slack/events}: the Events API. Answers the URL check; a pin added or removed in an
 * incident channel pins or unpins the message in the incident. Messages from bots never act.
 */
@Path("/slack/events")
public class SlackEventsResource {

    private static final Logger LOG = Logger.getLogger(SlackEventsResource.class);
    private static final Gson GSON = GsonFactory.createSnakeCase();

    private final SignedRequests signed;
    private final RecentRequests recent;
    private final IncidentDirectory directory;
    private final CommandDispatch dispatch;
    private final Optional<String> botUserId;

    public SlackEventsResource(
            SignedRequests signed,
            RecentRequests recent,
            IncidentDirectory directory,
            CommandDispatch dispatch,
            InboundConfig config) {
        this.signed = signed;
        this.recent = recent;
        this.directory = directory;
        this.dispatch = dispatch;
        this.botUserId = config.botUserId().filter(id -> !id.isBlank());
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response event(@Context HttpHeaders headers, byte[] body) {
        var refusal = signed.refusal("/slack/events", headers, body);
        if (refusal.isPresent()) {
            return refusal.get();
        }

        String json = SlackResponses.utf8(body);
        JsonNode tree = json == null ? null : readTree(json);
        if (tree == null || !tree.isObject()) {
            return SlackResponses.plain(400, "not an Events API payload: a JSON object");
        }
        String type = typeOf(tree);
        switch (type) {
            case "url_verification":
                return SlackResponses.json(
                        SlackResponses.JSON
                                .createObjectNode()
                                .put("challenge", tree.path("challenge").asText()));
            case "app_rate_limited":
                LOG.warnf(
                        "Slack rate-limited the app's events: %s",
                        tree.path("minute_rate_limited"));
                return SlackResponses.ok();
            case "event_callback":
                return callback(tree, json, body);
            default:
                LOG.warnf("refused an Events API payload of unknown type '%s'", type);
                return SlackResponses.plain(400, "unsupported Events API type '" + type + "'");
        }
    }

    private Response callback(JsonNode tree, String json, byte[] body) {
        String eventId = tree.path("event_id").asText("");
        String key = eventId.isBlank() ? SlackResponses.bodyKey(body) : "event:" + eventId;
        if (!recent.claim(key)) {
            LOG.debugf("event %s already handled", key);
            return SlackResponses.ok();
        }

        String eventType = tree.path("event").path("type").asText("");
        try {
            if (eventType.equals("pin_added")) {
                pinned(GSON.fromJson(json, PinAddedPayload.class).getEvent(), key);
            } else if (eventType.equals("pin_removed")) {
                unpinned(GSON.fromJson(json, PinRemovedPayload.class).getEvent(), key);
            } else {
                LOG.debugf("event %s of type %s: nothing to do", key, eventType);
            }
        } catch (JsonParseException e) {
            recent.release(key);
            return SlackResponses.plain(400, "malformed " + eventType + " event");
        }
        return SlackResponses.ok();
    }

    private void pinned(PinAddedEvent event, String key) {
        PinAddedEvent.Item item = event == null ? null : event.getItem();
        PinAddedEvent.Message message = item == null ? null : item.getMessage();
        String channelId = channel(event == null ? null : event.getChannelId(), item);
        Optional<IncidentView> incident = directory.byChannel(channelId);
        if (message == null || incident.isEmpty() || isOwnBot(event.getUser())) {
            LOG.debugf("pin in %s: not a message pinned by a person in an incident", channelId);
            return;
        }
        if (isBot(message.getBotId(), null)) {
            LOG.debugf("incident %s: a bot's message was pinned; ignored", incident.get().name());
            return;
        }

        String author = SlackResponses.orElse(message.getUser(), item.getCreatedBy());
        PinMessage pin =
                new PinMessage(
                        channelId,
                        message.getTs(),
                        author == null ? null : Actor.slackUser(author, null),
                        message.getText(),
                        SlackResponses.isBlank(message.getPermalink())
                                ? null
                                : message.getPermalink(),
                        postedAt(message.getTs()));
        send(incident.get(), pin, "pin a message", event.getUser(), channelId, key);
    }

    private void unpinned(PinRemovedEvent event, String key) {
        PinRemovedEvent.Item item = event == null ? null : event.getItem();
        PinRemovedEvent.Message message = item == null ? null : item.getMessage();
        String channelId = event == null ? null : event.getChannelId();
        if (SlackResponses.isBlank(channelId) && item != null) {
            channelId = item.getChannel();
        }
        Optional<IncidentView> incident = directory.byChannel(channelId);
        if (message == null || incident.isEmpty() || isOwnBot(event.getUser())) {
            return;
        }
        if (isBot(message.getBotId(), null)) {
            return;
        }
        UnpinMessage unpin = new UnpinMessage(channelId, message.getTs());
        send(incident.get(), unpin, "unpin a message", event.getUser(), channelId, key);
    }

    private void send(
            IncidentView incident,
            IncidentCommand command,
            String what,
            String userId,
            String channelId,
            String key) {
        Actor actor = Actor.slackUser(SlackResponses.orElse(userId, "unknown"), null);
        dispatch.send(
                new Send(incident.incidentId(), command, what + " in " + incident.name()),
                actor,
                key,
                ReplyTarget.quiet(channelId, userId));
    }

    private boolean isOwnBot(String userId) {
        return botUserId.isPresent() && botUserId.get().equals(userId);
    }

    private static boolean isBot(String botId, String subtype) {
        return !SlackResponses.isBlank(botId) || "bot_message".equals(subtype);
    }

    private static String channel(String channelId, PinAddedEvent.Item item) {
        if (!SlackResponses.isBlank(channelId) || item == null) {
            return channelId;
        }
        return item.getChannel();
    }

    /** A message ts ("1712345678.000200") is its time: seconds and microseconds. */
    static Instant postedAt(String ts) {
        try {
            BigDecimal seconds = new BigDecimal(ts);
            long whole = seconds.longValue();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return Instant.ofEpochSecond(whole, nanos);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The payload's type; Slack's samples leave it empty on callbacks that carry an event. */
    private static String typeOf(JsonNode tree) {
        String type = tree.path("type").asText("");
        if (!type.isBlank()) {
            return type;
        }
        String eventType = tree.path("event").path("type").asText("");
        if (eventType.equals("app_rate_limited")) {
            return eventType;
        }
        return tree.path("event").isObject() ? "event_callback" : "";
    }

    private static JsonNode readTree(String json) {
        try {
            return SlackResponses.JSON.readTree(json);
        } catch (Exception e) {
            return null;
        }
    }
}
