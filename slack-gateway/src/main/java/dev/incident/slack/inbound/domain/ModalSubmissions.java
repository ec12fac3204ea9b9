package dev.incident.slack.inbound.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.incident.events.command.IncidentCommand;
import dev.incident.events.command.IncidentCommand.ChangeStatus;
import dev.incident.events.command.IncidentCommand.ConfirmSeverity;
import dev.incident.events.command.IncidentCommand.DeclareIncident;
import dev.incident.events.command.IncidentCommand.DeclineIncident;
import dev.incident.events.command.IncidentCommand.RequestEscalation;
import dev.incident.events.command.IncidentCommand.UpdateSummary;
import dev.incident.events.model.Customer;
import dev.incident.events.model.DeclarationSource;
import dev.incident.events.model.IncidentMode;
import dev.incident.events.model.IncidentStatus;
import dev.incident.events.model.Severity;
import dev.incident.events.model.TriageAnswer;
import dev.incident.events.state.IncidentIds;

/**
 * Submitted modals become commands. The modals' {@code callback_id}s and the block ids of their
 * inputs are named here; {@code values} maps each block id to what was typed or picked.
 */
public final class ModalSubmissions {

    public static final String DECLARE = "declare_incident";
    public static final String TRIAGE = "incident_triage";
    public static final String TRIAGE_CONFIRM = "incident_triage_confirm";
    public static final String ESCALATE = "incident_escalate";
    public static final String UPDATE = "incident_update";
    public static final String DECLINE = "incident_decline";

    public static final String UNKNOWN_SEVERITY = "unknown";
    public static final String KEEP_STATUS = "keep";

    /** What a submission leads to. */
    public sealed interface Outcome {}

    /** Send a command; the modal closes. */
    public record Submit(String incidentId, IncidentCommand command, String what)
            implements Outcome {}

    /** Show the person what to fix, by block id; the modal stays open. */
    public record Invalid(Map<String, String> errors) implements Outcome {}

    /** Replace the modal with the triage recommendation. */
    public record Recommend(Severity recommended, ModalContext context) implements Outcome {}

    /** A person may not do this; the modal closes and the reason reaches them. */
    public record Refused(String reason) implements Outcome {}

    private final TriageDecision triage;
    private final Permissions permissions;
    private final IncidentDirectory directory;

    public ModalSubmissions(
            TriageDecision triage, Permissions permissions, IncidentDirectory directory) {
        this.triage = triage;
        this.permissions = permissions;
        this.directory = directory;
    }

    public static boolean isKnown(String callbackId) {
        return List.of(DECLARE, TRIAGE, TRIAGE_CONFIRM, ESCALATE, UPDATE, DECLINE)
                .contains(callbackId);
    }

    /** The outcome of submitting modal {@code callbackId}, with {@code viewId} Slack's view id. */
    public Outcome decide(
            String callbackId,
            String viewId,
            Map<String, String> values,
            ModalContext context,
            Requester requester) {
        switch (callbackId) {
            case DECLARE:
                return declare(viewId, values, context, requester);
            case TRIAGE:
                return triage(values, context);
            case TRIAGE_CONFIRM:
                return triageConfirmed(values, context);
            case ESCALATE:
                return escalate(values, context);
            case UPDATE:
                return update(values, context);
            default:
                return decline(values, context, requester);
        }
    }

    private Outcome declare(
            String viewId, Map<String, String> values, ModalContext context, Requester requester) {
        String title = text(values, "title");
        if (title == null) {
            return new Invalid(Map.of("title", "Give the incident a name."));
        }
        boolean fromMessage = context.messageTs() != null && !context.messageTs().isBlank();
        String teamId = context.teamId() == null ? requester.teamId() : context.teamId();
        String incidentId =
                fromMessage
                        ? IncidentIds.fromSlackMessage(
                                teamId, context.channelId(), context.messageTs())
                        : IncidentIds.fromSlackMessage(teamId, "modal", viewId);

        IncidentMode mode =
                "live".equalsIgnoreCase(text(values, "mode"))
                        ? IncidentMode.LIVE
                        : IncidentMode.TRIAGE;
        String customer = text(values, "customer");
        DeclareIncident declare =
                new DeclareIncident(
                        title,
                        text(values, "summary"),
                        fromMessage
                                ? DeclarationSource.SLACK_SHORTCUT
                                : DeclarationSource.SLASH_COMMAND,
                        mode,
                        SlashCommands.severityOf(nullToEmpty(text(values, "severity")))
                                .orElse(null),
                        customer == null ? null : new Customer(slug(customer), customer, false),
                        requester.actor(),
                        context.permalink(),
                        sourceDetails(context, teamId));
        String what = "declare \"" + title + "\" (" + mode.name().toLowerCase(Locale.ROOT) + ")";
        return new Submit(incidentId, declare, what);
    }

