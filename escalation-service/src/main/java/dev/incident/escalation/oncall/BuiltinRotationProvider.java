package dev.incident.escalation.oncall;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.incident.escalation.domain.Person;
import dev.incident.escalation.domain.ProviderChoice;

/**
 * Pages from the schedule's own rotations: finds who is on call for the layer and writes the page
 * to the local outbox, where slack-gateway's page message (from the Escalated event) reaches them.
 */
public final class BuiltinRotationProvider implements OnCallProvider {

    private final PagesOutbox outbox;

    public BuiltinRotationProvider(PagesOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public String name() {
        return ProviderChoice.BUILTIN;
    }

    @Override
    public Optional<Paged> page(PageRequest request) {
        Optional<Person> onCall = request.schedule().onCall(request.layer(), request.at());
        onCall.ifPresent(person -> outbox.append(line(request, person)));
        return onCall.map(person -> new Paged(person.actor(), request.dedupKey()));
    }

    private static Map<String, Object> line(PageRequest request, Person person) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("at", request.at().toString());
        line.put("incidentId", request.incidentId());
        line.put("reference", request.reference());
        line.put("schedule", request.schedule().name());
        line.put("layer", request.layer());
        line.put("slackUserId", person.slackId());
        line.put("name", person.name());
        line.put("email", person.email());
        line.put("text", request.summary());
        line.put("dedupKey", request.dedupKey());
        return line;
    }
}
