package dev.incident.slack.outbound.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.IncidentCommand.AttachChannel;
import dev.incident.events.command.IncidentCommand.RecordIntegrationFailure;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.event.IncidentEvent.*;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.kafka.RecordHeaders;
import dev.incident.events.model.Actor;
import dev.incident.events.model.Contact;
import dev.incident.events.model.EscalationOutcome;
import dev.incident.events.model.IncidentStatus;
import dev.incident.events.model.ReminderRule;
import dev.incident.events.model.Role;
import dev.incident.events.model.Severity;
import dev.incident.slack.outbound.EventTopics;
import dev.incident.slack.outbound.IncidentLog;
import dev.incident.slack.outbound.OutboundPostgresResource;
import dev.incident.slack.outbound.SlackStub;
import dev.incident.slack.outbound.SlackStub.Call;
import dev.incident.slack.outbound.SlackStubResource;
import dev.incident.testing.KafkaResource;

import static dev.incident.slack.outbound.IncidentLog.ALICE;
import static dev.incident.slack.outbound.IncidentLog.BOB;
import static dev.incident.slack.outbound.IncidentLog.CORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway against the real broker, the real database and the real Slack client pointed at a
 * local Slack stand-in: which Web API methods it calls, with which arguments, for each event.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(
        value = OutboundPostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "slack_outbound_test"))
@WithTestResource(SlackStubResource.class)
class OutboundSlackIT {

    private static final Actor CAROL = Actor.slackUser("U0CAROL01", "Carol Diaz");
    private static final String TITLE = "Checkout API returns 502 for EU customers";

    private final ContractCodec codec = new ContractCodec();

    // Read when used, not injected: every @QuarkusTest class is a bean of each test boot, and
    // a boot without the Kafka resource (HealthTest) has no such keys.
    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static String prefix() {
        return ConfigProvider.getConfig().getValue("incident.topics.prefix", String.class);
    }

    @Inject Pool pool;

    private EventTopics topics;
    private SlackStub slack;

    @BeforeEach
    void open() {
        topics = new EventTopics(bootstrap(), prefix());
        slack = SlackStubResource.stub();
    }

    @AfterEach
    void close() {
        topics.close();
    }

    @Test
    void shouldOpenAChannelInviteTheReporterPinTheCardAttachItAndAnnounceIt() {
        IncidentLog log = IncidentLog.fresh();
        String name = log.reference().toLowerCase() + "-checkout-api-returns-502-for-eu-customers";
        String channel = channelId(log);
        slack.channel(name, channel);

        EventEnvelope declared = log.declaredLive(TITLE);
        topics.publish(declared);

        List<Call> calls = awaitCalls(channel, log, 4);
        assertThat(calls)
                .extracting(Call::method)
                .containsExactly(
                        "conversations.create",
                        "conversations.invite",
                        "chat.postMessage",
                        "pins.add");
        assertThat(calls.get(0).args())
                .containsEntry("name", name)
                .containsEntry("is_private", "0");
        assertThat(calls.get(1).args())
                .containsEntry("channel", channel)
                .containsEntry("users", ALICE.id());
        Call card = calls.get(2);
        assertThat(card.arg("text")).contains(log.reference(), TITLE, "P1", "investigating");
        assertThat(card.blocks().get(0).at("/text/text").asText())
                .isEqualTo(log.reference() + " · " + TITLE);
        assertThat(card.blocks().toString())
                .contains("ACME Logistics", "<@" + ALICE.id() + ">", "Every EU checkout fails");
        assertThat(actionIds(card)).containsExactly("incident_escalate", "incident_update");
        assertThat(card.blocks().findValuesAsText("value")).containsOnly(log.incidentId());
        assertThat(calls.get(3).args())
                .containsEntry("channel", channel)
                .containsEntry("timestamp", SlackStub.DEFAULT_TS);

        Call announcement = awaitAnnouncement(log);
        assertThat(announcement.arg("text"))
                .contains(log.reference(), "P1, live", "ACME Logistics", "<#" + channel + ">");

        CommandEnvelope attach = awaitCommand(log, "AttachChannel");
        assertThat(attach.command())
                .isEqualTo(
                        new AttachChannel(
                                channel,
                                name,
                                "https://slack.com/app_redirect?channel=" + channel));
        assertThat(attach.actor()).isEqualTo(Actor.service("slack-gateway"));
        assertThat(attach.idempotencyKey()).isEqualTo("slack-channel:" + declared.eventId());
    }

