package dev.incident.postmortem.drive;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.incident.events.model.Actor;
import dev.incident.postmortem.domain.PublishException;
import dev.incident.postmortem.domain.PublishedDocument;
import dev.incident.postmortem.domain.RenderedDraft;
import dev.incident.postmortem.domain.Reviewer;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The official Drive client against a local server that answers like Drive. */
class DrivePublisherTest {

    private static final Reviewer REVIEWER =
            new Reviewer(Actor.slackUser("U0AE", "Erin Account"), "erin@acme-ops.example.com");
    private static final RenderedDraft DRAFT =
            new RenderedDraft(
                    "inc-7k2q",
                    "INC-7K2Q",
                    "Postmortem INC-7K2Q: Checkout down",
                    "<h1>Postmortem INC-7K2Q</h1><p>&lt;script&gt; pinned</p>",
                    "# Postmortem");

    private static FakeDrive drive;
    private DrivePublisher publisher;

    @BeforeAll
    static void startDrive() {
        drive = new FakeDrive();
    }

    @AfterAll
    static void stopDrive() {
        drive.close();
    }

    @BeforeEach
    void setUp() throws IOException {
        drive.reset();
        publisher =
                new DrivePublisher(
                        DriveClients.serviceAccount(
                                drive.credentialsFile(), drive.rootUrl(), Duration.ofSeconds(5)),
                        Optional.of("folder-postmortems"),
                        List.of(new DriveShare("group", "writer", "sre@example.com", null, false)),
                        "commenter");
    }

    @Test
    void shouldUploadTheDraftInOneMultipartRequestConvertedToAGoogleDocInTheFolder()
            throws Exception {
        drive.server().stubFor(FakeDrive.create().willReturn(FakeDrive.file("1PmDoc", "x")));

        PublishedDocument document = publisher.publish(DRAFT, REVIEWER, false);

        assertThat(document.documentId()).isEqualTo("1PmDoc");
        assertThat(document.url())
                .isEqualTo("https://docs.google.com/document/d/1PmDoc/edit?usp=drivesdk");
        LoggedRequest upload = single(FakeDrive.UPLOAD);
        assertThat(upload.queryParameter("uploadType").firstValue()).isEqualTo("multipart");
        assertThat(upload.getHeader("Authorization")).isEqualTo("Bearer " + FakeDrive.TOKEN);
        assertThat(upload.getHeader("Content-Type")).startsWith("multipart/related; boundary=");
        String body = upload.getBodyAsString();
        assertThat(body)
                .contains("\"mimeType\":\"application/vnd.google-apps.document\"")
                .contains("\"parents\":[\"folder-postmortems\"]")
                .contains("\"appProperties\":{\"incidentPostmortem\":\"inc-7k2q\"}")
                .contains("\"name\":\"Postmortem INC-7K2Q: Checkout down\"")
                .contains("Content-Type: text/html; charset=UTF-8")
                .contains(DRAFT.html());
    }

    @Test
    void shouldSearchForTheIncidentsDocumentBeforeCreatingOne() throws Exception {
        drive.server().stubFor(FakeDrive.create().willReturn(FakeDrive.file("1PmDoc", "x")));

        publisher.publish(DRAFT, REVIEWER, false);

        LoggedRequest search = single(FakeDrive.FILES);
        assertThat(search.queryParameter("q").firstValue())
                .isEqualTo(
                        "appProperties has { key='incidentPostmortem' and value='inc-7k2q' }"
                                + " and trashed = false");
        assertThat(search.queryParameter("supportsAllDrives").firstValue()).isEqualTo("true");
    }

