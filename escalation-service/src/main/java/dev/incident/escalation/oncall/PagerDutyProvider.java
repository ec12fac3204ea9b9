package dev.incident.escalation.oncall;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
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
 * PagerDuty: the REST API's {@code /oncalls} for who is on call on an escalation policy (layer N is
 * escalation level N), then an Events API v2 trigger. The Events API pages the service's escalation
 * policy, not one person; the page is recorded for whoever is on call at that level.
 */
public final class PagerDutyProvider implements OnCallProvider {

    private final String apiUrl;
    private final String eventsUrl;
    private final String apiToken;
    private final String routingKey;
    private final ProviderHttp http;
    private final OnCallSetup setup;

    public PagerDutyProvider(
            String apiUrl,
            String eventsUrl,
            String apiToken,
            String routingKey,
            Duration timeout,
            OnCallSetup setup) {
        this.apiUrl = apiUrl.replaceAll("/+$", "");
        this.eventsUrl = eventsUrl.replaceAll("/+$", "");
        this.apiToken = apiToken;
        this.routingKey = routingKey;
        this.http = new ProviderHttp(name(), timeout);
        this.setup = setup;
    }

    @Override
    public String name() {
        return ProviderChoice.PAGERDUTY;
    }

    @Override
    public Optional<Paged> page(PageRequest request) throws ProviderException {
        Optional<JsonNode> user = onCall(request);
        if (user.isEmpty()) {
            return Optional.empty();
        }

        String dedupKey = trigger(request, user.get());
        return Optional.of(new Paged(person(user.get()), dedupKey));
    }

    /** The user on call at the request's escalation level, with their email (include users). */
    private Optional<JsonNode> onCall(PageRequest request) throws ProviderException {
        String policy = request.schedule().provider().reference();
        String at = request.at().truncatedTo(ChronoUnit.SECONDS).toString();
        String until = Instant.parse(at).plusSeconds(1).toString();
        String url =
                apiUrl
                        + "/oncalls?escalation_policy_ids%5B%5D="
                        + ProviderHttp.encode(policy)
                        + "&include%5B%5D=users&time_zone=UTC&since="
                        + ProviderHttp.encode(at)
                        + "&until="
                        + ProviderHttp.encode(until);
        HttpRequest get =
                http.request(url)
                        .header("Authorization", "Token token=" + apiToken)
                        .header("Accept", "application/vnd.pagerduty+json;version=2")
                        .GET()
                        .build();
        JsonNode body = http.send(get, "who is on call for " + policy);

        return StreamSupport.stream(body.path("oncalls").spliterator(), false)
                .filter(entry -> entry.path("escalation_level").asInt() == request.layer())
                .map(entry -> entry.path("user"))
                .filter(u -> !u.isMissingNode())
                .findFirst();
    }

    private String trigger(PageRequest request, JsonNode user) throws ProviderException {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("incidentId", request.incidentId());
        details.put("schedule", request.schedule().name());
        details.put("layer", request.layer());
        details.put("onCall", user.path("email").asText(user.path("summary").asText()));

        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("summary", request.summary());
        payload.put("source", "escalation-service");
        payload.put("severity", "critical");
        payload.put("custom_details", details);

        Map<String, Object> event = new LinkedHashMap<>();
        event.put("routing_key", routingKey);
        event.put("event_action", "trigger");
        event.put("dedup_key", request.dedupKey());
        event.put("payload", payload);

        HttpRequest post =
                http.request(eventsUrl + "/v2/enqueue").POST(ProviderHttp.json(event)).build();
        JsonNode answer = http.send(post, "the trigger for " + request.incidentId());
        return answer.path("dedup_key").asText(request.dedupKey());
    }

    /** A configured person with that email, else PagerDuty's own user. */
    private Actor person(JsonNode user) {
        String email = user.path("email").asText(null);
        Optional<Person> known = email == null ? Optional.empty() : setup.personByEmail(email);
        String name = user.path("name").asText(user.path("summary").asText(null));
        return known.map(Person::actor)
                .orElseGet(
                        () ->
                                new Actor(
                                        ActorSource.ON_CALL_PROVIDER,
                                        email != null ? email : user.path("id").asText(),
                                        name));
    }
}
