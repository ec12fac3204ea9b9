package dev.incident.email.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.incident.events.command.IncidentCommand.DeclareIncident;
import dev.incident.events.model.ActorSource;
import dev.incident.events.model.Customer;
import dev.incident.events.model.DeclarationSource;
import dev.incident.events.model.IncidentMode;
import dev.incident.events.state.IncidentIds;

import static org.assertj.core.api.Assertions.assertThat;

/** Every fixture of the shared corpus, and the kinds of mail it stands for, through the intake. */
class MailIntakeTest {

    private final MailIntake intake =
            new MailIntake(
                    new MailParser(12),
                    new MailTriage("incidents@example.com"),
                    new CustomerDirectory()
                            .with("docomo.ne.jp", Customer.known("docomo", "NTT Docomo"))
                            .with("attglobal.net", Customer.known("att-global", "AT&T Global"))
                            .with("mailgun.org", Customer.known("mailgun", "Mailgun")),
                    300);

    @Test
    void shouldDeclareFromTheFirstTextPartWhenAnInnerMultipartReusesTheOuterBoundary() {
        DeclareIncident declare = declared("cpython-test_email/msg_15.txt");

        assertThat(declare.title()).isEqualTo("XX");
        assertThat(declare.summary()).isEqualTo("Some removed test.");
        assertThat(declare.reporter().id()).isEqualTo("xx@xx.dk");
        assertThat(declare.customer()).isEqualTo(Customer.unknown("xx.dk"));
        assertThat(declare.sourceReference()).isEqualTo("<xxxx>");
    }

    @Test
    void shouldQuarantineAMessageWithoutSender() {
        assertThat(held("james-mime4j/base64-encoded-text.msg").reason())
                .isEqualTo(Quarantine.Reason.NO_SENDER);
        assertThat(held("james-mime4j/malformedHeader-noheader.msg").reason())
                .isEqualTo(Quarantine.Reason.NO_SENDER);
        assertThat(held("james-mime4j/missing-inner-boundary.msg").getMessage())
                .isEqualTo("no-sender: the message has no From address");
    }

    @Test
    void shouldDeclareForTheInnermostMessageOfAChainOfAttachedForwards() {
        DeclareIncident declare = declared("james-mime4j/re-fwd.msg");

        assertThat(declare.title()).isEqualTo("hello world");
        assertThat(declare.reporter().id()).isEqualTo("user0");
        assertThat(declare.customer()).isEqualTo(Customer.unknown("unknown"));
        assertThat(declare.summary())
                .isEqualTo("This is the original message.\nLet's see if we can embed it!");
        assertThat(declare.sourceDetails())
                .containsEntry("forwarded-as", "attachment")
                .containsEntry("forwarded-by", "user2")
                .containsEntry("date", "2000-06-06T03:20:11Z");
    }

    @Test
    void shouldDeclareFromTheTextBeforeAMissingFinalBoundary() {
        DeclareIncident declare = declared("mailgun-flanker/missing-final-boundary.eml");

        assertThat(declare.title()).isEqualTo("Test");
        assertThat(declare.summary()).isEqualTo("Some body");
        assertThat(declare.reporter().id()).isEqualTo("me@example.com");
        assertThat(declare.customer()).isEqualTo(Customer.unknown("example.com"));
        assertThat(declare.sourceReference()).startsWith("sha256:");
    }

    @Test
    void shouldDeclareForTheOriginalSenderOfAnOutlookInlineForward() {
        DeclareIncident declare = declared("mailgun-talon/outlook.eml");

        assertThat(declare.title()).isEqualTo("The manager has commented on your Loop");
        assertThat(declare.reporter().id()).isEqualTo("xxx@xxx.mailgun.org");
        assertThat(declare.customer()).isEqualTo(Customer.known("mailgun", "Mailgun"));
        assertThat(declare.summary())
                .startsWith("Hi dan.le@example.com<mailto:dan.le@example.com>,");
        assertThat(declare.sourceDetails())
                .containsEntry("forwarded-as", "inline")
                .containsEntry("forwarded-by", "me@example.com")
                .containsEntry("forward-note", "Hello")
                .containsEntry("date", "March-09-12 4:22 PM");
    }

