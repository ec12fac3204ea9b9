package dev.incident.escalation.oncall;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import dev.incident.escalation.domain.OnCallSetup;
import dev.incident.escalation.domain.Person;
import dev.incident.escalation.domain.ProviderChoice;
import dev.incident.events.model.Actor;
import dev.incident.events.model.ActorSource;

/**
 * Opsgenie's REST API v2: who is on call for a schedule (by name), then an alert with that person
 * as responder. Layer N is the N-th on-call recipient Opsgenie lists for the schedule.
 */
public final class OpsgenieProvider implements OnCallProvider {

    private final String baseUrl;
    private final String apiKey;
    private final ProviderHttp http;
    private final OnCallSetup setup;

    public OpsgenieProvider(String baseUrl, String apiKey, Duration timeout, OnCallSetup setup) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.apiKey = apiKey;
        this.http = new ProviderHttp(name(), timeout);
        this.setup = setup;
    }

    @Override
    public String name() {
        return ProviderChoice.OPSGENIE;
    }

    @Override
    public Optional<Paged> page(PageRequest request) throws ProviderException {
        List<String> recipients = onCall(request.schedule().provider().reference(), request.at());
        if (recipients.size() < request.layer()) {
            return Optional.empty();
        }
        String username = recipients.get(request.layer() - 1);

        createAlert(request, username);
        return Optional.of(new Paged(person(username), request.dedupKey()));
    }

    private List<String> onCall(String schedule, Instant at) throws ProviderException {
        String url =
                baseUrl
                        + "/v2/schedules/"
                        + ProviderHttp.encodeSegment(schedule)
                        + "/on-calls?scheduleIdentifierType=name&flat=true&date="
                        + ProviderHttp.encode(at.truncatedTo(ChronoUnit.SECONDS).toString());
        JsonNode body = http.send(authorised(url).GET().build(), "who is on call for " + schedule);
        return texts(body.path("data").path("onCallRecipients"));
    }

    private void createAlert(PageRequest request, String username) throws ProviderException {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("message", truncate(request.summary(), 130));
        alert.put("alias", request.dedupKey());
        alert.put("description", request.reason());
        alert.put("responders", List.of(Map.of("type", "user", "username", username)));
        alert.put("tags", List.of("incident", request.schedule().name()));
        alert.put(
                "details",
                Map.of(
                        "incidentId", request.incidentId(),
                        "schedule", request.schedule().name(),
                        "layer", String.valueOf(request.layer())));
        alert.put("source", "escalation-service");
        alert.put("priority", "P1");

        http.send(
                authorised(baseUrl + "/v2/alerts").POST(ProviderHttp.json(alert)).build(),
                "the alert for " + request.incidentId());
    }

    private HttpRequest.Builder authorised(String url) {
        return http.request(url).header("Authorization", "GenieKey " + apiKey);
    }

    /** A configured person when Opsgenie's username is their email, else Opsgenie's name. */
    private Actor person(String username) {
        return setup.personByEmail(username)
                .map(Person::actor)
                .orElseGet(() -> new Actor(ActorSource.ON_CALL_PROVIDER, username, username));
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
