package dev.incident.slack.inbound.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.payload.GlobalShortcutPayload;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.model.Message;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.util.json.GsonFactory;
import org.jboss.logging.Logger;

import dev.incident.slack.inbound.domain.CardActions;
import dev.incident.slack.inbound.domain.Decision;
import dev.incident.slack.inbound.domain.Decision.ModalKind;
import dev.incident.slack.inbound.domain.Decision.OpenModal;
import dev.incident.slack.inbound.domain.Decision.Reply;
import dev.incident.slack.inbound.domain.Decision.Send;
import dev.incident.slack.inbound.domain.ModalContext;
import dev.incident.slack.inbound.domain.ModalSubmissions;
import dev.incident.slack.inbound.domain.ModalSubmissions.Invalid;
import dev.incident.slack.inbound.domain.ModalSubmissions.Outcome;
import dev.incident.slack.inbound.domain.ModalSubmissions.Recommend;
import dev.incident.slack.inbound.domain.ModalSubmissions.Refused;
import dev.incident.slack.inbound.domain.ModalSubmissions.Submit;
import dev.incident.slack.inbound.domain.RecentRequests;
import dev.incident.slack.inbound.domain.ReplyTarget;
import dev.incident.slack.inbound.domain.Requester;
import dev.incident.slack.inbound.slack.ModalOpener;
import dev.incident.slack.inbound.slack.Modals;
import dev.incident.slack.inbound.slack.SlackReplies;

/**
 * {@code POST /slack/interactions}: the message shortcut, global shortcut, card buttons and modal
 * submissions. Slack sends them as a form with one field, {@code payload}, holding the JSON.
 */
@Path("/slack/interactions")
public class SlackInteractionsResource {

    private static final Logger LOG = Logger.getLogger(SlackInteractionsResource.class);
    private static final Gson GSON = GsonFactory.createSnakeCase();
    private static final ObjectMapper METADATA =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final SignedRequests signed;
    private final RecentRequests recent;
    private final CardActions actions;
    private final ModalSubmissions submissions;
    private final CommandDispatch dispatch;
    private final ModalOpener opener;
    private final SlackReplies replies;
    private final Modals modals = new Modals();