    @Test
    void shouldUpdateTheCardInPlaceAndPostALineForEveryLaterEvent() {
        IncidentLog log = IncidentLog.fresh();
        String channel = channelId(log);
        slack.channel(log.reference().toLowerCase() + "-checkout-down", channel);
        log.declaredLive("Checkout down");
        log.add(CORE, new ChannelAttached(channel, "inc", "https://slack.com/app_redirect"));
        log.add(ALICE, new RoleAssigned(Role.INCIDENT_COORDINATOR, BOB));
        log.add(BOB, new EscalationRequested("oe", "need a second pair of hands"));
        log.add(
                CORE,
                new Escalated(
                        "operations-engineers",
                        "P1",
                        CAROL,
                        "builtin",
                        EscalationOutcome.PAGED,
                        null,
                        "alert-1"));
        log.add(
                CORE,
                new EscalationMatrixPublished(
                        "acme",
                        List.of(
                                new Contact(
                                        "Dana Whitfield",
                                        "Head of IT",
                                        "+44 20 7946 0001",
                                        "dana@acme.example.com",
                                        "Mon-Fri 08-18"),
                                new Contact("Eve Stone", null, "+44 20 7946 0002", null, null))));
        log.add(
                BOB,
                new StatusChanged(
                        IncidentStatus.INVESTIGATING, IncidentStatus.FIXING, "Rolling back 4.18"));
        log.add(BOB, new SummaryUpdated("Rollback at 60 %"));
        log.add(
                ALICE,
                new MessagePinned(
                        channel,
                        "1764494047.000200",
                        ALICE,
                        "Pods crash-loop on OOM",
                        "https://example.slack.com/archives/" + channel + "/p1764494047000200",
                        IncidentLog.T0));
        log.add(ALICE, new MessageUnpinned(channel, "1764494047.000200"));
        log.add(
                Actor.service("reminder-service"),
                new ReminderIssued(
                        ReminderRule.CUSTOMER_UPDATE,
                        IncidentLog.T0,
                        "30 minutes since the last update"));
        log.add(BOB, new FollowUpAdded("FU-1", "Alert on OOM kills"));
        log.add(
                Actor.service("ticket-exporter"),
                new FollowUpExported(
                        "FU-1",
                        "https://github.com/acme/platform/issues/812",
                        "acme/platform#812"));
        log.add(BOB, new StatusChanged(IncidentStatus.FIXING, IncidentStatus.MONITORING, null));
        log.add(BOB, new IncidentClosed("Rolled back to 4.17"));
        log.add(
                Actor.service("postmortem-service"),
                new PostmortemPublished(
                        "doc-1", "https://docs.google.com/document/d/doc-1/edit", ALICE));
        topics.publish(log.events());

        // 4 calls for the declaration, none for ChannelAttached, then update + line for each
        // of the 14 later events, and an invite for the new coordinator.
        List<Call> calls = awaitCalls(channel, log, 4 + 14 * 2 + 1);
        List<Call> later = calls.subList(4, calls.size());
        assertThat(later.get(0).method()).isEqualTo("chat.update");
        assertThat(later.get(0).args())
                .containsEntry("channel", channel)
                .containsEntry("ts", SlackStub.DEFAULT_TS);
        assertThat(later.get(0).blocks().toString()).contains("<@" + BOB.id() + ">");
        assertThat(later.get(2))
                .satisfies(c -> assertThat(c.method()).isEqualTo("conversations.invite"));
        assertThat(later.get(2).args()).containsEntry("users", BOB.id());

        List<String> lines =
                later.stream()
                        .filter(c -> c.method().equals("chat.postMessage"))
                        .map(c -> c.arg("text"))
                        .toList();
        assertThat(lines)
                .satisfiesExactly(
                        l ->
                                assertThat(l)
                                        .contains(
                                                "<@" + BOB.id() + "> is now Incident Coordinator"),
                        l ->
                                assertThat(l)
                                        .contains(
                                                "asked to page `oe`",
                                                "need a second pair of hands"),
                        l ->
                                assertThat(l)
                                        .contains("Paged <@U0CAROL01> from `operations-engineers`"),
                        l ->
                                assertThat(l)
                                        .contains(
                                                "Escalation matrix",
                                                "1. Dana Whitfield (Head of IT): +44 20 7946 0001,"
                                                        + " dana@acme.example.com, Mon-Fri 08-18",
                                                "2. Eve Stone: +44 20 7946 0002"),
                        l ->
                                assertThat(l)
                                        .contains("investigating → *fixing*", "Rolling back 4.18"),
                        l -> assertThat(l).contains("Summary updated", "Rollback at 60 %"),
                        l -> assertThat(l).contains(":pushpin:", "Pods crash-loop on OOM"),
                        l -> assertThat(l).contains("removed from the timeline"),
                        l ->
                                assertThat(l)
                                        .contains(
                                                "<@" + BOB.id() + ">, time to update the customer"),
                        l -> assertThat(l).contains("Follow-up *FU-1* added", "Alert on OOM kills"),
                        l ->
                                assertThat(l)
                                        .contains(
                                                "<https://github.com/acme/platform/issues/812|acme/platform#812>"),
                        l -> assertThat(l).contains("fixing → *monitoring*"),
                        l ->
                                assertThat(l)
                                        .contains(
                                                "Closed by",
                                                "open 14 min",
                                                "coordinator after 2 min",
                                                "fixing after 6 min",
                                                "monitoring after 13 min",
                                                "Rolled back to 4.17"),
                        l ->
                                assertThat(l)
                                        .contains(
                                                "<https://docs.google.com/document/d/doc-1/edit|Postmortem"
                                                    + " draft>",
                                                "<@" + ALICE.id() + ">"));

        Call closedCard = later.get(later.size() - 4);
        assertThat(closedCard.method()).isEqualTo("chat.update");
        assertThat(closedCard.arg("text")).contains("closed");
        assertThat(actionIds(closedCard)).isEmpty();

        Call page =
                slack.calls().stream()
                        .filter(c -> CAROL.id().equals(c.arg("channel")))
                        .filter(c -> c.blocks().toString().contains(log.incidentId()))
                        .findFirst()
                        .orElseThrow();
        assertThat(actionIds(page)).containsExactly("escalation_accept");
        assertThat(page.blocks().findValuesAsText("value"))
                .containsExactly(log.incidentId() + "|OPERATIONS_ENGINEER");
        assertThat(page.arg("text"))
                .contains("Operations Engineer", log.reference(), "<#" + channel + ">");
    }

