import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.incident.events.state.IncidentIds;

/**
 * Plays one P1 incident through the running local stack, only through the platform's real entry
 * points: an email over SMTP into the ingest mailbox, signed Slack requests to the gateway, and
 * incident-core's read API to watch what happened. Exits non-zero when a step does not happen.
 *
 * <p>Run by deploy/local/demo, which starts the stack first.
 */
public class Demo {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String TEAM = "T0DEMO0001";

    private final String core = "http://127.0.0.1:" + env("INCIDENT_CORE_PORT");
    private final String slack = "http://127.0.0.1:" + env("SLACK_GATEWAY_PORT");
    private final String signingSecret = env("SLACK_SIGNING_SECRET");
    private final Path outbox = Path.of(env("INCIDENT_LOCAL_STATE")).resolve("outbox");

    private String incidentId;
    private String channel;

    public static void main(String[] args) throws Exception {
        try {
            new Demo().play();
        } catch (StepFailed e) {
            System.out.println();
            System.out.println("DEMO FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    private void play() throws Exception {
        String engineer = identify();
        String coordinator = buildTheTeam(engineer);
        Instant middle = investigate(engineer);
        closeUp(engineer, coordinator);
        report(middle);
    }

    /** 1. An urgent customer email becomes a triage incident and pages the on-call engineer. */
    private String identify() throws Exception {
        step("1. Identify: an urgent customer email arrives in the ingest mailbox");

        String messageId = "<demo-" + UUID.randomUUID() + "@mail.acme.example.com>";
        String mail =
                Files.readString(Path.of("deploy/local/play/urgent-email.eml"))
                        .replace("{{MESSAGE_ID}}", messageId)
                        .replace("{{DATE}}", ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME));
        sendMail("ops@acme.example.com", env("INGEST_ADDRESS"), mail);
        incidentId = IncidentIds.fromEmail(messageId);
        say("sent over SMTP with Message-ID " + messageId + " -> incident " + incidentId);

        JsonNode incident = awaitIncident("the triage incident", i -> "TRIAGE".equals(text(i, "status")));
        say("declared " + text(incident, "reference") + " in TRIAGE: " + text(incident, "title"));

        JsonNode page = awaitEvent("the on-call engineer paged", "Escalated", 1).get(0);
        String engineer = page.at("/payload/paged/id").asText();
        say("paged " + page.at("/payload/paged/name").asText() + " (" + engineer + ") via "
                + page.at("/payload/provider").asText());

        JsonNode attached = awaitIncident("the incident channel", i -> i.hasNonNull("channel"));
        channel = attached.at("/channel/id").asText();
        say("channel #" + attached.at("/channel/name").asText() + " (" + channel + ")");
        return engineer;
    }

    /** 2. The engineer confirms P1; roles, the matrix and the coordinator page follow. */
    private String buildTheTeam(String engineer) throws Exception {
        step("2. Build the team: the engineer confirms P1 from the incident card");

        button(engineer, "incident_confirm_p1", incidentId);
        awaitIncident("severity P1, investigating", i -> "P1".equals(text(i, "severity"))
                && "INVESTIGATING".equals(text(i, "status")));
        awaitIncident("the engineer as Operations Engineer",
                i -> engineer.equals(i.at("/roles/OPERATIONS_ENGINEER/id").asText()));
        JsonNode matrix = awaitEvent("the escalation matrix", "EscalationMatrixPublished", 1).get(0);
        say("escalation matrix: " + matrix.at("/payload/contacts").size() + " contacts for "
                + matrix.at("/payload/customerId").asText());
        awaitEvent("the coordinator schedule paged", "Escalated", 2);

        slash(engineer, "escalate ic The customer asks for a call every 30 minutes");
        awaitEvent("the escalation requested with /inc escalate", "EscalationRequested", 1);
        List<JsonNode> pages = awaitEvent("the coordinator paged again", "Escalated", 3);
        JsonNode icPage = pages.get(pages.size() - 1);
        String coordinator = icPage.at("/payload/paged/id").asText();
        say("/inc escalate paged " + icPage.at("/payload/paged/name").asText() + " (" + coordinator + ")");

        button(coordinator, "escalation_accept", incidentId + "|INCIDENT_COORDINATOR");
        awaitIncident("the coordinator accepted",
                i -> coordinator.equals(i.at("/roles/INCIDENT_COORDINATOR/id").asText()));
        say("roles: OE " + engineer + ", IC " + coordinator);
        return coordinator;
    }

    /** 3. Findings are pinned, a reminder fires, the team moves to fixing and monitoring. */
    private Instant investigate(String engineer) throws Exception {
        step("3. Investigate: pins, the customer-update reminder, fixing, monitoring");

        pin(engineer, "Pods of checkout-eu crash-loop with OOMKilled since the 09:02 deploy of 4.18");
        pin(engineer, "Rolling back checkout-eu to 4.17; error rate falling");
        awaitIncident("two pinned findings", i -> i.path("pins").size() == 2);
        say("two findings pinned");

        JsonNode reminder = awaitEvent("the customer-update reminder", "ReminderIssued", 1,
                Duration.ofSeconds(120)).get(0);
        say("reminder " + reminder.at("/payload/rule").asText() + " due "
                + reminder.at("/payload/dueAt").asText());

        slash(engineer, "update fixing Rolling back checkout-eu to 4.17");
        awaitIncident("status fixing", i -> "FIXING".equals(text(i, "status")));
        Instant middle = Instant.now();
        say("status FIXING");

        slash(engineer, "update monitoring Rollback done, error rate back to baseline");
        awaitIncident("status monitoring", i -> "MONITORING".equals(text(i, "status")));
        say("status MONITORING");
        return middle;
    }

    /** 4. Follow-ups, then close: the postmortem draft and the GitHub issues appear. */
    private void closeUp(String engineer, String coordinator) throws Exception {
        step("4. Close up: follow-ups, close, postmortem and issues");

        slash(engineer, "followup Alert on OOM kills of checkout pods before customers notice");
        slash(coordinator, "followup Add a canary stage to the checkout deploy pipeline");
        awaitIncident("two follow-ups", i -> i.path("followUps").size() == 2);

        slash(coordinator, "close Rolled back to 4.17; memory limit raised; customer confirmed");
        awaitIncident("closed", i -> "CLOSED".equals(text(i, "status")));
        JsonNode postmortem = awaitEvent("the postmortem draft", "PostmortemPublished", 1).get(0);
        say("postmortem: " + postmortem.at("/payload/url").asText());
        for (JsonNode export : awaitEvent("the follow-up issues", "FollowUpExported", 2)) {
            say("issue for " + export.at("/payload/followUpId").asText() + ": "
                    + export.at("/payload/issueUrl").asText());
        }
    }

    private void report(Instant middle) throws Exception {
        step("The incident as incident-core serves it");

        JsonNode incident = get(core + "/incidents/" + incidentId).body();
        say(text(incident, "reference") + "  " + text(incident, "title"));
        say("status " + text(incident, "status") + ", severity " + text(incident, "severity")
                + ", resolution: " + text(incident, "resolution"));

        System.out.println();
        System.out.println("Timeline:");
        JsonNode events = get(core + "/incidents/" + incidentId + "/events?verify=true").body();
        for (JsonNode e : events.path("events")) {
            System.out.printf("  #%-3d %s  %-26s %s%n", e.path("sequence").asInt(),
                    e.path("occurredAt").asText(), e.path("type").asText(),
                    e.at("/actor/name").asText(e.at("/actor/id").asText()));
        }

        JsonNode asOf = get(core + "/incidents/" + incidentId + "?asOf=" + middle).body();
        System.out.println();
        System.out.println("As of " + middle + " (between fixing and monitoring): status "
                + text(asOf, "status") + ", " + asOf.path("pins").size() + " pins, "
                + asOf.path("followUps").size() + " follow-ups");

        JsonNode verification = events.path("verification");
        System.out.println("Hash chain: " + (verification.path("intact").asBoolean()
                ? "intact over " + verification.path("checked").asInt() + " events"
                : "BROKEN: " + verification.path("firstBreak")));
        if (!verification.path("intact").asBoolean()) {
            throw new StepFailed("the hash chain of " + incidentId + " does not verify");
        }

        System.out.println();
        System.out.println("Outboxes (what Slack, Drive, GitHub and paging would have received):");
        if (Files.isDirectory(outbox)) {
            try (var files = Files.walk(outbox)) {
                files.filter(Files::isRegularFile).sorted()
                        .forEach(f -> System.out.println("  " + f));
            }
        }
    }

    // --- the entry points -------------------------------------------------------------------

    private void slash(String user, String text) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "demo");
        form.put("team_id", TEAM);
        form.put("team_domain", "acme-ops");
        form.put("channel_id", channel);
        form.put("channel_name", "incident");
        form.put("user_id", user);
        form.put("user_name", user);
        form.put("command", "/inc");
        form.put("text", text);
        form.put("api_app_id", "A0DEMO0001");
        form.put("response_url", "https://hooks.slack.com/commands/" + TEAM + "/1/demo");
        form.put("trigger_id", "demo." + UUID.randomUUID());
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        signed("/slack/commands", body, "application/x-www-form-urlencoded");
        say("/inc " + text + "   (as " + user + ")");
    }

    private void button(String user, String actionId, String value) throws Exception {
        String ts = String.format("%.6f", System.currentTimeMillis() / 1000.0);
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", "block_actions");
        payload.putObject("team").put("id", TEAM).put("domain", "acme-ops");
        payload.putObject("user").put("id", user).put("username", user).put("team_id", TEAM);
        payload.put("api_app_id", "A0DEMO0001").put("token", "demo");
        payload.putObject("container").put("type", "message").put("message_ts", ts)
                .put("channel_id", channel).put("is_ephemeral", false);
        payload.put("trigger_id", "demo." + UUID.randomUUID());
        payload.putObject("channel").put("id", channel).put("name", "incident");
        payload.put("response_url", "https://hooks.slack.com/actions/" + TEAM + "/1/demo");
        ObjectNode action = payload.putArray("actions").addObject();
        action.put("type", "button").put("action_id", actionId).put("block_id", "incident-card")
                .put("value", value).put("action_ts", ts);
        action.putObject("text").put("type", "plain_text").put("text", actionId);
        signed("/slack/interactions", "payload=" + enc(payload.toString()),
                "application/x-www-form-urlencoded");
        say("button " + actionId + "   (as " + user + ")");
    }

    private void pin(String user, String text) throws Exception {
        long now = System.currentTimeMillis();
        String ts = String.format("%d.%06d", now / 1000, (now % 1000) * 1000);
        ObjectNode body = JSON.createObjectNode();
        body.put("token", "demo").put("team_id", TEAM).put("api_app_id", "A0DEMO0001");
        ObjectNode event = body.putObject("event");
        event.put("type", "pin_added").put("user", user).put("channel_id", channel);
        ObjectNode item = event.putObject("item");
        item.put("type", "message").put("created", now / 1000).put("created_by", user)
                .put("channel", channel);
        item.putObject("message").put("type", "message").put("text", text).put("user", user)
                .put("ts", ts).put("permalink", "https://acme-ops.slack.com/archives/"
                        + channel + "/p" + ts.replace(".", ""));
        event.put("event_ts", ts);
        body.put("type", "event_callback").put("event_id", "Ev" + UUID.randomUUID())
                .put("event_time", now / 1000);
        signed("/slack/events", body.toString(), "application/json");
        say("pinned: " + text);
        Thread.sleep(50); // distinct message times
    }

    private void signed(String path, String body, String contentType) throws Exception {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));

        HttpRequest request = HttpRequest.newBuilder(URI.create(slack + path))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", "v0=" + HexFormat.of().formatHex(digest))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new StepFailed(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Plain SMTP, as any mail server forwarding to the ingest mailbox would speak it. */
    private static void sendMail(String from, String to, String message) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(env("INGEST_SMTP_PORT")));
                var in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8));
                OutputStream out = socket.getOutputStream()) {
            expect(in, "220");
            smtp(out, in, "HELO demo.example.com", "250");
            smtp(out, in, "MAIL FROM:<" + from + ">", "250");
            smtp(out, in, "RCPT TO:<" + to + ">", "250");
            smtp(out, in, "DATA", "354");
            String data = message.replace("\r\n", "\n").replace("\n", "\r\n").replace("\r\n.", "\r\n..");
            smtp(out, in, data + "\r\n.", "250");
            smtp(out, in, "QUIT", "221");
        }
    }

    private static void smtp(OutputStream out, BufferedReader in, String line, String code)
            throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        expect(in, code);
    }

    private static void expect(BufferedReader in, String code) throws IOException {
        String reply;
        do {
            reply = in.readLine();
            if (reply == null || !reply.startsWith(code)) {
                throw new StepFailed("the SMTP server answered " + reply + ", expected " + code);
            }
        } while (reply.length() > 3 && reply.charAt(3) == '-');
    }

    // --- watching incident-core ---------------------------------------------------------------

    private JsonNode awaitIncident(String what, Predicate<JsonNode> until) throws Exception {
        return await(what, Duration.ofSeconds(60), () -> {
            Reply reply = get(core + "/incidents/" + incidentId);
            return reply.status() == 200 && until.test(reply.body()) ? reply.body() : null;
        });
    }

    private List<JsonNode> awaitEvent(String what, String type, int count) throws Exception {
        return awaitEvent(what, type, count, Duration.ofSeconds(60));
    }

    private List<JsonNode> awaitEvent(String what, String type, int count, Duration timeout)
            throws Exception {
        return await(what, timeout, () -> {
            Reply reply = get(core + "/incidents/" + incidentId + "/events");
            if (reply.status() != 200) {
                return null;
            }
            List<JsonNode> found = new ArrayList<>();
            reply.body().path("events").forEach(e -> {
                if (type.equals(e.path("type").asText())) {
                    found.add(e);
                }
            });
            return found.size() >= count ? found : null;
        });
    }

    private interface Probe<T> {
        T attempt() throws Exception;
    }

    private static <T> T await(String what, Duration timeout, Probe<T> probe) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            T result = probe.attempt();
            if (result != null) {
                return result;
            }
            Thread.sleep(250);
        }
        throw new StepFailed(what + " did not happen within " + timeout.toSeconds() + " s");
    }

    private record Reply(int status, JsonNode body) {}

    private static Reply get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        return new Reply(response.statusCode(), body);
    }

    // --- small things --------------------------------------------------------------------------

    private static String text(JsonNode node, String field) {
        return node.path(field).asText(null);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new StepFailed("environment variable " + name + " is not set; run deploy/local/demo");
        }
        return value;
    }

    private static void step(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    private static void say(String line) {
        System.out.println("   " + line);
    }

    private static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message);
        }
    }
}
