package dev.incident.slack.inbound.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.google.gson.Gson;
import com.slack.api.app_backend.slash_commands.SlashCommandPayloadParser;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.util.json.GsonFactory;
import org.jboss.logging.Logger;

import dev.incident.slack.inbound.domain.Decision;
import dev.incident.slack.inbound.domain.Decision.OpenModal;
import dev.incident.slack.inbound.domain.Decision.Reply;
import dev.incident.slack.inbound.domain.Decision.Send;
import dev.incident.slack.inbound.domain.ModalContext;
import dev.incident.slack.inbound.domain.RecentRequests;
import dev.incident.slack.inbound.domain.ReplyTarget;
import dev.incident.slack.inbound.domain.Requester;
import dev.incident.slack.inbound.domain.ResultTexts;
import dev.incident.slack.inbound.domain.SlashCommands;
import dev.incident.slack.inbound.slack.ModalOpener;

/** {@code POST /slack/commands}: the {@code /inc} slash command. */
@Path("/slack/commands")
public class SlackCommandsResource {

    private static final Logger LOG = Logger.getLogger(SlackCommandsResource.class);
    private static final Gson GSON = GsonFactory.createSnakeCase();

    private final SignedRequests signed;
    private final RecentRequests recent;
    private final SlashCommands commands;
    private final CommandDispatch dispatch;
    private final ModalOpener modals;

    public SlackCommandsResource(
            SignedRequests signed,
            RecentRequests recent,
            SlashCommands commands,
            CommandDispatch dispatch,
            ModalOpener modals) {
        this.signed = signed;
        this.recent = recent;
        this.commands = commands;
        this.dispatch = dispatch;
        this.modals = modals;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response command(@Context HttpHeaders headers, byte[] body) {
        var refusal = signed.refusal("/slack/commands", headers, body);
        if (refusal.isPresent()) {
            return refusal.get();
        }

        SlashCommandPayload payload = parse(body);
        if (payload == null) {
            return SlackResponses.plain(400, "not a slash command: a form with a 'command' field");
        }
        String key =
                SlackResponses.isBlank(payload.getTriggerId())
                        ? SlackResponses.bodyKey(body)
                        : "command:" + payload.getTeamId() + ":" + payload.getTriggerId();
        if (!recent.claim(key)) {
            LOG.debugf("slash command %s already handled: retry %s", key, retryOf(headers));
            return SlackResponses.ok();
        }
        return handle(payload, key);
    }

    private Response handle(SlashCommandPayload payload, String key) {
        Requester requester =
                new Requester(
                        payload.getTeamId(),
                        payload.getUserId(),
                        payload.getUserName(),
                        payload.getChannelId());
        Decision decision = commands.decide(payload.getText(), requester, payload.getChannelName());
        ReplyTarget target =
                ReplyTarget.of(
                        payload.getResponseUrl(), payload.getChannelId(), payload.getUserId());

        if (decision instanceof Send send) {
            dispatch.send(send, requester.actor(), key, target);
            return SlackResponses.ephemeral(ResultTexts.sent(send.what()));
        }
        if (decision instanceof OpenModal open) {
            String incidentId = open.incident() == null ? null : open.incident().incidentId();
            ModalContext context =
                    ModalContext.forIncident(
                            incidentId,
                            payload.getTeamId(),
                            payload.getChannelId(),
                            payload.getResponseUrl());
            modals.open(open.kind(), open.incident(), payload.getTriggerId(), context, "", target);
            return SlackResponses.ok();
        }
        return SlackResponses.ephemeral(((Reply) decision).text());
    }

    /** The payload from Slack's form body (or its JSON shape), null when it is not one. */
    private static SlashCommandPayload parse(byte[] body) {
        String text = SlackResponses.utf8(body);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            SlashCommandPayload payload =
                    text.stripLeading().startsWith("{")
                            ? GSON.fromJson(text, SlashCommandPayload.class)
                            : new SlashCommandPayloadParser().parse(text);
            return payload == null || payload.getCommand() == null ? null : payload;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String retryOf(HttpHeaders headers) {
        return SlackResponses.orElse(headers.getHeaderString("X-Slack-Retry-Num"), "none");
    }
}
