package dev.incident.tickets.github;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

/**
 * GitHub's REST API for issues, played by WireMock with the response shapes GitHub documents: the
 * repository, listing and creating issues (which it keeps, like GitHub does, so a restarted
 * exporter finds them), and the error answers of rate limits and missing permissions.
 */
public final class GitHubFake implements AutoCloseable {

    static final String RATE_LIMIT_DOCS =
            "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api";

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, List<ObjectNode>> issues = new ConcurrentHashMap<>();
    private final AtomicInteger numbers = new AtomicInteger(1346);
    private final WireMockServer server;

    public GitHubFake() {
        server = new WireMockServer(options().dynamicPort().extensions(new IssuesStore()));
        server.start();
    }

    public String apiUrl() {
        return server.baseUrl();
    }

    public WireMockServer server() {
        return server;
    }

    /** A repository the token can see, with its issue endpoints. */
    public GitHubFake repository(String fullName) {
        server.stubFor(get("/repos/" + fullName).willReturn(okJson(repositoryJson(fullName))));
        server.stubFor(issuesList(fullName).willReturn(stored()));
        server.stubFor(issuesCreate(fullName).willReturn(stored()));
        return this;
    }

    /** A repository GitHub answers 404 for, as it does when the token may not see it. */
    public GitHubFake hiddenRepository(String fullName) {
        server.stubFor(
                get("/repos/" + fullName)
                        .willReturn(
                                error(404, "Not Found", "repos/repos#get-a-repository")
                                        .withHeader("x-ratelimit-remaining", "4999")));
        return this;
    }

    /** Creating an issue is forbidden: the token lacks the Issues write permission. */
    public GitHubFake createForbidden(String fullName) {
        server.stubFor(
                issuesCreate(fullName)
                        .atPriority(1)
                        .willReturn(
                                error(
                                                403,
                                                "Resource not accessible by personal access token",
                                                "issues/issues#create-an-issue")
                                        .withHeader("x-ratelimit-limit", "5000")
                                        .withHeader("x-ratelimit-remaining", "4999")
                                        .withHeader("x-ratelimit-used", "1")
                                        .withHeader("x-ratelimit-resource", "core")));
        return this;
    }

    /**
     * The next create hits the primary rate limit (answered 403), which resets at {@code reset}.
     */
    public GitHubFake primaryRateLimitOnCreate(String fullName, Instant reset) {
        return primaryRateLimitOnCreate(fullName, 403, reset);
    }

    /** The next create hits the primary rate limit answered with {@code status} (403 or 429). */
    public GitHubFake primaryRateLimitOnCreate(String fullName, int status, Instant reset) {
        onceOnCreate(
                fullName,
                "primary",
                error(status, "API rate limit exceeded for user ID 1.", null)
                        .withHeader("x-ratelimit-limit", "5000")
                        .withHeader("x-ratelimit-remaining", "0")
                        .withHeader("x-ratelimit-used", "5000")
                        .withHeader("x-ratelimit-reset", String.valueOf(reset.getEpochSecond()))
                        .withHeader("x-ratelimit-resource", "core"));
        return this;
    }

    /** The next create hits a secondary rate limit answered with {@code status} and Retry-After. */
    public GitHubFake secondaryRateLimitOnCreate(String fullName, int status, int retryAfter) {
        onceOnCreate(
                fullName,
                "secondary",
                error(
                                status,
                                "You have exceeded a secondary rate limit. Please wait a few"
                                        + " minutes before you try again. If you reach out to"
                                        + " GitHub Support for help, please include the request"
                                        + " ID 0D6E:2B4C:1A2B3C:4D5E6F:6571A3C1.",
                                null)
                        .withHeader("retry-after", String.valueOf(retryAfter))
                        .withHeader("x-ratelimit-remaining", "4990"));
        return this;
    }

