package dev.incident.tickets.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.incident.events.model.Actor;
import dev.incident.events.model.ActorSource;
import dev.incident.events.model.Customer;
import dev.incident.events.model.Role;
import dev.incident.events.state.IncidentState;
import dev.incident.events.state.IncidentState.FollowUp;

/**
 * Turns a follow-up of an incident into the issue that should exist for it: which repository, the
 * title, a body with the incident's facts and links, the labels and the assignee.
 */
public final class IssueComposer {

    public static final String INCIDENT_LABEL = "incident";
    public static final String FOLLOW_UP_LABEL = "follow-up";

    /** GitHub accepts longer titles, but a title is read in lists: keep it to one line. */
    private static final int MAX_TITLE = 200;

    /** Clocks of the tracker and of incident-core may differ a little. */
    private static final Duration CLOCK_MARGIN = Duration.ofHours(1);

    private final String defaultRepository;
    private final Map<String, String> customerRepositories;
    private final Map<String, String> assignees;
    private final String incidentLinkTemplate;

    /**
     * @param customerRepositories customer id to owner/name
     * @param assignees Slack user id to tracker login
     * @param incidentLinkTemplate a link to the incident with {@code {incidentId}} and {@code
     *     {reference}} placeholders, or null
     */
    public IssueComposer(
            String defaultRepository,
            Map<String, String> customerRepositories,
            Map<String, String> assignees,
            String incidentLinkTemplate) {
        this.defaultRepository = defaultRepository;
        this.customerRepositories = Map.copyOf(customerRepositories);
        this.assignees = Map.copyOf(assignees);
        this.incidentLinkTemplate = incidentLinkTemplate;
    }

    public IssueDraft draft(IncidentState incident, FollowUp followUp) {
        ExportMarker marker = new ExportMarker(incident.incidentId(), followUp.id());
        Instant since = incident.declaredAt() == null ? Instant.EPOCH : incident.declaredAt();
        return new IssueDraft(
                repository(incident.customer()),
                title(followUp.text()),
                body(incident, followUp, marker),
                labels(incident),
                assignee(incident).orElse(null),
                marker,
                since.minus(CLOCK_MARGIN));
    }

    /** The customer's own repository when one is configured, else the default one. */
    String repository(Customer customer) {
        if (customer != null && customerRepositories.containsKey(customer.id())) {
            return customerRepositories.get(customer.id());
        }
        return defaultRepository;
    }

    static String title(String text) {
        String firstLine = text.strip().lines().findFirst().orElse("").strip();
        if (firstLine.isEmpty()) {
            return "Follow-up";
        }
        return firstLine.length() <= MAX_TITLE
                ? firstLine
                : firstLine.substring(0, MAX_TITLE - 1) + "…";
    }

    private String body(IncidentState incident, FollowUp followUp, ExportMarker marker) {
        StringBuilder body = new StringBuilder();
        body.append(followUp.text().strip()).append("\n\n");
        body.append("Follow-up ")
                .append(followUp.id())
                .append(" of incident ")
                .append(reference(incident))
                .append(incident.title() == null ? "" : ": " + incident.title())
                .append("\n\n");

        body.append("| | |\n| --- | --- |\n");
        row(body, "Incident", incidentCell(incident));
        row(body, "Severity", incident.severity() == null ? null : incident.severity().name());
        row(body, "Customer", customerCell(incident.customer()));
        row(body, "Coordinator", personCell(incident.role(Role.INCIDENT_COORDINATOR)));
        row(body, "Channel", link(channelName(incident), incident.channelUrl()));
        row(body, "Postmortem", link("postmortem", incident.postmortemUrl()));
        row(body, "Resolution", incident.resolution());

        body.append("\n").append(marker.text()).append("\n");
        return body.toString();
    }

    private static void row(StringBuilder body, String name, String value) {
        String cell = value == null || value.isBlank() ? "not known yet" : value;
        body.append("| ")
                .append(name)
                .append(" | ")
                .append(cell.replace("|", "\\|"))
                .append(" |\n");
    }

    private static String reference(IncidentState incident) {
        return incident.reference() == null ? incident.incidentId() : incident.reference();
    }

    private String incidentCell(IncidentState incident) {
        String text = reference(incident) + " (`" + incident.incidentId() + "`)";
        if (incidentLinkTemplate == null || incidentLinkTemplate.isBlank()) {
            return text;
        }
        String url =
                incidentLinkTemplate
                        .replace("{incidentId}", incident.incidentId())
                        .replace("{reference}", reference(incident));
        return "[" + reference(incident) + "](" + url + ") (`" + incident.incidentId() + "`)";
    }

    private static String customerCell(Customer customer) {
        if (customer == null) {
            return null;
        }
        String name = customer.name() == null ? customer.id() : customer.name();
        return name + " (`" + customer.id() + "`)";
    }

    private static String personCell(Optional<Actor> actor) {
        return actor.map(a -> a.name() == null ? a.id() : a.name()).orElse(null);
    }

    private static String channelName(IncidentState incident) {
        return incident.channelName() == null ? "channel" : "#" + incident.channelName();
    }

    private static String link(String text, String url) {
        return url == null || url.isBlank() ? null : "[" + text + "](" + url + ")";
    }

    private static List<String> labels(IncidentState incident) {
        List<String> labels = new ArrayList<>(List.of(INCIDENT_LABEL, FOLLOW_UP_LABEL));
        if (incident.severity() != null) {
            labels.add("severity:" + incident.severity().name());
        }
        return labels;
    }

    /** The coordinator's tracker login, when the coordinator is a Slack user with a mapping. */
    private Optional<String> assignee(IncidentState incident) {
        return incident.role(Role.INCIDENT_COORDINATOR)
                .filter(actor -> actor.source() == ActorSource.SLACK_USER)
                .map(actor -> assignees.get(actor.id()));
    }
}
