package dev.incident.slack.inbound;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.CommandResult;
import dev.incident.events.command.IncidentCommand.AddFollowUp;
import dev.incident.events.command.IncidentCommand.AssignRole;
import dev.incident.events.command.IncidentCommand.ChangeStatus;
import dev.incident.events.command.IncidentCommand.CloseIncident;
import dev.incident.events.command.IncidentCommand.ConfirmSeverity;
import dev.incident.events.command.IncidentCommand.DeclareIncident;
import dev.incident.events.command.IncidentCommand.DeclineIncident;
import dev.incident.events.command.IncidentCommand.PinMessage;
import dev.incident.events.command.IncidentCommand.RequestEscalation;
import dev.incident.events.command.IncidentCommand.UnpinMessage;
import dev.incident.events.command.IncidentCommand.UpdateSummary;
import dev.incident.events.event.IncidentEvent.ChannelAttached;
import dev.incident.events.event.IncidentEvent.IncidentDeclared;
import dev.incident.events.event.IncidentEvent.RoleAssigned;
import dev.incident.events.model.Actor;
import dev.incident.events.model.DeclarationSource;
import dev.incident.events.model.IncidentMode;
import dev.incident.events.model.IncidentStatus;
import dev.incident.events.model.Role;
import dev.incident.events.model.Severity;
import dev.incident.events.state.IncidentIds;
import dev.incident.slack.inbound.SlackFixtures.Answer;
import dev.incident.slack.inbound.domain.SignatureVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.incident.slack.inbound.SlackFixtures.JSON;
import static dev.incident.slack.inbound.SlackFixtures.fixture;
import static dev.incident.slack.inbound.SlackFixtures.interaction;
import static dev.incident.slack.inbound.SlackFixtures.slashCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The three Slack endpoints end to end: signed requests shaped like Slack's fixtures in, commands
 * on the real broker out, and incident-core's answers (played by the test) back to the person
 * through the response_url on a local Slack stand-in.
 */
@QuarkusTest
class SlackInboundTest {