    @Test
    void shouldShareAsConfiguredAndWithTheReviewer() throws Exception {
        drive.server().stubFor(FakeDrive.create().willReturn(FakeDrive.file("1PmDoc", "x")));

        publisher.publish(DRAFT, REVIEWER, false);

        String permissions = FakeDrive.FILES + "/1PmDoc/permissions";
        drive.server()
                .verify(
                        postRequestedFor(urlPathEqualTo(permissions))
                                .withQueryParam("sendNotificationEmail", equalTo("false"))
                                .withRequestBody(matchingJsonPath("$.type", equalTo("group")))
                                .withRequestBody(matchingJsonPath("$.role", equalTo("writer")))
                                .withRequestBody(
                                        matchingJsonPath(
                                                "$.emailAddress", equalTo("sre@example.com"))));
        drive.server()
                .verify(
                        postRequestedFor(urlPathEqualTo(permissions))
                                .withRequestBody(matchingJsonPath("$.role", equalTo("commenter")))
                                .withRequestBody(
                                        matchingJsonPath(
                                                "$.emailAddress",
                                                equalTo("erin@acme-ops.example.com"))));
    }

    @Test
    void shouldFindTheDocumentOfAnEarlierTryInsteadOfMakingASecond() throws Exception {
        drive.server()
                .stubFor(
                        get(urlPathEqualTo(FakeDrive.FILES))
                                .withQueryParam("q", containing("inc-7k2q"))
                                .willReturn(FakeDrive.found("1Earlier", "Postmortem INC-7K2Q")));

        PublishedDocument document = publisher.publish(DRAFT, REVIEWER, false);

        assertThat(document.documentId()).isEqualTo("1Earlier");
        assertThat(requests(FakeDrive.UPLOAD)).isEmpty();
    }

    @Test
    void shouldReplaceTheContentOfTheFoundDocumentWhenRegenerating() throws Exception {
        drive.server()
                .stubFor(
                        get(urlPathEqualTo(FakeDrive.FILES))
                                .willReturn(FakeDrive.found("1Earlier", "Postmortem INC-7K2Q")));
        drive.server()
                .stubFor(
                        // java.net cannot send PATCH: the client POSTs with Google's override.
                        post(urlPathEqualTo(FakeDrive.UPLOAD + "/1Earlier"))
                                .withHeader("X-HTTP-Method-Override", equalTo("PATCH"))
                                .willReturn(FakeDrive.file("1Earlier", "x")));

        PublishedDocument document = publisher.publish(DRAFT, REVIEWER, true);

        assertThat(document.documentId()).isEqualTo("1Earlier");
        LoggedRequest update = single(FakeDrive.UPLOAD + "/1Earlier");
        assertThat(update.queryParameter("uploadType").firstValue()).isEqualTo("multipart");
        assertThat(update.getBodyAsString()).contains(DRAFT.html());
    }

    @Test
    void shouldCallRateLimitsAndServerErrorsWorthAnotherTry() {
        assertThat(failureOf(FakeDrive.error(429, "rateLimitExceeded", "Rate Limit Exceeded")))
                .satisfies(e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("429 rateLimitExceeded");
        assertThat(failureOf(FakeDrive.error(403, "userRateLimitExceeded", "User Rate Limit")))
                .satisfies(e -> assertThat(e.retryable()).isTrue());
        assertThat(failureOf(FakeDrive.error(503, "backendError", "Backend Error")))
                .satisfies(e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void shouldNotTryAgainWhenTheFolderDoesNotExistOrAccessIsDenied() {
        assertThat(failureOf(FakeDrive.error(404, "notFound", "File not found: folder.")))
                .satisfies(e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("404 notFound: File not found: folder.");
        assertThat(failureOf(FakeDrive.error(403, "insufficientFilePermissions", "No access")))
                .satisfies(e -> assertThat(e.retryable()).isFalse());
    }

    private PublishException failureOf(
            com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        drive.server().stubFor(FakeDrive.create().willReturn(answer));
        return catchThrowableOfType(
                PublishException.class, () -> publisher.publish(DRAFT, REVIEWER, false));
    }

    private static LoggedRequest single(String path) {
        List<LoggedRequest> found = requests(path);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static List<LoggedRequest> requests(String path) {
        return drive.server().getAllServeEvents().stream()
                .map(e -> e.getRequest())
                .filter(r -> r.getUrl().split("\\?")[0].equals(path))
                .map(LoggedRequest.class::cast)
                .toList();
    }
}