    @Test
    void shouldDeclareForTheSenderOfAnAttachedMessageAndListEveryAttachment() {
        DeclareIncident declare = declared("mikel-mail/attachment_message_rfc822.eml");

        assertThat(declare.title()).isEqualTo("Another PDF");
        assertThat(declare.reporter().id()).isEqualTo("xxxx@xxxx.com");
        assertThat(declare.reporter().name()).isEqualTo("Test Tester");
        assertThat(declare.summary()).startsWith("Just attaching another PDF, here,");
        assertThat(declare.sourceReference()).isEqualTo("<xxxx@xxxx.com>");
        assertThat(declare.sourceDetails())
                .containsEntry("date", "2005-05-10T17:26:39Z")
                .containsEntry("forwarded-by", "foo@example.com")
                .containsEntry("forward-note", "This is the first part.");
        assertThat(declare.sourceDetails().get("attachments"))
                .matches(
                        "ForwardedMessage.eml \\(message/rfc822, \\d+ bytes\\);"
                                + " broken.pdf \\(application/pdf, \\d+ bytes\\)");
    }

    @Test
    void shouldDecodeAShiftJisBodyForAKnownCustomer() {
        DeclareIncident declare = declared("mikel-mail/japanese_shift_jis.eml");

        assertThat(declare.title()).isEqualTo("test");
        assertThat(declare.summary()).startsWith("あいうえお").contains("このメールはテスト用のメールです。");
        assertThat(declare.customer()).isEqualTo(Customer.known("docomo", "NTT Docomo"));
        assertThat(declare.source()).isEqualTo(DeclarationSource.EMAIL);
        assertThat(declare.mode()).isEqualTo(IncidentMode.TRIAGE);
        assertThat(declare.reporter().source()).isEqualTo(ActorSource.EMAIL_SENDER);
    }

    @Test
    void shouldDeclareAMultipartWithoutPartsWithAnEmptySummary() {
        Decision decision = intake.decide(fixture("mikel-mail/missing_body.eml"));

        assertThat(decision).isInstanceOf(Decision.Declare.class);
        var declare = (Decision.Declare) decision;
        assertThat(declare.incidentId())
                .isEqualTo(IncidentIds.fromEmail("<001301c17797$9cd0ef30$a3ab620c@vaio>"));
        assertThat(declare.command().title()).isEqualTo("REDACTED");
        assertThat(declare.command().summary()).isEqualTo("(the email has no text)");
        assertThat(declare.command().reporter().name()).isEqualTo("SCS_2");
        assertThat(declare.command().customer().id()).isEqualTo("att-global");
    }

    @Test
    void shouldIgnoreADeliveryStatusReport() {
        assertThat(ignored("mikel-mail/report_530.eml")).isEqualTo(MailTriage.Ignored.BOUNCE);
    }

    @Test
    void shouldIgnoreAnRfc3834AutoReply() {
        assertThat(ignored("sisimai-set-of-emails/rfc3834-01.eml"))
                .isEqualTo(MailTriage.Ignored.AUTO_REPLY);
    }

    @Test
    void shouldIgnoreVendorAutoRepliesAndOutOfOfficeSubjects() {
        assertThat(ignoredText("From: a@b.com\r\nX-Autoreply: yes\r\nSubject: Hi\r\n\r\nx"))
                .isEqualTo(MailTriage.Ignored.AUTO_REPLY);
        assertThat(ignoredText("From: a@b.com\r\nPrecedence: auto_reply\r\nSubject: Hi\r\n\r\nx"))
                .isEqualTo(MailTriage.Ignored.AUTO_REPLY);
        assertThat(ignoredText("From: a@b.com\r\nSubject: Automatic reply: outage\r\n\r\nx"))
                .isEqualTo(MailTriage.Ignored.AUTO_REPLY);
        assertThat(ignoredText("From: a@b.com\r\nSubject: Out of Office\r\n\r\nx"))
                .isEqualTo(MailTriage.Ignored.AUTO_REPLY);
        assertThat(ignoredText("From: incidents@example.com\r\nSubject: INC-1\r\n\r\nx"))
                .isEqualTo(MailTriage.Ignored.OWN_ADDRESS);
        assertThat(intake.decide(bytes("From: a@b.com\r\nAuto-Submitted: no\r\n\r\nx")))
                .isInstanceOf(Decision.Declare.class);
    }