    /**
     * The next create reaches GitHub and creates the issue, but the connection breaks before the
     * answer arrives: the client cannot know whether it worked.
     */
    public GitHubFake connectionLostAfterCreate(String fullName) {
        server.stubFor(
                issuesCreate(fullName)
                        .atPriority(1)
                        .inScenario("lost")
                        .whenScenarioStateIs(STARTED)
                        .willReturn(
                                aResponse()
                                        .withTransformers(IssuesStore.NAME)
                                        .withFault(Fault.CONNECTION_RESET_BY_PEER))
                        .willSetStateTo("answered"));
        server.stubFor(
                issuesCreate(fullName)
                        .atPriority(1)
                        .inScenario("lost")
                        .whenScenarioStateIs("answered")
                        .willReturn(stored()));
        return this;
    }

    /** An issue already on GitHub, as if created by an exporter that then stopped. */
    public void existingIssue(String fullName, String title, String body, String... labels) {
        issues.computeIfAbsent(fullName, r -> new CopyOnWriteArrayList<>())
                .add(issueJson(fullName, title, body, Arrays.asList(labels), List.of()));
    }

    /** The issues GitHub holds for the repository. */
    public List<JsonNode> issues(String fullName) {
        return new ArrayList<>(issues.getOrDefault(fullName, List.of()));
    }

    /** How many create requests reached GitHub (including rate-limited ones). */
    public int createRequests(String fullName) {
        return server.countRequestsMatching(
                        postRequestedFor(urlPathEqualTo(issuesPath(fullName))).build())
                .getCount();
    }

    @Override
    public void close() {
        server.stop();
    }

    private void onceOnCreate(String fullName, String scenario, ResponseDefinitionBuilder limited) {
        server.stubFor(
                issuesCreate(fullName)
                        .atPriority(1)
                        .inScenario(scenario)
                        .whenScenarioStateIs(STARTED)
                        .willReturn(limited)
                        .willSetStateTo("waited"));
        server.stubFor(
                issuesCreate(fullName)
                        .atPriority(1)
                        .inScenario(scenario)
                        .whenScenarioStateIs("waited")
                        .willReturn(stored()));
    }

    private static MappingBuilder issuesList(String fullName) {
        return get(urlPathEqualTo(issuesPath(fullName)));
    }

    private static MappingBuilder issuesCreate(String fullName) {
        return post(urlPathEqualTo(issuesPath(fullName)));
    }

    private static String issuesPath(String fullName) {
        return "/repos/" + fullName + "/issues";
    }

    private static ResponseDefinitionBuilder stored() {
        return aResponse().withTransformers(IssuesStore.NAME);
    }

    private static ResponseDefinitionBuilder error(int status, String message, String docs) {
        String url = docs == null ? RATE_LIMIT_DOCS : "https://docs.github.com/rest/" + docs;
        String status404 = docs == null ? "" : ",\"status\":\"" + status + "\"";
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(
                        "{\"message\":\""
                                + message
                                + "\",\"documentation_url\":\""
                                + url
                                + "\""
                                + status404
                                + "}");
    }

    private String repositoryJson(String fullName) {
        String[] parts = fullName.split("/");
        ObjectNode repo = mapper.createObjectNode();
        repo.put("id", 1296269);
        repo.put("node_id", "MDEwOlJlcG9zaXRvcnkxMjk2MjY5");
        repo.put("name", parts[1]);
        repo.put("full_name", fullName);
        repo.set("owner", user(parts[0]));
        repo.put("private", true);
        repo.put("html_url", "https://github.com/" + fullName);
        repo.put("description", "Follow-ups of incidents");
        repo.put("fork", false);
        repo.put("url", apiUrl() + "/repos/" + fullName);
        repo.put("issues_url", apiUrl() + "/repos/" + fullName + "/issues{/number}");
        repo.put("has_issues", true);
        repo.put("open_issues_count", 0);
        repo.put("default_branch", "main");
        repo.put("visibility", "private");
        repo.put("created_at", "2011-01-26T19:01:12Z");
        repo.put("updated_at", "2011-01-26T19:14:43Z");
        return repo.toString();
    }

    private ObjectNode user(String login) {
        ObjectNode user = mapper.createObjectNode();
        user.put("login", login);
        user.put("id", login.hashCode() & 0x7fffffff);
        user.put("node_id", "MDQ6VXNlcjE=");
        user.put("url", apiUrl() + "/users/" + login);
        user.put("html_url", "https://github.com/" + login);
        user.put("type", "User");
        user.put("site_admin", false);
        return user;
    }

