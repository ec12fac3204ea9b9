package dev.incident.postmortem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jakarta.inject.Inject;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.qute.Engine;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.IncidentCommand.RecordIntegrationFailure;
import dev.incident.events.command.IncidentCommand.RecordPostmortem;
import dev.incident.events.event.EventEnvelope;
import dev.incident.events.model.Actor;
import dev.incident.postmortem.domain.DraftBuilder;
import dev.incident.postmortem.domain.RenderedDraft;
import dev.incident.postmortem.domain.Reviewer;
import dev.incident.postmortem.draft.DraftRenderer;
import dev.incident.postmortem.drive.FakeDrive;
import dev.incident.testing.KafkaResource;
import dev.incident.testing.PostgresResource;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * The service over the real broker and database, publishing with the real Drive client to a local
 * server that answers like Drive.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "postmortem_test"))
@WithTestResource(DriveResource.class)
class PostmortemServiceIT {

    /** Generous: the first test also waits for the consumer to join, on a busy machine. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static TestTopics topics;

    @ConfigProperty(name = "postmortem.drive.root-url")
    String driveUrl;

    @Inject DraftRenderer renderer;
    @Inject DraftBuilder builder;
    @Inject Engine engine;

    private WireMock drive;

    @BeforeEach
    void connect() {
        if (topics == null) {
            var config = ConfigProvider.getConfig();
            topics =
                    new TestTopics(
                            config.getValue("kafka.bootstrap.servers", String.class),
                            config.getValue("incident.topics.prefix", String.class));
        }
        var url = java.net.URI.create(driveUrl);
        drive = new WireMock(url.getHost(), url.getPort());
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        if (topics != null) {
            topics.close();
        }
    }

    @Test
    void shouldPublishTheDraftOfAClosedIncidentToDriveAndRecordItsLink() {
        String incident = newIncident();
        drive.register(createAnswers(incident, "doc-" + incident));

        topics.send(LongIncident.log(incident).events());

        RecordPostmortem recorded = awaitPostmortem(incident);
        assertThat(recorded.documentId()).isEqualTo("doc-" + incident);
        assertThat(recorded.url()).startsWith("https://docs.google.com/document/d/doc-" + incident);
        assertThat(recorded.reviewer()).isEqualTo(Actor.slackUser("U0ERIN", "Erin Account"));

        String upload = creates(incident).get(0).getBodyAsString();
        assertThat(upload)
                .contains("\"mimeType\":\"application/vnd.google-apps.document\"")
                .contains("<h1>Postmortem " + LongIncident.reference(incident))
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; **not bold**")
                .doesNotContain("<script>")
                .contains("<th>In total</th><td>3 h 15 min</td>")
                .contains("<h2>Root cause</h2>")
                .contains("Reviewer</th><td>Erin Account</td>");
        assertThat(upload.indexOf("Finding 0:")).isLessThan(upload.indexOf("Finding 1:"));
        assertThat(upload.indexOf("Finding 38:")).isLessThan(upload.indexOf("Finding 39:"));
        drive.verifyThat(
                postRequestedFor(
                                urlPathEqualTo(
                                        FakeDrive.FILES + "/doc-" + incident + "/permissions"))
                        .withRequestBody(containing("erin@acme-ops.example.com")));
    }

    @Test
    void shouldMakeOneDocumentWhenTheCloseIsDeliveredTwice() {
        String incident = newIncident();
        drive.register(createAnswers(incident, "doc-" + incident));
        List<EventEnvelope> log = LongIncident.log(incident).events();
        EventEnvelope close = log.get(log.size() - 1);

        topics.send(log);
        topics.send(close);
        awaitPostmortem(incident);
        topics.send(close);

        await().during(Duration.ofSeconds(2))
                .atMost(WAIT)
                .untilAsserted(
                        () -> {
                            assertThat(creates(incident)).hasSize(1);
                            assertThat(postmortems(incident)).hasSize(1);
                        });
    }

    @Test
    void shouldFindTheDocumentOfATryBeforeARestartInsteadOfMakingASecond() {
        String incident = newIncident();
        drive.register(
                get(urlPathEqualTo(FakeDrive.FILES))
                        .atPriority(1)
                        .withQueryParam("q", containing(incident))
                        .willReturn(FakeDrive.found("doc-before-restart", "Postmortem")));
        drive.register(createAnswers(incident, "doc-second"));

        topics.send(LongIncident.log(incident).events());

        assertThat(awaitPostmortem(incident).documentId()).isEqualTo("doc-before-restart");
        assertThat(creates(incident)).isEmpty();
    }

    @Test
    void shouldTryAgainAfterRateLimitsAndStillMakeOneDocument() {
        String incident = newIncident();
        String scenario = "rate limits " + incident;
        drive.register(
                FakeDrive.create()
                        .withRequestBody(containing(incident))
                        .inScenario(scenario)
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(
                                FakeDrive.error(429, "rateLimitExceeded", "Rate Limit Exceeded"))
                        .willSetStateTo("limited once"));
        drive.register(
                FakeDrive.create()
                        .withRequestBody(containing(incident))
                        .inScenario(scenario)
                        .whenScenarioStateIs("limited once")
                        .willReturn(
                                FakeDrive.error(403, "userRateLimitExceeded", "User Rate Limit"))
                        .willSetStateTo("limited twice"));
        drive.register(
                FakeDrive.create()
                        .withRequestBody(containing(incident))
                        .inScenario(scenario)
                        .whenScenarioStateIs("limited twice")
                        .willReturn(FakeDrive.file("doc-" + incident, "Postmortem")));

        topics.send(LongIncident.log(incident).events());

        assertThat(awaitPostmortem(incident).documentId()).isEqualTo("doc-" + incident);
        assertThat(creates(incident)).hasSize(3);
        assertThat(topics.commands(incident))
                .noneMatch(c -> c.command() instanceof RecordIntegrationFailure);
    }

    @Test
    void shouldRecordTheFailureInTheIncidentAfterTheLastTry() {
        String incident = newIncident();
        drive.register(
                FakeDrive.create()
                        .withRequestBody(containing(incident))
                        .willReturn(FakeDrive.error(503, "backendError", "Backend Error")));

        topics.send(LongIncident.log(incident).events());

        await().atMost(WAIT).until(() -> failures(incident).size() == 1);
        RecordIntegrationFailure failure = failures(incident).get(0);
        assertThat(failure.integration()).isEqualTo("google-drive");
        assertThat(failure.operation()).isEqualTo("publish the postmortem draft");
        assertThat(failure.reason()).isEqualTo("Drive answered 503 backendError: Backend Error");
        assertThat(creates(incident)).hasSize(3);
        assertThat(postmortems(incident)).isEmpty();
        given().get("/admin/postmortems/" + incident).then().body("state", is("FAILED"));
    }

    @Test
    void shouldRecordTheFailureWhenTheLogHasAGapInsteadOfPublishingAWrongDraft() {
        String incident = newIncident();
        drive.register(createAnswers(incident, "doc-" + incident));
        List<EventEnvelope> log = new ArrayList<>(LongIncident.log(incident).events());
        log.remove(2);

        topics.send(log);

        await().atMost(WAIT).until(() -> failures(incident).size() == 1);
        assertThat(failures(incident).get(0).reason())
                .isEqualTo("the stored log is incomplete: " + incident + ": event 4 after 2");
        assertThat(creates(incident)).isEmpty();
    }

    @Test
    void shouldRegenerateTheDraftOfAClosedIncidentIntoItsOneDocument() {
        String incident = newIncident();
        String document = "doc-" + incident;
        drive.register(createAnswers(incident, document));
        topics.send(LongIncident.log(incident).events());
        awaitPostmortem(incident);
        drive.register(
                get(urlPathEqualTo(FakeDrive.FILES))
                        .atPriority(1)
                        .withQueryParam("q", containing(incident))
                        .willReturn(FakeDrive.found(document, "Postmortem")));
        drive.register(
                post(urlPathEqualTo(FakeDrive.UPLOAD + "/" + document))
                        .withHeader("X-HTTP-Method-Override", WireMock.equalTo("PATCH"))
                        .willReturn(FakeDrive.file(document, "Postmortem")));

        given().post("/admin/postmortems/" + incident + "/regenerate")
                .then()
                .statusCode(200)
                .body("state", is("RECORDED"))
                .body("documentId", is(document));

        List<LoggedRequest> updates =
                drive.find(
                        RequestPatternBuilder.newRequestPattern()
                                .withUrl(
                                        FakeDrive.UPLOAD
                                                + "/"
                                                + document
                                                + "?fields=id,name,"
                                                + "webViewLink&supportsAllDrives=true"
                                                + "&uploadType=multipart"));
        assertThat(updates)
                .singleElement()
                .satisfies(u -> assertThat(u.getBodyAsString()).contains("Finding 39:"));
        assertThat(creates(incident)).hasSize(1);
        assertThat(postmortems(incident)).as("the link did not change").hasSize(1);
    }

    @Test
    void shouldRefuseToRegenerateAnUnknownOrOpenIncident() {
        String incident = newIncident();
        List<EventEnvelope> log = LongIncident.log(incident).events();
        topics.send(log.subList(0, 5));

        await().atMost(WAIT)
                .untilAsserted(
                        () ->
                                given().post("/admin/postmortems/" + incident + "/regenerate")
                                        .then()
                                        .statusCode(409));
        given().post("/admin/postmortems/inc-nobody-knows/regenerate").then().statusCode(404);
    }

    @Test
    void shouldSendAnUnreadableEventToTheDeadLetterTopicAndCarryOn() {
        String key = newIncident();
        topics.sendRaw(
                new ProducerRecord<>(
                        topics.eventsTopic(), key, "not json".getBytes(StandardCharsets.UTF_8)));
        String incident = newIncident();
        drive.register(createAnswers(incident, "doc-" + incident));
        topics.send(LongIncident.log(incident).events());

        awaitPostmortem(incident);
        await().atMost(WAIT).until(() -> topics.deadLetters(key).size() == 1);
        assertThat(TestTopics.header(topics.deadLetters(key).get(0), TestTopics.CONSUMER_HEADER))
                .contains("postmortem-service");
    }

    @Test
    void shouldRenderUserTextAsTextInBothHtmlAndMarkdown() {
        String incident = newIncident();
        Reviewer reviewer = new Reviewer(Actor.slackUser("U0ERIN", "Erin *Account*"), null);

        RenderedDraft draft =
                renderer.render(
                        builder.build(incident, LongIncident.log(incident).events(), reviewer));

        assertThat(draft.html()).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(draft.markdown())
                .contains("\\<script\\>alert\\(\\'x\\'\\)\\</script\\> \\*\\*not bold\\*\\*")
                .contains("| Reviewer | Erin \\*Account\\* |")
                .contains("| In total | 3 h 15 min |")
                .contains("## Root cause")
                .doesNotContain("<script>");
    }

    @Test
    void shouldRenderWithTheTemplateFileAUserChangedAndStillEscape(@TempDir Path dir)
            throws IOException {
        Files.writeString(
                dir.resolve("postmortem.html"),
                "<p>Ours: {draft.reference}</p>{#for e in draft.timeline}"
                        + "{#if e.kind == 'Pinned'}<li>{e.text}</li>{/if}{/for}");
        String incident = newIncident();
        DraftRenderer custom = new DraftRenderer(engine, Optional.of(dir));

        RenderedDraft draft =
                custom.render(builder.build(incident, LongIncident.log(incident).events(), null));

        assertThat(draft.html())
                .startsWith("<p>Ours: " + LongIncident.reference(incident) + "</p><li>Finding 0:")
                .contains("<li>&lt;script&gt;")
                .doesNotContain("<script>");
        assertThat(draft.markdown()).as("the bundled one").startsWith("# Postmortem");
    }

    @Test
    void shouldReportUpOnItsHealthEndpoint() {
        given().get("/q/health").then().statusCode(200).body("status", is("UP"));
    }

    private static String newIncident() {
        return "inc-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder createAnswers(
            String incident, String documentId) {
        return FakeDrive.create()
                .withRequestBody(containing(incident))
                .willReturn(FakeDrive.file(documentId, "Postmortem"));
    }

    private List<LoggedRequest> creates(String incident) {
        return drive.find(
                RequestPatternBuilder.newRequestPattern(
                                com.github.tomakehurst.wiremock.http.RequestMethod.POST,
                                urlPathEqualTo(FakeDrive.UPLOAD))
                        .withRequestBody(containing(incident)));
    }

    private static RecordPostmortem awaitPostmortem(String incident) {
        await().atMost(WAIT).until(() -> postmortems(incident).size() >= 1);
        return postmortems(incident).get(0);
    }

    private static List<RecordPostmortem> postmortems(String incident) {
        return topics.commands(incident).stream()
                .map(CommandEnvelope::command)
                .filter(RecordPostmortem.class::isInstance)
                .map(RecordPostmortem.class::cast)
                .toList();
    }

    private static List<RecordIntegrationFailure> failures(String incident) {
        return topics.commands(incident).stream()
                .map(CommandEnvelope::command)
                .filter(RecordIntegrationFailure.class::isInstance)
                .map(RecordIntegrationFailure.class::cast)
                .toList();
    }
}