    @Test
    void shouldAnnounceAnEmailTriageIncidentAndMentionWhoeverWasPaged() {
        IncidentLog log = IncidentLog.fresh();
        String channel = channelId(log);
        slack.channel(log.reference().toLowerCase() + "-urgent-checkout-failing", channel);
        log.declaredFromEmail("URGENT: checkout failing");
        log.add(
                CORE,
                new Escalated(
                        "ic",
                        "triage from email",
                        CAROL,
                        "builtin",
                        EscalationOutcome.PAGED,
                        null,
                        "a-2"));
        log.add(CAROL, new SeverityConfirmed(Severity.P1, List.of()));
        topics.publish(log.events());

        List<Call> calls = awaitCalls(channel, log, 3 + 2 + 2);
        assertThat(calls)
                .extracting(Call::method)
                .containsExactly(
                        "conversations.create",
                        "chat.postMessage",
                        "pins.add",
                        "chat.update",
                        "chat.postMessage",
                        "chat.update",
                        "chat.postMessage");
        assertThat(actionIds(calls.get(1)))
                .containsExactly("incident_confirm_p1", "incident_confirm_p2", "incident_decline");
        assertThat(actionIds(calls.get(5))).containsExactly("incident_escalate", "incident_update");
        assertThat(calls.get(6).arg("text")).contains("Confirmed as *P1* by <@U0CAROL01>");

        Call announcement = awaitAnnouncement(log);
        assertThat(announcement.arg("text"))
                .contains("in triage", "from an email by ACME Operations");
        Call mention = awaitAnnouncementReply(log);
        assertThat(mention.arg("thread_ts")).isEqualTo(SlackStub.DEFAULT_TS);
        assertThat(mention.arg("text")).contains("<@U0CAROL01>, you were paged");
    }

