package dev.incident.email;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.incident.email.config.IngestConfig;
import dev.incident.email.domain.MailIntake;
import dev.incident.email.mail.MailboxConnection;
import dev.incident.email.mail.MailboxSweep;
import dev.incident.email.messaging.CommandPublisher;
import dev.incident.email.messaging.IngestMetrics;
import dev.incident.events.command.CommandEnvelope;
import dev.incident.events.command.IncidentCommand.DeclareIncident;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.kafka.RecordHeaders;
import dev.incident.events.model.Customer;
import dev.incident.events.model.DeclarationSource;
import dev.incident.events.model.IncidentMode;
import dev.incident.testing.KafkaResource;
import dev.incident.testing.TopicContents;

import static dev.incident.email.GreenMailResource.ADDRESS;
import static dev.incident.email.GreenMailResource.OTHER_ADDRESS;
import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The service against a real IMAP/SMTP server (GreenMail) and the real broker: mail delivered over
 * SMTP ends as commands on the prefixed topics and in the right mailbox folder.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = GreenMailResource.class, restrictToAnnotatedClass = true)
class EmailIngestIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofSeconds(1);

    private static final List<String> FIXTURES =
            List.of(
                    "cpython-test_email/msg_15.txt",
                    "james-mime4j/base64-encoded-text.msg",
                    "james-mime4j/malformedHeader-noheader.msg",
                    "james-mime4j/missing-inner-boundary.msg",
                    "james-mime4j/re-fwd.msg",
                    "mailgun-flanker/missing-final-boundary.eml",
                    "mailgun-talon/outlook.eml",
                    "mikel-mail/attachment_message_rfc822.eml",
                    "mikel-mail/japanese_shift_jis.eml",
                    "mikel-mail/missing_body.eml",
                    "mikel-mail/report_530.eml",
                    "sisimai-set-of-emails/rfc3834-01.eml");

    private final ContractCodec codec = new ContractCodec();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject CommandPublisher publisher;
    @Inject MailIntake intake;
    @Inject IngestMetrics metrics;
    @Inject IngestConfig config;

    @Test
    void shouldTurnEveryFixtureIntoATriageIncidentAnIgnoredMessageOrAQuarantinedOne() {
        FIXTURES.forEach(name -> TestMail.deliver(TestMail.fixture(name), ADDRESS));

        await().atMost(WAIT)
                .pollInterval(POLL)
                .untilAsserted(
                        () -> {
                            assertThat(TestMail.count(ADDRESS, "INBOX")).isZero();
                            assertThat(declaresByTitle()).hasSizeGreaterThanOrEqualTo(7);
                        });

        Map<String, DeclareIncident> declared = declaresByTitle();
        assertDeclared(declared.get("XX"), "xx@xx.dk", Customer.unknown("xx.dk"), "Some removed");
        assertDeclared(
                declared.get("hello world"), "user0", Customer.unknown("unknown"), "This is");
        assertDeclared(
                declared.get("Test"),
                "me@example.com",
                Customer.unknown("example.com"),
                "Some body");
        assertDeclared(
                declared.get("The manager has commented on your Loop"),
                "xxx@xxx.mailgun.org",
                Customer.known("mailgun", "Mailgun"),
                "Hi dan.le@example.com");
        assertDeclared(
                declared.get("Another PDF"),
                "xxxx@xxxx.com",
                Customer.unknown("xxxx.com"),
                "Just attaching another PDF");
        assertDeclared(
                declared.get("test"),
                "xxxxxxx@docomo.ne.jp",
                Customer.known("docomo", "NTT Docomo"),
                "あいうえお");
        assertDeclared(
                declared.get("REDACTED"),
                "redacted@attglobal.net",
                Customer.known("att-global", "AT&T Global"),
                "(the email has no text)");

        assertThat(TestMail.subjects(ADDRESS, "processed"))
                .contains("XX", "Re: Fwd: hello world", "Test", "testing", "test", "REDACTED")
                .filteredOn("Test"::equals)
                .hasSize(2);
        assertThat(TestMail.subjects(ADDRESS, "ignored"))
                .contains("Returned mail: see transcript for details", "Away until May 5");

        List<ConsumerRecord<String, byte[]>> noSender =
                deadLetters().stream().filter(r -> reason(r).startsWith("no-sender")).toList();
        assertThat(noSender)
                .extracting(r -> new String(r.value(), UTF_8))
                .hasSize(3)
                .anySatisfy(v -> assertThat(v).contains("This is a simple message not having"))
                .anySatisfy(v -> assertThat(v).contains("Outer preamble"))
                .anySatisfy(v -> assertThat(v).contains("Q29udGVudC1UeXBlOiBtdWx0aXBhcnQv"));
        assertThat(TestMail.folder(ADDRESS, "quarantine"))
                .extracting(s -> new String(s.raw(), UTF_8))
                .containsAll(noSender.stream().map(r -> new String(r.value(), UTF_8)).toList());
    }

    @Test
    void shouldDeclareOnceForTheSameMessageDeliveredTwice() {
        byte[] raw = mail("<twice-1@customer.example>", "Checkout down twice", "Nothing works.");

        TestMail.deliver(raw, ADDRESS);
        TestMail.deliver(raw, ADDRESS);

        await().atMost(WAIT)
                .pollInterval(POLL)
                .untilAsserted(
                        () ->
                                assertThat(TestMail.subjects(ADDRESS, "processed"))
                                        .filteredOn("Checkout down twice"::equals)
                                        .hasSize(2));
        List<CommandEnvelope> commands = declaresTitled("Checkout down twice");
        assertThat(commands).hasSize(2);
        assertThat(commands)
                .extracting(CommandEnvelope::incidentId)
                .containsOnly(commands.get(0).incidentId());
        assertThat(commands)
                .extracting(CommandEnvelope::commandId)
                .containsOnly(commands.get(0).commandId());
        assertThat(TestMail.subjects(ADDRESS, "INBOX")).doesNotContain("Checkout down twice");
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("email_ingest_duplicate_total"));
    }

    @Test
    void shouldDeclareOnceWhenTheReaderCrashesBetweenAcknowledgementAndMove() throws Exception {
        IngestConfig other = new OtherMailbox(config);
        TestMail.deliver(
                mail("<crash-1@customer.example>", "Crash before move", "Disk full."),
                OTHER_ADDRESS);

        try (MailboxConnection first = MailboxConnection.open(other.mailbox())) {
            var crashing =
                    new MailboxSweep(
                            first,
                            intake,
                            publisher,
                            metrics,
                            other,
                            uid -> {
                                throw new IllegalStateException("crash after the ack");
                            });
            assertThatThrownBy(crashing::run).hasMessage("crash after the ack");
        }
        assertThat(TestMail.subjects(OTHER_ADDRESS, "INBOX")).containsExactly("Crash before move");

        try (MailboxConnection restarted = MailboxConnection.open(other.mailbox())) {
            new MailboxSweep(
                            restarted,
                            intake,
                            publisher,
                            metrics,
                            other,
                            MailboxSweep.AfterAcknowledged.NOTHING)
                    .run();
        }

        List<CommandEnvelope> commands = declaresTitled("Crash before move");
        assertThat(commands).hasSize(2);
        assertThat(commands.get(1).incidentId()).isEqualTo(commands.get(0).incidentId());
        assertThat(commands.get(1).commandId()).isEqualTo(commands.get(0).commandId());
        assertThat(TestMail.subjects(OTHER_ADDRESS, "INBOX")).isEmpty();
        assertThat(TestMail.subjects(OTHER_ADDRESS, "processed"))
                .containsExactly("Crash before move");
    }

    @Test
    void shouldQuarantineAnOversizeMessageAndDeadLetterItsHeaders() {
        String body = "x".repeat(76) + "\r\n";
        byte[] raw = mail("<big-1@customer.example>", "Huge screenshot", body.repeat(4000));

        TestMail.deliver(raw, ADDRESS);

        await().atMost(WAIT)
                .pollInterval(POLL)
                .untilAsserted(
                        () ->
                                assertThat(TestMail.subjects(ADDRESS, "quarantine"))
                                        .contains("Huge screenshot"));
        ConsumerRecord<String, byte[]> letter =
                deadLetters().stream()
                        .filter(r -> new String(r.value(), UTF_8).contains("Huge screenshot"))
                        .findFirst()
                        .orElseThrow();
        assertThat(reason(letter)).startsWith("oversize: ").endsWith("over the limit of 200000");
        assertThat(letter.value().length).isLessThan(10_000);
        assertThat(ContractRecords.header(letter.headers(), RecordHeaders.DEAD_LETTER_CONSUMER))
                .contains("email-ingest");
    }

    @Test
    void shouldIgnoreMailFromThePlatformsOwnAddress() {
        TestMail.deliver(
                ("From: " + ADDRESS + "\r\nSubject: INC-ABCD update\r\n\r\nA status update.\r\n")
                        .getBytes(UTF_8),
                ADDRESS);

        await().atMost(WAIT)
                .pollInterval(POLL)
                .untilAsserted(
                        () ->
                                assertThat(TestMail.subjects(ADDRESS, "ignored"))
                                        .contains("INC-ABCD update"));
        assertThat(declaresTitled("INC-ABCD update")).isEmpty();
    }

    @Test
    void shouldReportTheMailboxConnectionAndCountMessages() {
        TestMail.deliver(mail("<count-1@customer.example>", "Counted", "Hi."), ADDRESS);

        await().atMost(WAIT)
                .pollInterval(POLL)
                .untilAsserted(
                        () ->
                                assertThat(TestMail.subjects(ADDRESS, "processed"))
                                        .contains("Counted"));
        // Readiness follows the reader's sweeps, so it may take a moment to show.
        await().atMost(WAIT)
                .pollInterval(POLL)
                .untilAsserted(
                        () ->
                                given().get("/q/health/ready")
                                        .then()
                                        .statusCode(200)
                                        .body("status", equalTo("UP"))
                                        .body(
                                                "checks.find { it.name == 'ingest-mailbox'"
                                                        + " }.data.connected",
                                                equalTo(true))
                                        .body(
                                                "checks.find { it.name == 'ingest-mailbox'"
                                                        + " }.data.mode",
                                                equalTo("idle")));
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("email_ingest_received_total"))
                .body(containsString("email_ingest_declared_total"));
    }

    private static byte[] mail(String messageId, String subject, String body) {
        return ("Message-ID: "
                        + messageId
                        + "\r\nFrom: Pat Customer <pat@acme.example>\r\nTo: "
                        + ADDRESS
                        + "\r\nSubject: "
                        + subject
                        + "\r\nDate: Mon, 30 Nov 2026 09:00:00 +0000\r\n\r\n"
                        + body
                        + "\r\n")
                .getBytes(UTF_8);
    }

    private static void assertDeclared(
            DeclareIncident declare, String sender, Customer customer, String summaryStart) {
        assertThat(declare).isNotNull();
        assertThat(declare.reporter().id()).isEqualTo(sender);
        assertThat(declare.customer()).isEqualTo(customer);
        assertThat(declare.summary()).startsWith(summaryStart);
        assertThat(declare.source()).isEqualTo(DeclarationSource.EMAIL);
        assertThat(declare.mode()).isEqualTo(IncidentMode.TRIAGE);
        assertThat(declare.sourceDetails()).containsEntry("sender", sender);
    }

    private List<CommandEnvelope> commands() {
        return TopicContents.readAll(bootstrap, publisher.topics().commands()).stream()
                .map(r -> codec.decodeCommand(r.value()))
                .toList();
    }

    private Map<String, DeclareIncident> declaresByTitle() {
        return commands().stream()
                .map(c -> (DeclareIncident) c.command())
                .collect(
                        Collectors.toMap(DeclareIncident::title, Function.identity(), (a, b) -> a));
    }

    private List<CommandEnvelope> declaresTitled(String title) {
        return commands().stream()
                .filter(c -> ((DeclareIncident) c.command()).title().equals(title))
                .toList();
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters() {
        return TopicContents.readAll(bootstrap, publisher.topics().deadLetter());
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        return ContractRecords.header(record.headers(), RecordHeaders.DEAD_LETTER_REASON)
                .orElse("");
    }
}