    @Test
    void shouldDecodeEncodedWordsAndQuotedPrintableInAnyCharset() {
        DeclareIncident declare =
                declared(
                        bytes(
                                "From: =?ISO-8859-2?Q?Ji=F8=ED?= <jiri@acme.cz>\r\n"
                                        + "Subject: =?UTF-8?B?w5pwbG7DvSB2w71wYWRlaw==?=\r\n"
                                        + "Content-Type: text/plain; charset=koi8-r\r\n"
                                        + "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
                                        + "=F3=C5=D2=D7=C5=D2 =CC=C5=D6=C9=D4\r\n"));

        assertThat(declare.title()).isEqualTo("Úplný výpadek");
        assertThat(declare.reporter().name()).isEqualTo("Jiří");
        assertThat(declare.summary()).isEqualTo("Сервер лежит");
    }

    @Test
    void shouldTurnHtmlIntoReadableTextWhenThereIsNoPlainPart() {
        DeclareIncident declare =
                declared(
                        bytes(
                                "From: ops@acme.com\r\nSubject: Down\r\n"
                                        + "Content-Type: text/html; charset=utf-8\r\n\r\n"
                                        + "<html><head><style>p{}</style></head><body>"
                                        + "<p>Site&nbsp;is <b>down</b></p><p>since 9:00<br>help</p>"
                                        + "</body></html>"));

        assertThat(declare.summary()).isEqualTo("Site is down\n\nsince 9:00\nhelp");
    }

    @Test
    void shouldDeclareForTheOriginalSenderOfAGmailInlineForward() {
        DeclareIncident declare =
                declared(
                        bytes(
                                "From: Support <support@ourteam.io>\r\n"
                                        + "Subject: Fwd: Payments failing\r\n\r\n"
                                        + "Urgent, see below.\r\n\r\n"
                                        + "---------- Forwarded message ---------\r\n"
                                        + "From: Jane Doe <jane@shop.example.org>\r\n"
                                        + "Date: Mon, 30 Nov 2026 at 09:12\r\n"
                                        + "Subject: Payments failing\r\n"
                                        + "To: <support@ourteam.io>\r\n\r\n"
                                        + "All card payments fail since 9:00.\r\n"));

        assertThat(declare.reporter().id()).isEqualTo("jane@shop.example.org");
        assertThat(declare.reporter().name()).isEqualTo("Jane Doe");
        assertThat(declare.title()).isEqualTo("Payments failing");
        assertThat(declare.summary()).isEqualTo("All card payments fail since 9:00.");
        assertThat(declare.sourceDetails()).containsEntry("forward-note", "Urgent, see below.");
    }

    @Test
    void shouldQuarantineAMessageThatNestsTooDeeply() {
        var nested = new StringBuilder("From: a@b.com\r\n");
        for (int i = 0; i < 20; i++) {
            nested.append("Content-Type: multipart/mixed; boundary=b")
                    .append(i)
                    .append("\r\n\r\n--b")
                    .append(i)
                    .append("\r\n");
        }
        nested.append("Content-Type: text/plain\r\n\r\ndeep\r\n");

        Decision decision = intake.decide(bytes(nested.toString()));

        assertThat(decision).isInstanceOf(Decision.Hold.class);
        assertThat(((Decision.Hold) decision).problem().reason())
                .isEqualTo(Quarantine.Reason.TOO_DEEP);
    }

    @Test
    void shouldGiveTheSameIdToTheSameMessageDeliveredAlongAnotherRoute() {
        String message = "From: a@b.com\r\nSubject: Down\r\n\r\nHelp\r\n";

        String first = intake.decide(bytes("Received: from x\r\n" + message)).key();
        String second = intake.decide(bytes("Received: from y\r\n\tby z\r\n" + message)).key();

        assertThat(first).isEqualTo(second);
    }

    private DeclareIncident declared(String fixture) {
        return declared(fixture(fixture));
    }

    private DeclareIncident declared(byte[] raw) {
        Decision decision = intake.decide(raw);
        assertThat(decision).isInstanceOf(Decision.Declare.class);
        return ((Decision.Declare) decision).command();
    }

    private Quarantine held(String fixture) {
        Decision decision = intake.decide(fixture(fixture));
        assertThat(decision).isInstanceOf(Decision.Hold.class);
        return ((Decision.Hold) decision).problem();
    }

    private MailTriage.Ignored ignored(String fixture) {
        return ignoredOf(intake.decide(fixture(fixture)));
    }

    private MailTriage.Ignored ignoredText(String message) {
        return ignoredOf(intake.decide(bytes(message)));
    }

    private static MailTriage.Ignored ignoredOf(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Ignore.class);
        return ((Decision.Ignore) decision).reason();
    }

    private static byte[] bytes(String message) {
        return message.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] fixture(String name) {
        try (InputStream in = MailIntakeTest.class.getResourceAsStream("/fixtures/email/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