    private static final String TEAM = "T0INBOUND";
    private static TopicProbe probe;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "incident.topics.prefix")
    String prefix;

    @ConfigProperty(name = "test.slack.base-url")
    String slackUrl;

    private WireMock slack;

    @BeforeEach
    void connect() {
        if (probe == null) {
            probe = new TopicProbe(bootstrap, prefix);
        }
        URI uri = URI.create(slackUrl);
        slack = new WireMock(uri.getHost(), uri.getPort());
        ObjectNode viewsOpen = fixture("views.open.json");
        viewsOpen.put("ok", true);
        viewsOpen.remove(List.of("error", "needed", "provided", "warning"));
        slack.register(
                post(urlEqualTo("/api/views.open"))
                        .willReturn(aResponse().withStatus(200).withBody(viewsOpen.toString())));
        slack.register(
                post(urlEqualTo("/api/chat.postEphemeral"))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withBody("{\"ok\":true,\"message_ts\":\"1.2\"}")));
        slack.register(
                post(urlPathMatching("/respond/.*"))
                        .willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    @AfterAll
    static void close() {
        if (probe != null) {
            probe.close();
            probe = null;
        }
    }

    @Test
    void shouldRefuseForgedStaleUnsignedOversizedAndMalformedRequestsAndPublishNothing() {
        String bad = "UBAD" + suffix();
        byte[] body = bytes(slash(bad, "C-ANY", "declare Forged outage"));
        String now = String.valueOf(Instant.now().getEpochSecond());
        String old = String.valueOf(Instant.now().minusSeconds(600).getEpochSecond());

        SlackFixtures.send("/slack/commands", body, signed("not-the-secret", now, body))
                .expect(401);
        SlackFixtures.send("/slack/commands", body, signed(SlackFixtures.SECRET, old, body))
                .expect(401);
        SlackFixtures.send("/slack/commands", body, Map.of()).expect(401);
        byte[] tampered = bytes(slash(bad, "C-ANY", "declare Forged outage2"));
        SlackFixtures.send("/slack/commands", tampered, signed(SlackFixtures.SECRET, now, body))
                .expect(401);

        String huge = slash(bad, "C-ANY", "declare " + "x".repeat(600_000));
        assertThat(SlackFixtures.post("/slack/commands", huge).statusCode()).isEqualTo(413);
        assertThat(SlackFixtures.post("/slack/commands", "%%%").statusCode()).isEqualTo(400);
        assertThat(SlackFixtures.post("/slack/interactions", "payload=%7Bnot").statusCode())
                .isEqualTo(400);
        assertThat(SlackFixtures.post("/slack/events", "{not json").statusCode()).isEqualTo(400);
        ObjectNode unknown = fixture("ViewClosedPayload.json").put("type", "dialog_submission");
        assertThat(SlackFixtures.post("/slack/interactions", interaction(unknown)).statusCode())
                .isEqualTo(400);
        assertThat(SlackFixtures.post("/slack/events", "{\"type\":\"mystery\"}").statusCode())
                .isEqualTo(400);

        String good = "UGOOD" + suffix();
        SlackFixtures.post("/slack/commands", slash(good, "C-ANY", "declare Real outage"))
                .expect(200);
        probe.awaitCommand(c -> c.actor().id().equals(good));
        assertThat(probe.commandsMatching(c -> c.actor().id().equals(bad))).isEmpty();
    }

    @Test
    void shouldPublishARetriedSlashCommandOnce() {
        String user = "URETRY" + suffix();
        byte[] body = bytes(slash(user, "C-ANY", "declare Retried outage"));

        Answer first = SlackFixtures.post("/slack/commands", body, null);
        Answer retry = SlackFixtures.post("/slack/commands", body, "1");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).isEqualTo(200);
        probe.awaitCommand(c -> c.actor().id().equals(user));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> probe.commandsMatching(c -> c.actor().id().equals(user)).size() == 1);
    }

    @Test
    void shouldTakeEverySlackSampleAsItIsAndActOnNone() {
        Map<String, Integer> events =
                Map.of(
                        "AppMentionPayload.json", 200,
                        "AppRateLimitedPayload.json", 200,
                        "MessageBotPayload.json", 200,
                        "MessageChangedPayload.json", 200,
                        "MessageDeletedPayload.json", 200,
                        "MessagePayload.json", 200,
                        "PinAddedPayload.json", 200,
                        "PinRemovedPayload.json", 200);
        Map<String, Integer> interactions =
                Map.of(
                        "BlockActionPayload.json", 200,
                        "MessageShortcutPayload.json", 200,
                        "ViewClosedPayload.json", 200,
                        "ViewSubmissionPayload.json", 400);

        events.forEach(
                (name, status) ->
                        SlackFixtures.post("/slack/events", SlackFixtures.raw(name), null)
                                .expect(status));
        interactions.forEach(
                (name, status) ->
                        SlackFixtures.post(
                                        "/slack/interactions",
                                        bytes(interaction(fixture(name))),
                                        null)
                                .expect(status));
        SlackFixtures.post("/slack/commands", SlackFixtures.raw("SlashCommandPayload.json"), null)
                .expect(200)
                .expectText("/inc declare <title>");

        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> probe.commandsMatching(c -> c.actor().id().isEmpty()).isEmpty());
    }

    @Test
    void shouldAcceptTheSlashCommandInTheShapeOfSlacksJsonSample() {
        ObjectNode payload = fixture("SlashCommandPayload.json");
        String user = "UJSON" + suffix();
        payload.put("command", "/inc").put("team_id", TEAM).put("user_id", user);
        payload.put("text", "declare Sent as JSON").put("trigger_id", "trig-" + suffix());

        SlackFixtures.post("/slack/commands", payload.toString()).expect(200).expectText("On it");

        CommandEnvelope declare = probe.awaitCommand(c -> c.actor().id().equals(user));
        assertThat(((DeclareIncident) declare.command()).title()).isEqualTo("Sent as JSON");
    }

    @Test
    void shouldAnswerAtOnceAndBringIncidentCoresRejectionToThePerson() {
        String channel = "CINC" + suffix();
        String incidentId = seedIncident(channel, IncidentMode.TRIAGE, null);
        String trigger = "trig-" + suffix();

        long started = System.nanoTime();
        Answer answer =
                SlackFixtures.post(
                        "/slack/commands",
                        slashCommand(
                                Map.of(
                                        "team_id",
                                        TEAM,
                                        "user_id",
                                        "UADMIN",
                                        "channel_id",
                                        channel,
                                        "text",
                                        "close Fixed by restarting the pool",
                                        "trigger_id",
                                        trigger,
                                        "response_url",
                                        slackUrl + "/respond/" + trigger)));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        assertThat(answer.asString()).contains("On it");
        CommandEnvelope close = probe.awaitCommand(c -> c.incidentId().equals(incidentId));
        assertThat(close.command()).isEqualTo(new CloseIncident("Fixed by restarting the pool"));

        String reason = "A triage incident cannot be closed: confirm it or decline it first.";
        probe.result(
                new CommandResult.Rejected(close.commandId(), incidentId, reason, Instant.now()));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                slack.verifyThat(
                                        postRequestedFor(urlEqualTo("/respond/" + trigger))
                                                .withRequestBody(containing(reason))));
    }

    @Test
    void shouldTurnEverySubcommandIntoItsCommand() {
        String channel = "CSUB" + suffix();
        String incidentId = seedIncident(channel, IncidentMode.TRIAGE, "UCOORD");

        assertThat(inc("UREP", channel, "severity p1").command())
                .isEqualTo(new ConfirmSeverity(Severity.P1, List.of()));
        assertThat(inc("UREP", channel, "update fixing Rolled back the release").command())
                .isEqualTo(new ChangeStatus(IncidentStatus.FIXING, "Rolled back the release"));
        assertThat(inc("UREP", channel, "update Still looking at the database").command())
                .isEqualTo(new UpdateSummary("Still looking at the database"));
        assertThat(inc("UREP", channel, "escalate oe The database is slow").command())
                .isEqualTo(new RequestEscalation("oe", "The database is slow"));
        assertThat(inc("UREP", channel, "escalate").command())
                .isEqualTo(new RequestEscalation("ic", null));
        assertThat(inc("UREP", channel, "role ic <@U777|alice>").command())
                .isEqualTo(
                        new AssignRole(
                                Role.INCIDENT_COORDINATOR, Actor.slackUser("U777", "alice")));
        assertThat(inc("UREP", channel, "followup Add an alert on pool size").command())
                .isEqualTo(new AddFollowUp("Add an alert on pool size"));
        assertThat(inc("UCOORD", channel, "decline It was a planned test").command())
                .isEqualTo(new DeclineIncident("It was a planned test"));
        assertThat(inc("UCOORD", channel, "close Fixed").command())
                .isEqualTo(new CloseIncident("Fixed"));
        CommandEnvelope declare = inc("UREP", "C-GENERAL", "declare Payment failures in EU");
        assertThat(declare.command()).isInstanceOf(DeclareIncident.class);
        DeclareIncident declared = (DeclareIncident) declare.command();
        assertThat(declared.title()).isEqualTo("Payment failures in EU");
        assertThat(declared.mode()).isEqualTo(IncidentMode.TRIAGE);
        assertThat(declared.source()).isEqualTo(DeclarationSource.SLASH_COMMAND);
        assertThat(probe.commands()).allMatch(c -> c.incidentId() != null);

        String reference = IncidentIds.reference(incidentId, 4);
        assertThat(answer("UREP", "C-GENERAL", reference + " status"))
                .contains(reference)
                .contains("triage");
        assertThat(answer("UREP", "C-GENERAL", "dance")).contains("/inc declare <title>");
        assertThat(answer("UOTHER", channel, "close Fixed"))
                .contains("Only its incident coordinator <@UCOORD>");
        assertThat(answer("UOTHER", channel, "decline nope"))
                .contains("Only its incident coordinator <@UCOORD>");
        assertThat(probe.commandsMatching(c -> c.actor().id().equals("UOTHER"))).isEmpty();
    }

    @Test
    void shouldTurnCardButtonsIntoCommandsAndRefuseADeclineByAnyoneElse() {
        String channel = "CBTN" + suffix();
        String incidentId = seedIncident(channel, IncidentMode.TRIAGE, "UCOORD");

        CommandEnvelope confirm =
                click("UREP", channel, "incident_confirm_p2", incidentId, "/respond/p2");
        assertThat(confirm.command()).isEqualTo(new ConfirmSeverity(Severity.P2, List.of()));

        CommandEnvelope accept =
                click(
                        "UPAGED",
                        channel,
                        "escalation_accept",
                        incidentId + "|INCIDENT_COORDINATOR",
                        "/respond/accept");
        assertThat(accept.command())
                .isEqualTo(
                        new AssignRole(
                                Role.INCIDENT_COORDINATOR, Actor.slackUser("UPAGED", "UPAGED")));

        String refused = "/respond/decline-" + suffix();
        SlackFixtures.post(
                        "/slack/interactions",
                        interaction(
                                blockAction(
                                        "UOTHER",
                                        channel,
                                        "incident_decline",
                                        incidentId,
                                        refused)))
                .expect(200);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                slack.verifyThat(
                                        postRequestedFor(urlEqualTo(refused))
                                                .withRequestBody(containing("Only its incident"))));

        String trigger = "trig-escalate-" + suffix();
        ObjectNode escalate =
                blockAction("UREP", channel, "incident_escalate", incidentId, "/respond/esc");
        escalate.put("trigger_id", trigger);
        SlackFixtures.post("/slack/interactions", interaction(escalate)).expect(200);
        JsonNode view = openedView(trigger);
        assertThat(view.path("callback_id").asText()).isEqualTo("incident_escalate");
        assertThat(view.toString()).contains("\"value\":\"ic\"");
    }

    @Test
    void shouldOpenTheDeclareModalFromAMessageAndDeclareOnceFromItsSubmission() {
        String channel = "CALERTS" + suffix();
        String messageTs = "1764770000.001" + (100 + (int) (Math.random() * 800));
        String trigger = "trig-shortcut-" + suffix();
        ObjectNode shortcut = fixture("MessageShortcutPayload.json");
        shortcut.put("callback_id", "declare_incident");
        shortcut.put("trigger_id", trigger);
        shortcut.put("message_ts", messageTs);
        shortcut.put("response_url", slackUrl + "/respond/" + trigger);
        ((ObjectNode) shortcut.path("team")).put("id", TEAM).put("domain", "acme");
        ((ObjectNode) shortcut.path("channel")).put("id", channel);
        ((ObjectNode) shortcut.path("user")).put("id", "UREP");
        ((ObjectNode) shortcut.path("message"))
                .put("ts", messageTs)
                .put("text", "ALERT checkout p99 above 5s\nsince 09:12 UTC");

        SlackFixtures.post("/slack/interactions", interaction(shortcut)).expect(200);

        JsonNode view = openedView(trigger);
        assertThat(view.path("callback_id").asText()).isEqualTo("declare_incident");
        assertThat(view.toString())
                .contains("ALERT checkout p99 above 5s")
                .contains(
                        "https://acme.slack.com/archives/"
                                + channel
                                + "/p"
                                + messageTs.replace(".", ""));

        String metadata = view.path("private_metadata").asText();
        submitDeclare("V1" + suffix(), metadata);
        submitDeclare("V2" + suffix(), metadata);

        String expectedId = IncidentIds.fromSlackMessage(TEAM, channel, messageTs);
        await().atMost(Duration.ofSeconds(15))
                .until(
                        () ->
                                probe.commandsMatching(c -> c.incidentId().equals(expectedId))
                                                .size()
                                        == 2);
        DeclareIncident declared =
                (DeclareIncident)
                        probe.commandsMatching(c -> c.incidentId().equals(expectedId))
                                .get(0)
                                .command();
        assertThat(declared.title()).isEqualTo("Checkout slow");
        assertThat(declared.source()).isEqualTo(DeclarationSource.SLACK_SHORTCUT);
        assertThat(declared.mode()).isEqualTo(IncidentMode.LIVE);
        assertThat(declared.severity()).isEqualTo(Severity.P1);
        assertThat(declared.customer().name()).isEqualTo("Acme Retail");
        assertThat(declared.sourceReference()).contains("/archives/" + channel + "/p");
    }

    @Test
    void shouldRecommendASeverityFromTheTriageQuestionsAndKeepTheAnswers() {
        String channel = "CTRI" + suffix();
        String incidentId = seedIncident(channel, IncidentMode.TRIAGE, null);
        String trigger = "trig-triage-" + suffix();
        SlackFixtures.post(
                        "/slack/commands",
                        slashCommand(
                                Map.of(
                                        "team_id", TEAM,
                                        "user_id", "UREP",
                                        "channel_id", channel,
                                        "text", "severity",
                                        "trigger_id", trigger)))
                .expect(200);
        JsonNode questions = openedView(trigger);
        assertThat(questions.path("callback_id").asText()).isEqualTo("incident_triage");

        String viewId = "VTRI" + suffix();
        Answer recommended =
                SlackFixtures.post(
                        "/slack/interactions",
                        interaction(
                                submission(
                                        viewId,
                                        "incident_triage",
                                        questions.path("private_metadata").asText(),
                                        Map.of("q0", "yes", "q1", "no", "q2", "no"))));
        JsonNode update = readJson(recommended.asString());
        assertThat(update.path("response_action").asText()).isEqualTo("update");
        assertThat(update.toString()).contains("Recommended: *P1*");

        JsonNode confirmView = update.path("view");
        SlackFixtures.post(
                        "/slack/interactions",
                        interaction(
                                submission(
                                        viewId,
                                        "incident_triage_confirm",
                                        confirmView.path("private_metadata").asText(),
                                        Map.of("severity", "p2"))))
                .expect(200);

        CommandEnvelope confirm =
                probe.awaitCommand(
                        c ->
                                c.incidentId().equals(incidentId)
                                        && c.command() instanceof ConfirmSeverity);
        ConfirmSeverity severity = (ConfirmSeverity) confirm.command();
        assertThat(severity.severity()).isEqualTo(Severity.P2);
        assertThat(severity.answers())
                .extracting(a -> a.question() + "=" + a.answer())
                .contains(
                        "Is a customer production system impaired?=yes",
                        "Recommended severity=P1",
                        "Confirmed severity=P2");
    }

    @Test
    void shouldPinAndUnpinPeoplesMessagesInAnIncidentChannelOnly() {
        String channel = "CPIN" + suffix();
        String incidentId = seedIncident(channel, IncidentMode.LIVE, null);

        assertThat(
                        SlackFixtures.post(
                                        "/slack/events",
                                        "{\"type\":\"url_verification\",\"challenge\":\"c-42\"}")
                                .asString())
                .contains("c-42");

        String eventId = "Ev" + suffix();
        String pin =
                pinEvent(
                                "pin_added",
                                eventId,
                                channel,
                                "UPINNER",
                                "UAUTHOR",
                                "",
                                "1764770100.000200")
                        .toString();
        SlackFixtures.post("/slack/events", pin).expect(200);
        SlackFixtures.post("/slack/events", pin.getBytes(StandardCharsets.UTF_8), "1").expect(200);
        SlackFixtures.post(
                        "/slack/events",
                        pinEvent(
                                        "pin_added",
                                        "Ev" + suffix(),
                                        channel,
                                        "UPINNER",
                                        null,
                                        "B0BOT",
                                        "1764770100.000300")
                                .toString())
                .expect(200);
        SlackFixtures.post(
                        "/slack/events",
                        pinEvent(
                                        "pin_added",
                                        "Ev" + suffix(),
                                        channel,
                                        "UBOTSELF",
                                        "UAUTHOR",
                                        "",
                                        "1764770100.000400")
                                .toString())
                .expect(200);
        SlackFixtures.post(
                        "/slack/events",
                        pinEvent(
                                        "pin_added",
                                        "Ev" + suffix(),
                                        "CNOTINC",
                                        "UPINNER",
                                        "UAUTHOR",
                                        "",
                                        "1764770100.000500")
                                .toString())
                .expect(200);
        SlackFixtures.post(
                        "/slack/events",
                        pinEvent(
                                        "pin_removed",
                                        "Ev" + suffix(),
                                        channel,
                                        "UPINNER",
                                        "UAUTHOR",
                                        "",
                                        "1764770100.000200")
                                .toString())
                .expect(200);

        probe.awaitCommand(
                c -> c.incidentId().equals(incidentId) && c.command() instanceof UnpinMessage);
        List<CommandEnvelope> pins =
                probe.commandsMatching(
                        c ->
                                c.incidentId().equals(incidentId)
                                        && c.command() instanceof PinMessage);
        assertThat(pins).hasSize(1);
        PinMessage pinned = (PinMessage) pins.get(0).command();
        assertThat(pinned.messageTs()).isEqualTo("1764770100.000200");
        assertThat(pinned.author()).isEqualTo(Actor.slackUser("UAUTHOR", null));
        assertThat(pinned.text()).isEqualTo("Found it: the pool is exhausted");
        assertThat(pinned.permalink())
                .isEqualTo("https://acme.slack.com/archives/" + channel + "/p1764770100000200");
        assertThat(pinned.postedAt()).isEqualTo(Instant.parse("2025-12-03T13:55:00.000200Z"));
        assertThat(pins.get(0).actor().id()).isEqualTo("UPINNER");
        assertThat(
                        probe.commandsMatching(
                                c ->
                                        c.command() instanceof PinMessage p
                                                && p.channelId().equals("CNOTINC")))
                .isEmpty();
    }

    // --- helpers -------------------------------------------------------------------------

    private String seedIncident(String channel, IncidentMode mode, String coordinator) {
        String incidentId = "inc-" + UUID.randomUUID();
        String reference = IncidentIds.reference(incidentId, 4);
        probe.event(
                incidentId,
                new IncidentDeclared(
                        reference,
                        "Checkout is slow",
                        "p99 above 5 s",
                        DeclarationSource.SLASH_COMMAND,
                        mode,
                        null,
                        null,
                        Actor.slackUser("UREP", "rep"),
                        null,
                        Map.of()));
        probe.event(
                incidentId, new ChannelAttached(channel, "inc-" + reference.toLowerCase(), null));
        if (coordinator != null) {
            probe.event(
                    incidentId,
                    new RoleAssigned(
                            Role.INCIDENT_COORDINATOR, Actor.slackUser(coordinator, null)));
        }
        await().atMost(Duration.ofSeconds(15))
                .until(
                        () ->
                                answer("UREP", channel, "status").contains(reference)
                                        && (coordinator == null
                                                || answer("UREP", channel, "status")
                                                        .contains(coordinator)));
        return incidentId;
    }

    /** Runs {@code /inc text} and returns the command it published. */
    private CommandEnvelope inc(String user, String channel, String text) {
        String trigger = "trig-" + suffix();
        SlackFixtures.post("/slack/commands", slashWithTrigger(user, channel, text, trigger))
                .expect(200)
                .expectText("On it");
        return probe.awaitCommand(
                c -> ("slack:command:" + TEAM + ":" + trigger).equals(c.idempotencyKey()));
    }

    /** Runs {@code /inc text} and returns the immediate answer. */
    private String answer(String user, String channel, String text) {
        return SlackFixtures.post(
                        "/slack/commands",
                        slashWithTrigger(user, channel, text, "trig-" + suffix()))
                .expect(200)
                .asString();
    }

    private CommandEnvelope click(
            String user, String channel, String actionId, String value, String respondPath) {
        ObjectNode payload = blockAction(user, channel, actionId, value, respondPath);
        SlackFixtures.post("/slack/interactions", interaction(payload)).expect(200);
        String key =
                "slack:action:"
                        + user
                        + ":"
                        + payload.path("actions").get(0).path("action_ts").asText();
        return probe.awaitCommand(c -> key.equals(c.idempotencyKey()));
    }

    private ObjectNode blockAction(
            String user, String channel, String actionId, String value, String respondPath) {
        ObjectNode payload = fixture("BlockActionPayload.json");
        payload.put("trigger_id", "trig-" + suffix());
        payload.put("response_url", slackUrl + respondPath);
        ((ObjectNode) payload.path("team")).put("id", TEAM);
        ((ObjectNode) payload.path("user")).put("id", user).put("name", user);
        ((ObjectNode) payload.path("channel")).put("id", channel);
        ObjectNode action = (ObjectNode) payload.path("actions").get(0);
        action.put("action_id", actionId).put("value", value).put("type", "button");
        action.put(
                "action_ts",
                Instant.now().getEpochSecond() + "." + suffix().replaceAll("[^0-9]", "1"));
        ArrayNode actions = JSON.createArrayNode().add(action);
        payload.set("actions", actions);
        return payload;
    }

    private void submitDeclare(String viewId, String metadata) {
        Map<String, String> values = new HashMap<>();
        values.put("title", "Checkout slow");
        values.put("mode", "live");
        values.put("severity", "p1");
        values.put("summary", "p99 above 5 s since 09:12");
        values.put("customer", "Acme Retail");
        SlackFixtures.post(
                        "/slack/interactions",
                        interaction(submission(viewId, "declare_incident", metadata, values)))
                .expect(200);
    }

    private ObjectNode submission(
            String viewId, String callbackId, String metadata, Map<String, String> values) {
        ObjectNode payload = fixture("ViewSubmissionPayload.json");
        ((ObjectNode) payload.path("team")).put("id", TEAM);
        ((ObjectNode) payload.path("user")).put("id", "UREP").put("name", "rep");
        ObjectNode view = (ObjectNode) payload.path("view");
        view.put("id", viewId).put("callback_id", callbackId).put("private_metadata", metadata);
        ObjectNode state = JSON.createObjectNode();
        ObjectNode blocks = state.putObject("values");
        values.forEach(
                (block, value) -> {
                    ObjectNode element = blocks.putObject(block).putObject(block);
                    if (List.of("mode", "severity", "status", "target").contains(block)
                            || block.matches("q\\d+")) {
                        element.put("type", "static_select");
                        element.putObject("selected_option").put("value", value);
                    } else {
                        element.put("type", "plain_text_input").put("value", value);
                    }
                });
        view.set("state", state);
        return payload;
    }

    private ObjectNode pinEvent(
            String type,
            String eventId,
            String channel,
            String pinner,
            String author,
            String botId,
            String ts) {
        ObjectNode payload =
                fixture(
                        type.equals("pin_added")
                                ? "PinAddedPayload.json"
                                : "PinRemovedPayload.json");
        payload.put("event_id", eventId).put("team_id", TEAM);
        ObjectNode event = (ObjectNode) payload.path("event");
        event.put("user", pinner).put("channel_id", channel);
        ObjectNode item = (ObjectNode) event.path("item");
        item.put("channel", channel).put("created_by", pinner);
        ObjectNode message = (ObjectNode) item.path("message");
        message.put("ts", ts).put("bot_id", botId).put("text", "Found it: the pool is exhausted");
        message.put(
                "permalink",
                "https://acme.slack.com/archives/" + channel + "/p" + ts.replace(".", ""));
        if (author == null) {
            message.remove("user");
        } else {
            message.put("user", author);
        }
        return payload;
    }

    private JsonNode openedView(String trigger) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                slack.find(postRequestedFor(urlEqualTo("/api/views.open"))).stream()
                                        .filter(r -> r.getBodyAsString().contains(trigger))
                                        .findFirst(),
                        found -> found.isPresent())
                .map(SlackInboundTest::viewOf)
                .orElseThrow();
    }

    private static JsonNode viewOf(LoggedRequest request) {
        String view = request.formParameters().get("view").firstValue();
        return readJson(view);
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String slash(String user, String channel, String text) {
        return slashWithTrigger(user, channel, text, "trig-" + suffix());
    }

    private static String slashWithTrigger(
            String user, String channel, String text, String trigger) {
        return slashCommand(
                Map.of(
                        "team_id", TEAM,
                        "user_id", user,
                        "user_name", user.toLowerCase(),
                        "channel_id", channel,
                        "text", text,
                        "trigger_id", trigger));
    }

    private static Map<String, String> signed(String secret, String timestamp, byte[] body) {
        return Map.of(
                "X-Slack-Request-Timestamp",
                timestamp,
                "X-Slack-Signature",
                SignatureVerifier.sign(secret, timestamp, body));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