    private Outcome triage(Map<String, String> values, ModalContext context) {
        List<TriageAnswer> answers = new ArrayList<>();
        Map<String, String> errors = new HashMap<>();
        List<String> questions = triage.questions();
        for (int i = 0; i < questions.size(); i++) {
            String answer = text(values, "q" + i);
            if (answer == null) {
                errors.put("q" + i, "Answer yes or no.");
            } else {
                answers.add(new TriageAnswer(questions.get(i), answer));
            }
        }
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        return new Recommend(triage.recommend(answers), context.withAnswers(answers));
    }

    private Outcome triageConfirmed(Map<String, String> values, ModalContext context) {
        Optional<Severity> chosen = SlashCommands.severityOf(nullToEmpty(text(values, "severity")));
        if (chosen.isEmpty()) {
            return new Invalid(Map.of("severity", "Pick P1 or P2."));
        }
        List<TriageAnswer> answers = new ArrayList<>(context.answers());
        Severity recommended = triage.recommend(context.answers());
        answers.add(new TriageAnswer("Recommended severity", recommended.name()));
        answers.add(new TriageAnswer("Confirmed severity", chosen.get().name()));
        return submit(
                context, new ConfirmSeverity(chosen.get(), answers), "confirm as " + chosen.get());
    }

    private Outcome escalate(Map<String, String> values, ModalContext context) {
        String target = text(values, "target");
        return submit(
                context,
                new RequestEscalation(target == null ? "ic" : target, text(values, "reason")),
                "page " + (target == null ? "ic" : target));
    }

    private Outcome update(Map<String, String> values, ModalContext context) {
        String status = text(values, "status");
        String summary = text(values, "summary");
        Optional<IncidentStatus> moveTo =
                status == null || status.equals(KEEP_STATUS)
                        ? Optional.empty()
                        : SlashCommands.statusOf(status);
        if (moveTo.isPresent()) {
            String what = "move to " + moveTo.get().name().toLowerCase(Locale.ROOT);
            return submit(context, new ChangeStatus(moveTo.get(), summary), what);
        }
        if (summary == null) {
            return new Invalid(Map.of("summary", "Pick a new status or write a summary."));
        }
        return submit(context, new UpdateSummary(summary), "update the summary");
    }

    private Outcome decline(Map<String, String> values, ModalContext context, Requester requester) {
        String reason = text(values, "reason");
        if (reason == null) {
            return new Invalid(Map.of("reason", "Say why it is not an incident."));
        }
        IncidentView incident = directory.byId(context.incidentId()).orElse(null);
        Optional<String> refusal = permissions.refusal("decline", requester.userId(), incident);
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        return submit(context, new DeclineIncident(reason), "decline");
    }

    private Outcome submit(ModalContext context, IncidentCommand command, String what) {
        String name =
                directory
                        .byId(context.incidentId())
                        .map(IncidentView::name)
                        .orElse(context.incidentId());
        return new Submit(context.incidentId(), command, what + " for " + name);
    }

    private static Map<String, String> sourceDetails(ModalContext context, String teamId) {
        Map<String, String> details = new HashMap<>();
        putIfPresent(details, "teamId", teamId);
        putIfPresent(details, "channelId", context.channelId());
        putIfPresent(details, "messageTs", context.messageTs());
        return details;
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    private static String text(Map<String, String> values, String blockId) {
        String value = values.get(blockId);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return slug.replaceAll("^-|-$", "");
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