    @Test
    void shouldAddASuffixWhenTheNameIsTakenAndStayWithin80CharactersForALongTitle() {
        IncidentLog log = IncidentLog.fresh();
        String title =
                "Database failover left the payment service writing to the read-only replica in"
                        + " eu-west-1 for every tenant";
        String name =
                (log.reference().toLowerCase()
                                + "-database-failover-left-the-payment-service-writing-to-the-read-only-replica")
                        .substring(0, 80)
                        .replaceAll("-+$", "");
        slack.failing("conversations.create", "name", name, "name_taken");
        String suffixed = name.substring(0, 78).replaceAll("-+$", "") + "-2";
        String channel = channelId(log);
        slack.channel(suffixed, channel);

        topics.publish(log.declaredLive(title));

        List<Call> calls = awaitCalls(channel, log, 5);
        assertThat(calls).extracting(c -> c.arg("name")).startsWith(name, suffixed);
        assertThat(name).hasSizeLessThanOrEqualTo(80);
        assertThat(suffixed).hasSizeLessThanOrEqualTo(80).endsWith("-2");
        assertThat(calls.get(3).blocks().get(0).at("/text/text").asText())
                .startsWith(log.reference() + " · Database failover");
        assertThat(awaitCommand(log, "AttachChannel").command())
                .isEqualTo(
                        new AttachChannel(
                                channel,
                                suffixed,
                                "https://slack.com/app_redirect?channel=" + channel));
    }

    @Test
    void shouldNameAChannelFromTheReferenceAloneForAJapaneseTitle() {
        IncidentLog log = IncidentLog.fresh();
        String title = "決済が全面停止しています";
        String channel = channelId(log);
        slack.channel(log.reference().toLowerCase(), channel);

        topics.publish(log.declaredLive(title));

        List<Call> calls = awaitCalls(channel, log, 4);
        assertThat(calls.get(0).arg("name")).isEqualTo(log.reference().toLowerCase());
        assertThat(calls.get(2).blocks().get(0).at("/text/text").asText())
                .isEqualTo(log.reference() + " · " + title);
    }

    @Test
    void shouldDropEmojiAndAccentsFromTheChannelNameButKeepThemOnTheCard() {
        IncidentLog log = IncidentLog.fresh();
        String title = "🔥 Café checkout down 🔥";
        String channel = channelId(log);
        slack.channel(log.reference().toLowerCase() + "-cafe-checkout-down", channel);

        topics.publish(log.declaredLive(title));

        List<Call> calls = awaitCalls(channel, log, 4);
        assertThat(calls.get(0).arg("name"))
                .isEqualTo(log.reference().toLowerCase() + "-cafe-checkout-down");
        assertThat(calls.get(2).blocks().get(0).at("/text/text").asText()).endsWith(title);
    }

    @Test
    void shouldNeverLetATitleOrSummaryMentionTheChannel() {
        IncidentLog log = IncidentLog.fresh();
        String channel = channelId(log);
        slack.channel(log.reference().toLowerCase() + "-checkout-channel-here-down", channel);
        log.declaredLive("Checkout <!channel> @here *down*");
        log.add(
                ALICE,
                new SummaryUpdated("<!everyone> see <https://evil.example|this> & @channel"));
        topics.publish(log.events());

        List<Call> calls = awaitCalls(channel, log, 6);
        assertThat(calls.get(0).arg("name"))
                .isEqualTo(log.reference().toLowerCase() + "-checkout-channel-here-down");
        for (Call call : calls) {
            // Markup Slack reads: the notification text and every mrkdwn object.
            List<String> markup = new ArrayList<>(mrkdwnTexts(call));
            markup.add(call.arg("text") == null ? "" : call.arg("text"));
            assertThat(markup)
                    .allSatisfy(
                            text ->
                                    assertThat(text)
                                            .doesNotContain(
                                                    "<!", "<https://evil", "@here", "@channel"));
            // Text shown as typed may keep its brackets, but no broadcast word survives.
            assertThat(plainTexts(call))
                    .allSatisfy(
                            text ->
                                    assertThat(text)
                                            .doesNotContain(
                                                    "<!channel>",
                                                    "<!everyone>",
                                                    "@here",
                                                    "@channel"));
        }
        assertThat(calls.get(2).arg("text")).contains("&lt;!\u2060channel&gt;", "*down*");
        assertThat(calls.get(2).blocks().get(0).at("/text/type").asText()).isEqualTo("plain_text");
    }

