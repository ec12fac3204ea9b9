package dev.incident.slack.outbound.slack;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsCreateResponse;
import org.jboss.logging.Logger;

import dev.incident.slack.outbound.slack.SlackCallException.Kind;

/**
 * Calls the Slack Web API with the official client and the bot token, at a configurable base URL,
 * and turns Slack's answers into results or {@link SlackCallException}s.
 */
public final class WebApiSlack implements SlackApi {

    private static final Logger LOG = Logger.getLogger(WebApiSlack.class);

    private final MethodsClient methods;
    private final ObjectMapper json;

    /** {@code apiUrl} is the methods prefix, {@code https://slack.com/api/} for Slack itself. */
    public WebApiSlack(String apiUrl, String botToken, ObjectMapper json) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
        config.setPrettyResponseLoggingEnabled(false);
        this.methods = Slack.getInstance(config).methods(botToken);
        this.json = json;
    }

    @Override
    public SlackResult call(SlackCall call) throws SlackCallException {
        LOG.debugf("%s: %s", call.incidentId(), call.method());
        try {
            return send(call);
        } catch (SlackApiException e) {
            throw httpFailure(call.method(), e);
        } catch (IOException e) {
            throw new SlackCallException(
                    call.method(), "io: " + e.getMessage(), Kind.TRANSIENT, null);
        }
    }

    private SlackResult send(SlackCall call)
            throws IOException, SlackApiException, SlackCallException {
        String method = call.method();
        switch (method) {
            case SlackCall.CREATE_CHANNEL:
                ConversationsCreateResponse created =
                        methods.conversationsCreate(r -> r.name(call.arg("name")).isPrivate(false));
                checked(method, created);
                return new SlackResult(created.getChannel().getId(), null);
            case SlackCall.INVITE:
                checked(
                        method,
                        methods.conversationsInvite(
                                r -> r.channel(call.arg("channel")).users(users(call))));
                return SlackResult.EMPTY;
            case SlackCall.POST:
                ChatPostMessageResponse posted =
                        methods.chatPostMessage(
                                r ->
                                        r.channel(call.arg("channel"))
                                                .text(call.arg("text"))
                                                .blocksAsString(blocks(call))
                                                .threadTs(call.arg("thread_ts"))
                                                .unfurlLinks(false));
                checked(method, posted);
                return new SlackResult(posted.getChannel(), posted.getTs());
            case SlackCall.UPDATE:
                checked(
                        method,
                        methods.chatUpdate(
                                r ->
                                        r.channel(call.arg("channel"))
                                                .ts(call.arg("ts"))
                                                .text(call.arg("text"))
                                                .blocksAsString(blocks(call))));
                return SlackResult.EMPTY;
            case SlackCall.PIN:
                checked(
                        method,
                        methods.pinsAdd(
                                r ->
                                        r.channel(call.arg("channel"))
                                                .timestamp(call.arg("timestamp"))));
                return SlackResult.EMPTY;
            default:
                throw new IllegalArgumentException("no such Slack call: " + method);
        }
    }

    private static List<String> users(SlackCall call) {
        return List.of(call.arg("users").split(","));
    }

    private String blocks(SlackCall call) {
        try {
            return json.writeValueAsString(call.blocks());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("blocks of " + call.method(), e);
        }
    }

    private static void checked(String method, SlackApiTextResponse response)
            throws SlackCallException {
        if (!response.isOk()) {
            throw SlackCallException.fromError(method, response.getError());
        }
    }

    /** 429 carries Retry-After; 5xx is Slack's trouble and worth a retry; other codes are not. */
    private static SlackCallException httpFailure(String method, SlackApiException e) {
        int status = e.getResponse().code();
        if (status == 429) {
            String header = e.getResponse().header("Retry-After");
            Duration wait = header == null ? null : Duration.ofSeconds(parseSeconds(header));
            return new SlackCallException(method, "HTTP 429", Kind.RATE_LIMITED, wait);
        }
        Kind kind = status >= 500 ? Kind.TRANSIENT : Kind.PERMANENT;
        return new SlackCallException(method, "HTTP " + status, kind, null);
    }

    private static long parseSeconds(String header) {
        try {
            return Math.max(0, Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