    private ObjectNode issueJson(
            String fullName, String title, String body, List<String> labels, List<String> to) {
        int number = numbers.incrementAndGet();
        String api = apiUrl() + "/repos/" + fullName;
        ObjectNode issue = mapper.createObjectNode();
        issue.put("id", 1000L + number);
        issue.put("node_id", "MDU6SXNzdWUx");
        issue.put("url", api + "/issues/" + number);
        issue.put("repository_url", api);
        issue.put("labels_url", api + "/issues/" + number + "/labels{/name}");
        issue.put("comments_url", api + "/issues/" + number + "/comments");
        issue.put("events_url", api + "/issues/" + number + "/events");
        issue.put("html_url", "https://github.com/" + fullName + "/issues/" + number);
        issue.put("number", number);
        issue.put("state", "open");
        issue.put("title", title);
        issue.put("body", body);
        issue.set("user", user("incident-bot"));
        ArrayNode labelNodes = issue.putArray("labels");
        for (String label : labels) {
            ObjectNode node = labelNodes.addObject();
            node.put("id", 208045946L + label.hashCode());
            node.put("node_id", "MDU6TGFiZWwyMDgwNDU5NDY=");
            node.put("url", api + "/labels/" + label);
            node.put("name", label);
            node.put("color", "f29513");
            node.put("default", false);
        }
        ArrayNode assignees = issue.putArray("assignees");
        to.forEach(login -> assignees.add(user(login)));
        issue.set("assignee", to.isEmpty() ? mapper.nullNode() : user(to.get(0)));
        issue.put("locked", false);
        issue.put("comments", 0);
        issue.putNull("closed_at");
        String now = Instant.now().toString();
        issue.put("created_at", now);
        issue.put("updated_at", now);
        issue.put("author_association", "MEMBER");
        return issue;
    }

    /** Keeps created issues and lists them, filtered by the {@code labels} parameter. */
    private final class IssuesStore implements ResponseDefinitionTransformerV2 {

        static final String NAME = "github-issues";

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            var request = event.getRequest();
            String path = request.getUrl().split("\\?")[0];
            String fullName =
                    path.substring("/repos/".length(), path.length() - "/issues".length());
            try {
                if (request.getMethod().getName().equals("POST")) {
                    ResponseDefinition created =
                            created(fullName, mapper.readTree(request.getBodyAsString()));
                    Fault fault = event.getResponseDefinition().getFault();
                    return fault == null
                            ? created
                            : ResponseDefinitionBuilder.responseDefinition()
                                    .withFault(fault)
                                    .build();
                }
                var labels = request.queryParameter("labels");
                return listed(fullName, labels.isPresent() ? labels.firstValue() : null);
            } catch (Exception e) {
                return ResponseDefinitionBuilder.responseDefinition()
                        .withStatus(500)
                        .withBody(e.toString())
                        .build();
            }
        }

        private ResponseDefinition created(String fullName, JsonNode request) {
            List<String> labels = new ArrayList<>();
            request.path("labels").forEach(label -> labels.add(label.asText()));
            List<String> to = new ArrayList<>();
            request.path("assignees").forEach(login -> to.add(login.asText()));
            ObjectNode issue =
                    issueJson(
                            fullName,
                            request.path("title").asText(),
                            request.path("body").asText(null),
                            labels,
                            to);
            issues.computeIfAbsent(fullName, r -> new CopyOnWriteArrayList<>()).add(issue);
            return ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withHeader("Location", issue.path("url").asText())
                    .withBody(issue.toString())
                    .build();
        }

        private ResponseDefinition listed(String fullName, String labelsParam) {
            List<String> wanted = labelsParam == null ? List.of() : List.of(labelsParam.split(","));
            ArrayNode list = mapper.createArrayNode();
            for (ObjectNode issue : issues.getOrDefault(fullName, List.of())) {
                List<String> names = new ArrayList<>();
                issue.path("labels").forEach(label -> names.add(label.path("name").asText()));
                if (names.containsAll(wanted)) {
                    list.add(issue);
                }
            }
            return ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody(list.toString())
                    .build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