    @Test
    void shouldStillPostTheCardWhenTheReporterCannotBeInvited() {
        IncidentLog log = IncidentLog.fresh();
        String channel = channelId(log);
        slack.channel(log.reference().toLowerCase() + "-checkout-down", channel);
        slack.failing("conversations.invite", "channel", channel, "user_not_found");

        topics.publish(log.declaredLive("Checkout down"));

        assertThat(awaitCalls(channel, log, 4))
                .extracting(Call::method)
                .containsExactly(
                        "conversations.create",
                        "conversations.invite",
                        "chat.postMessage",
                        "pins.add");
    }

    @Test
    void shouldWaitForRetryAfterWhenSlackAnswers429() {
        IncidentLog log = IncidentLog.fresh();
        String channel = channelId(log);
        slack.channel(log.reference().toLowerCase() + "-checkout-down", channel);
        slack.rateLimitedOnce(channel, 1);

        topics.publish(log.declaredLive("Checkout down"));

        List<Call> calls = awaitCalls(channel, log, 5);
        assertThat(calls)
                .extracting(Call::method)
                .containsExactly(
                        "conversations.create",
                        "conversations.invite",
                        "chat.postMessage",
                        "chat.postMessage",
                        "pins.add");
        assertThat(calls.get(3).args()).isEqualTo(calls.get(2).args());
        assertThat(Duration.between(calls.get(2).at(), calls.get(3).at()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void shouldPostOnceWhenAnEventIsDeliveredTwice() {
        IncidentLog log = IncidentLog.fresh();
        String channel = channelId(log);
        slack.channel(log.reference().toLowerCase() + "-checkout-down", channel);
        EventEnvelope declared = log.declaredLive("Checkout down");
        EventEnvelope summary = log.add(ALICE, new SummaryUpdated("Rollback started"));

        topics.publish(declared, declared, summary, summary);

        awaitCalls(channel, log, 6);
        sleepQuietly(Duration.ofSeconds(1)); // time for a wrong second reaction to show
        assertThat(slack.callsFor(channel, log.reference().toLowerCase()))
                .extracting(Call::method)
                .containsExactly(
                        "conversations.create",
                        "conversations.invite",
                        "chat.postMessage",
                        "pins.add",
                        "chat.update",
                        "chat.postMessage");
    }

    @Test
    void shouldShowNothingAgainThatWasHandledBeforeARestart() {
        IncidentLog log = IncidentLog.fresh();
        String channel = channelId(log);
        log.declaredLive("Checkout down");
        log.add(ALICE, new RoleAssigned(Role.INCIDENT_COORDINATOR, ALICE));
        log.add(ALICE, new SummaryUpdated("Rollback started"));
        // What an earlier run of the gateway stored after handling the first two events (the
        // gateway creates the table when it starts, so wait for it).
        await().ignoreExceptions()
                .untilAsserted(
                        () ->
                                pool.preparedQuery(
                                                "INSERT INTO slack_outbound_progress (incident_id,"
                                                    + " last_sequence, channel_id, channel_name,"
                                                    + " card_ts) VALUES ($1, 2, $2, $3, $4)")
                                        .execute(
                                                Tuple.of(
                                                        log.incidentId(),
                                                        channel,
                                                        "inc-restarted",
                                                        "1764494047.000900"))
                                        .await()
                                        .indefinitely());

        topics.publish(log.events());

        List<Call> calls = awaitCalls(channel, log, 2);
        sleepQuietly(Duration.ofSeconds(1));
        assertThat(slack.callsFor(channel, log.reference().toLowerCase()))
                .extracting(Call::method)
                .containsExactly("chat.update", "chat.postMessage");
        assertThat(calls.get(0).arg("ts")).isEqualTo("1764494047.000900");
        assertThat(calls.get(1).arg("text")).contains("Rollback started");
    }

    @Test
    void shouldDeadLetterAPermanentErrorAndCarryOnWithOtherIncidents() {
        IncidentLog broken = IncidentLog.fresh();
        String brokenChannel = channelId(broken);
        slack.channel(broken.reference().toLowerCase() + "-checkout-down", brokenChannel);
        slack.failing("chat.postMessage", "channel", brokenChannel, "channel_not_found");
        IncidentLog healthy = IncidentLog.fresh();
        String healthyChannel = channelId(healthy);
        slack.channel(healthy.reference().toLowerCase() + "-search-down", healthyChannel);

        topics.publish(broken.declaredLive("Checkout down"), healthy.declaredLive("Search down"));

        awaitCalls(healthyChannel, healthy, 4);
        List<ConsumerRecord<String, byte[]>> dead =
                await().atMost(Duration.ofSeconds(20))
                        .until(
                                () -> topics.deadLetters(r -> broken.incidentId().equals(r.key())),
                                list -> !list.isEmpty());
        assertThat(ContractRecords.header(dead.get(0).headers(), RecordHeaders.DEAD_LETTER_REASON))
                .hasValueSatisfying(
                        reason ->
                                assertThat(reason)
                                        .contains("chat.postMessage", "channel_not_found"));
        assertThat(ContractRecords.header(dead.get(0).headers(), RecordHeaders.EVENT_TYPE))
                .hasValue("IncidentDeclared");
        assertThat(slack.callsFor(brokenChannel, broken.reference().toLowerCase()))
                .extracting(Call::method)
                .containsExactly(
                        "conversations.create", "conversations.invite", "chat.postMessage");
        CommandEnvelope failure = awaitCommand(broken, "RecordIntegrationFailure");
        assertThat(((RecordIntegrationFailure) failure.command()).reason())
                .contains("channel_not_found");
    }

    private static String channelId(IncidentLog log) {
        return "C" + log.reference().substring(4);
    }

    private List<Call> awaitCalls(String channel, IncidentLog log, int count) {
        String prefix = log.reference().toLowerCase();
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> slack.callsFor(channel, prefix), calls -> calls.size() >= count);
    }

    private Call awaitAnnouncement(IncidentLog log) {
        return awaitInAnnouncements(log, false);
    }

    private Call awaitAnnouncementReply(IncidentLog log) {
        return awaitInAnnouncements(log, true);
    }

    /** The announcements channel's message about the incident, in a thread or not. */
    private Call awaitInAnnouncements(IncidentLog log, boolean inThread) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> inAnnouncements(log, inThread), Optional::isPresent)
                .orElseThrow();
    }

    private Optional<Call> inAnnouncements(IncidentLog log, boolean inThread) {
        return slack.calls().stream()
                .filter(c -> SlackStubResource.ANNOUNCEMENTS.equals(c.arg("channel")))
                .filter(c -> (c.arg("thread_ts") != null) == inThread)
                .filter(c -> c.arg("text").contains(log.reference()))
                .findFirst();
    }

    private CommandEnvelope awaitCommand(IncidentLog log, String type) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                topics.commands(r -> log.incidentId().equals(r.key())).stream()
                                        .map(r -> codec.decodeCommand(r.value()))
                                        .filter(c -> c.type().equals(type))
                                        .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static List<String> mrkdwnTexts(Call call) {
        return textsOfType(call, "mrkdwn");
    }

    private static List<String> plainTexts(Call call) {
        return textsOfType(call, "plain_text");
    }

    private static List<String> textsOfType(Call call, String type) {
        List<String> texts = new ArrayList<>();
        for (JsonNode object : call.blocks().findParents("type")) {
            if (type.equals(object.path("type").asText()) && object.has("text")) {
                texts.add(object.path("text").asText());
            }
        }
        return texts;
    }

    private static List<String> actionIds(Call call) {
        return call.blocks().findValuesAsText("action_id");
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
