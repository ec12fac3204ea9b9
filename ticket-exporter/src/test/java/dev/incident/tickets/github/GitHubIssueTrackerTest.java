package dev.incident.tickets.github;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.incident.tickets.domain.ExportMarker;
import dev.incident.tickets.domain.IssueDraft;
import dev.incident.tickets.domain.TrackedIssue;
import dev.incident.tickets.domain.TrackerRefusedException;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real github-api client against GitHub's documented answers. */
class GitHubIssueTrackerTest {

    private static final String REPO = "acme-corp/platform";
    private static final String TOKEN = "ghp_test0000000000000000000000000000000";

    private final GitHubFake github = new GitHubFake();

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void shouldCreateTheIssueWithTitleBodyLabelsAndAssignee() throws Exception {
        // given
        github.repository(REPO);

        // when
        TrackedIssue issue = tracker(Duration.ofMinutes(1)).create(draft("FU-1"));

        // then
        assertThat(issue.url()).isEqualTo("https://github.com/acme-corp/platform/issues/1347");
        assertThat(issue.key()).isEqualTo("acme-corp/platform#1347");
        github.server()
                .verify(
                        postRequestedFor(urlPathEqualTo("/repos/acme-corp/platform/issues"))
                                .withHeader("Authorization", equalTo("token " + TOKEN))
                                .withRequestBody(
                                        matchingJsonPath("$.title", equalTo("Add a gateway alarm")))
                                .withRequestBody(
                                        matchingJsonPath("$.labels[2]", equalTo("severity:P1")))
                                .withRequestBody(
                                        matchingJsonPath("$.assignees[0]", equalTo("bob"))));
    }

    @Test
    void shouldFindTheIssueThatCarriesTheMarker() throws Exception {
        // given an issue for FU-1 exists and one for another follow-up
        github.repository(REPO);
        github.existingIssue(REPO, "Other", new ExportMarker("inc-1", "FU-2").text(), "incident");
        github.existingIssue(REPO, "Alarm", "x\n" + marker("FU-1").text(), "incident");

        // when
        var found = tracker(Duration.ofMinutes(1)).find(draft("FU-1"));

        // then
        assertThat(found).map(TrackedIssue::key).contains("acme-corp/platform#1348");
    }

    @Test
    void shouldFindNothingWhenNoIssueCarriesTheMarker() throws Exception {
        github.repository(REPO);
        github.existingIssue(REPO, "Other", new ExportMarker("inc-1", "FU-2").text(), "incident");

        assertThat(tracker(Duration.ofMinutes(1)).find(draft("FU-1"))).isEmpty();
    }

    @Test
    void shouldWaitForThePrimaryRateLimitResetAndRetry() throws Exception {
        // given
        github.repository(REPO).primaryRateLimitOnCreate(REPO, Instant.now().plusSeconds(1));
        long start = System.nanoTime();

        // when
        TrackedIssue issue = tracker(Duration.ofMinutes(1)).create(draft("FU-1"));

        // then
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isGreaterThan(Duration.ofSeconds(1));
        assertThat(github.createRequests(REPO)).isEqualTo(2);
        assertThat(github.issues(REPO)).hasSize(1);
        assertThat(issue.key()).isEqualTo("acme-corp/platform#1347");
    }

    @Test
    void shouldWaitForThePrimaryRateLimitResetAnsweredWith429AndRetry() throws Exception {
        github.repository(REPO).primaryRateLimitOnCreate(REPO, 429, Instant.now().plusSeconds(1));
        long start = System.nanoTime();

        tracker(Duration.ofMinutes(1)).create(draft("FU-1"));

        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isGreaterThan(Duration.ofSeconds(1));
        assertThat(github.createRequests(REPO)).isEqualTo(2);
        assertThat(github.issues(REPO)).hasSize(1);
    }

    @Test
    void shouldWaitForTheSecondaryRateLimitOf429AndRetry() throws Exception {
        github.repository(REPO).secondaryRateLimitOnCreate(REPO, 429, 1);
        long start = System.nanoTime();

        tracker(Duration.ofMinutes(1)).create(draft("FU-1"));

        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isGreaterThan(Duration.ofSeconds(1));
        assertThat(github.createRequests(REPO)).isEqualTo(2);
        assertThat(github.issues(REPO)).hasSize(1);
    }

    @Test
    void shouldWaitForTheSecondaryRateLimitOf403AndRetry() throws Exception {
        github.repository(REPO).secondaryRateLimitOnCreate(REPO, 403, 1);

        tracker(Duration.ofMinutes(1)).create(draft("FU-1"));

        assertThat(github.createRequests(REPO)).isEqualTo(2);
        assertThat(github.issues(REPO)).hasSize(1);
    }

    @Test
    void shouldNotSleepThroughARateLimitLongerThanAllowed() {
        // given a reset an hour away and a client that may wait ten seconds
        github.repository(REPO).primaryRateLimitOnCreate(REPO, Instant.now().plusSeconds(3600));

        // when / then: a passing failure, not a refusal, so it is retried later
        assertThatThrownBy(() -> tracker(Duration.ofSeconds(10)).create(draft("FU-1")))
                .isNotInstanceOf(TrackerRefusedException.class)
                .hasMessageContaining("more than the 10 s allowed");
        assertThat(github.issues(REPO)).isEmpty();
    }

    @Test
    void shouldNotSendACreateAgainWhenTheConnectionBrokeBeforeTheAnswer() throws Exception {
        // given GitHub created the issue but the answer was lost
        github.repository(REPO).connectionLostAfterCreate(REPO);
        GitHubIssueTracker tracker = tracker(Duration.ofMinutes(1));

        // when
        assertThatThrownBy(() -> tracker.create(draft("FU-1")))
                .isNotInstanceOf(TrackerRefusedException.class);

        // then the next attempt finds the issue instead of creating a second one
        assertThat(github.createRequests(REPO)).isEqualTo(1);
        assertThat(tracker.find(draft("FU-1"))).isPresent();
    }

    @Test
    void shouldExplainA404AsARepositoryTheTokenMayNotSee() {
        github.hiddenRepository(REPO);

        assertThatThrownBy(() -> tracker(Duration.ofMinutes(1)).create(draft("FU-1")))
                .isInstanceOf(TrackerRefusedException.class)
                .hasMessage(
                        "GitHub answered 404 when trying to create the issue of inc-1/FU-1 in"
                                + " acme-corp/platform: the repository does not exist or the token"
                                + " may not see it (GitHub answers 404 when a token lacks access)");
    }

    @Test
    void shouldExplainA403WithoutRateLimitAsAMissingPermission() {
        github.repository(REPO).createForbidden(REPO);

        assertThatThrownBy(() -> tracker(Duration.ofMinutes(1)).create(draft("FU-1")))
                .isInstanceOf(TrackerRefusedException.class)
                .hasMessageContaining("GitHub answered 403")
                .hasMessageContaining("the token lacks permission");
    }

    private GitHubIssueTracker tracker(Duration maxWait) throws Exception {
        return GitHubIssueTracker.connect(github.apiUrl(), TOKEN, maxWait);
    }

    private static ExportMarker marker(String followUpId) {
        return new ExportMarker("inc-1", followUpId);
    }

    private static IssueDraft draft(String followUpId) {
        return new IssueDraft(
                REPO,
                "Add a gateway alarm",
                "Add a gateway alarm\n\n" + marker(followUpId).text() + "\n",
                List.of("incident", "follow-up", "severity:P1"),
                "bob",
                marker(followUpId),
                Instant.parse("2026-11-30T08:00:00Z"));
    }
}