    public SlackInteractionsResource(
            SignedRequests signed,
            RecentRequests recent,
            CardActions actions,
            ModalSubmissions submissions,
            CommandDispatch dispatch,
            ModalOpener opener,
            SlackReplies replies) {
        this.signed = signed;
        this.recent = recent;
        this.actions = actions;
        this.submissions = submissions;
        this.dispatch = dispatch;
        this.opener = opener;
        this.replies = replies;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response interaction(@Context HttpHeaders headers, byte[] body) {
        var refusal = signed.refusal("/slack/interactions", headers, body);
        if (refusal.isPresent()) {
            return refusal.get();
        }

        String json = payloadOf(body);
        JsonNode tree = json == null ? null : readTree(json);
        if (tree == null || !tree.isObject()) {
            return SlackResponses.plain(
                    400, "not an interaction: a form field 'payload' with JSON");
        }
        String type = tree.path("type").asText("");
        try {
            return dispatch(type, json, body);
        } catch (com.google.gson.JsonParseException e) {
            return SlackResponses.plain(400, "malformed " + type + " payload");
        }
    }

    private Response dispatch(String type, String json, byte[] body) {
        switch (type) {
            case "block_actions":
                return blockActions(GSON.fromJson(json, BlockActionPayload.class), body);
            case "message_action":
                return messageShortcut(GSON.fromJson(json, MessageShortcutPayload.class), body);
            case "shortcut":
                return globalShortcut(GSON.fromJson(json, GlobalShortcutPayload.class), body);
            case "view_submission":
                return viewSubmission(GSON.fromJson(json, ViewSubmissionPayload.class), body);
            case "view_closed":
                return SlackResponses.ok();
            default:
                LOG.warnf("refused an interaction of unknown type '%s'", type);
                return SlackResponses.plain(400, "unsupported interaction type '" + type + "'");
        }
    }

    private Response blockActions(BlockActionPayload payload, byte[] body) {
        List<BlockActionPayload.Action> clicked = payload.getActions();
        if (clicked == null || clicked.isEmpty() || payload.getUser() == null) {
            return SlackResponses.plain(400, "block_actions without an action or a user");
        }
        BlockActionPayload.Action action = clicked.get(0);
        String key =
                keyOr(
                        "action:" + payload.getUser().getId() + ":" + action.getActionTs(),
                        action.getActionTs(),
                        body);
        if (!recent.claim(key)) {
            return SlackResponses.ok();
        }

        String teamId = payload.getTeam() == null ? null : payload.getTeam().getId();
        String channelId = channelOf(payload);
        Requester requester =
                new Requester(
                        teamId, payload.getUser().getId(), payload.getUser().getName(), channelId);
        ReplyTarget target =
                ReplyTarget.of(payload.getResponseUrl(), channelId, requester.userId());
        Decision decision = actions.decide(action.getActionId(), action.getValue(), requester);
        if (decision instanceof Send send) {
            dispatch.send(send, requester.actor(), key, target);
        } else if (decision instanceof OpenModal open) {
            ModalContext context =
                    ModalContext.forIncident(
                            open.incident().incidentId(),
                            teamId,
                            channelId,
                            payload.getResponseUrl());
            opener.open(open.kind(), open.incident(), payload.getTriggerId(), context, "", target);
        } else {
            replies.answer(target, ((Reply) decision).text());
        }
        return SlackResponses.ok();
    }

    private Response messageShortcut(MessageShortcutPayload payload, byte[] body) {
        if (!recent.claim(
                keyOr("shortcut:" + payload.getTriggerId(), payload.getTriggerId(), body))) {
            return SlackResponses.ok();
        }
        Message message = payload.getMessage();
        String teamId = payload.getTeam() == null ? null : payload.getTeam().getId();
        String channelId = payload.getChannel() == null ? null : payload.getChannel().getId();
        String messageTs =
                SlackResponses.orElse(
                        payload.getMessageTs(), message == null ? null : message.getTs());
        String domain = payload.getTeam() == null ? null : payload.getTeam().getDomain();
        String permalink =
                message != null && !SlackResponses.isBlank(message.getPermalink())
                        ? message.getPermalink()
                        : permalink(domain, channelId, messageTs);
        ModalContext context =
                new ModalContext(
                        null,
                        teamId,
                        channelId,
                        messageTs,
                        permalink,
                        payload.getResponseUrl(),
                        null);
        String userId = payload.getUser() == null ? null : payload.getUser().getId();
        opener.open(
                ModalKind.DECLARE,
                null,
                payload.getTriggerId(),
                context,
                message == null ? "" : message.getText(),
                ReplyTarget.of(payload.getResponseUrl(), channelId, userId));
        return SlackResponses.ok();
    }

    private Response globalShortcut(GlobalShortcutPayload payload, byte[] body) {
        if (!recent.claim(
                keyOr("shortcut:" + payload.getTriggerId(), payload.getTriggerId(), body))) {
            return SlackResponses.ok();
        }
        String teamId = payload.getTeam() == null ? null : payload.getTeam().getId();
        String userId = payload.getUser() == null ? null : payload.getUser().getId();
        ModalContext context = new ModalContext(null, teamId, null, null, null, null, null);
        opener.open(
                ModalKind.DECLARE,
                null,
                payload.getTriggerId(),
                context,
                "",
                ReplyTarget.of(null, null, userId));
        return SlackResponses.ok();
    }

    private Response viewSubmission(ViewSubmissionPayload payload, byte[] body) {
        View view = payload.getView();
        if (view == null || payload.getUser() == null) {
            return SlackResponses.plain(400, "view_submission without a view or a user");
        }
        String callbackId = SlackResponses.orElse(view.getCallbackId(), "");
        if (!ModalSubmissions.isKnown(callbackId)) {
            LOG.warnf("refused a submission of unknown modal '%s'", callbackId);
            return SlackResponses.plain(400, "unknown modal '" + callbackId + "'");
        }
        ModalContext context = metadata(view.getPrivateMetadata());
        if (context == null) {
            return SlackResponses.plain(400, "modal without readable private_metadata");
        }

        String key = keyOr("view:" + view.getId() + ":" + callbackId, view.getId(), body);
        if (!recent.claim(key)) {
            return SlackResponses.ok();
        }
        String teamId = payload.getTeam() == null ? null : payload.getTeam().getId();
        Requester requester =
                new Requester(
                        teamId,
                        payload.getUser().getId(),
                        payload.getUser().getName(),
                        context.channelId());
        Outcome outcome =
                submissions.decide(callbackId, view.getId(), values(view), context, requester);
        return answer(outcome, requester, context, key);
    }

    private Response answer(
            Outcome outcome, Requester requester, ModalContext context, String key) {
        ReplyTarget target =
                ReplyTarget.of(context.responseUrl(), context.channelId(), requester.userId());
        if (outcome instanceof Submit submit) {
            dispatch.send(
                    new Send(submit.incidentId(), submit.command(), submit.what()),
                    requester.actor(),
                    key,
                    target);
            return SlackResponses.ok();
        }
        // The modal stays open: a corrected submission must be handled, not taken for a retry.
        recent.release(key);
        if (outcome instanceof Invalid invalid) {
            return SlackResponses.viewErrors(invalid.errors());
        }
        if (outcome instanceof Recommend recommend) {
            return SlackResponses.viewUpdate(
                    modals.triageConfirm(recommend.context(), recommend.recommended()));
        }
        return SlackResponses.viewErrors(Map.of("reason", ((Refused) outcome).reason()));
    }

    /** What was typed or picked in each input block, by block id. */
    private static Map<String, String> values(View view) {
        Map<String, String> values = new HashMap<>();
        ViewState state = view.getState();
        if (state == null || state.getValues() == null) {
            return values;
        }
        state.getValues()
                .forEach(
                        (blockId, elements) ->
                                elements.values().stream()
                                        .findFirst()
                                        .map(SlackInteractionsResource::valueOf)
                                        .ifPresent(value -> values.put(blockId, value)));
        return values;
    }

    private static String valueOf(ViewState.Value value) {
        if (value.getSelectedOption() != null) {
            return value.getSelectedOption().getValue();
        }
        return value.getValue();
    }

    private static ModalContext metadata(String privateMetadata) {
        if (SlackResponses.isBlank(privateMetadata)) {
            return new ModalContext(null, null, null, null, null, null, null);
        }
        try {
            return METADATA.readValue(privateMetadata, ModalContext.class);
        } catch (Exception e) {
            return null;
        }
    }

    private static String channelOf(BlockActionPayload payload) {
        if (payload.getChannel() != null && !SlackResponses.isBlank(payload.getChannel().getId())) {
            return payload.getChannel().getId();
        }
        return payload.getContainer() == null ? null : payload.getContainer().getChannelId();
    }

    /** The message's link, as Slack builds it, when the payload carries none. */
    private static String permalink(String domain, String channelId, String messageTs) {
        if (SlackResponses.isBlank(domain)
                || SlackResponses.isBlank(channelId)
                || SlackResponses.isBlank(messageTs)) {
            return null;
        }
        return "https://"
                + domain
                + ".slack.com/archives/"
                + channelId
                + "/p"
                + messageTs.replace(".", "");
    }

    private static String keyOr(String key, String natural, byte[] body) {
        return SlackResponses.isBlank(natural) ? SlackResponses.bodyKey(body) : key;
    }

    /** The JSON of the {@code payload} form field, or the body itself when it is JSON already. */
    private static String payloadOf(byte[] body) {
        String text = SlackResponses.utf8(body);
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.stripLeading().startsWith("{")) {
            return text;
        }
        try {
            for (String field : text.split("&")) {
                if (field.startsWith("payload=")) {
                    return URLDecoder.decode(field.substring(8), StandardCharsets.UTF_8);
                }
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    private static JsonNode readTree(String json) {
        try {
            return METADATA.readTree(json);
        } catch (Exception e) {
            return null;
        }
    }
}
