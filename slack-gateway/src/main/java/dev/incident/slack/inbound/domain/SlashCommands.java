package dev.incident.slack.inbound.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.incident.events.command.IncidentCommand;
import dev.incident.events.command.IncidentCommand.AddFollowUp;
import dev.incident.events.command.IncidentCommand.AssignRole;
import dev.incident.events.command.IncidentCommand.ChangeStatus;
import dev.incident.events.command.IncidentCommand.CloseIncident;
import dev.incident.events.command.IncidentCommand.ConfirmSeverity;
import dev.incident.events.command.IncidentCommand.DeclareIncident;
import dev.incident.events.command.IncidentCommand.DeclineIncident;
import dev.incident.events.command.IncidentCommand.RequestEscalation;
import dev.incident.events.command.IncidentCommand.UpdateSummary;
import dev.incident.events.model.Actor;
import dev.incident.events.model.DeclarationSource;
import dev.incident.events.model.IncidentMode;
import dev.incident.events.model.IncidentStatus;
import dev.incident.events.model.Role;
import dev.incident.events.model.Severity;
import dev.incident.events.state.IncidentIds;
import dev.incident.slack.inbound.domain.Decision.ModalKind;
import dev.incident.slack.inbound.domain.Decision.OpenModal;
import dev.incident.slack.inbound.domain.Decision.Reply;
import dev.incident.slack.inbound.domain.Decision.Send;

/**
 * The {@code /inc} slash command: its text becomes a decision. Inside an incident channel it acts
 * on that channel's incident; elsewhere the incident is named by its reference, first or right
 * after the subcommand ({@code /inc INC-7K3P close fixed} or {@code /inc close INC-7K3P fixed}).
 */
public final class SlashCommands {

    public static final String HELP =
            String.join(
                    "\n",
                    "*/inc* runs an incident from Slack. In an incident channel it acts on that"
                            + " incident; elsewhere name it: `/inc INC-XXXX <subcommand> ...`.",
                    "`/inc declare <title>`: declare an incident now, in triage"
                            + " (`/inc declare` alone opens the form)",
                    "`/inc severity p1|p2`: confirm a triage incident"
                            + " (`/inc severity` alone asks the triage questions)",
                    "`/inc decline <reason>`: it was not an incident",
                    "`/inc update [investigating|fixing|monitoring] <summary>`: status and summary",
                    "`/inc escalate [ic|oe|<schedule>] [reason]`: page someone",
                    "`/inc role ic|oe <@user>`: give a role",
                    "`/inc followup <text>`: something to do afterwards",
                    "`/inc close <resolution>`: close the incident",
                    "`/inc status`: where the incident stands",
                    "`/inc help`: this text");

    private static final Pattern REFERENCE = Pattern.compile("(?i)INC-[A-Z0-9]{4,}");
    private static final Pattern USER =
            Pattern.compile("<@([A-Z0-9]+)(?:\\|([^>]*))?>|@?(U[A-Z0-9]+)");

    private final IncidentDirectory directory;
    private final Permissions permissions;

    public SlashCommands(IncidentDirectory directory, Permissions permissions) {
        this.directory = directory;
        this.permissions = permissions;
    }

    /** The decision for {@code /inc <text>} typed by {@code requester}. */
    public Decision decide(String text, Requester requester, String channelName) {
        List<String> words = words(text);
        String reference = takeReference(words, 0);
        String sub = words.isEmpty() ? "help" : words.remove(0).toLowerCase(Locale.ROOT);
        if (reference == null) {
            reference = takeReference(words, 0);
        }

        if (sub.equals("declare")) {
            return declare(String.join(" ", words), requester, channelName);
        }
        if (!isSubcommand(sub)) {
            return new Reply(HELP);
        }

        Optional<IncidentView> incident =
                reference != null
                        ? directory.byReference(reference)
                        : directory.byChannel(requester.channelId());
        if (incident.isEmpty()) {
            return new Reply(noIncident(reference, sub));
        }
        return decide(sub, words, incident.get(), requester);
    }

    private Decision decide(
            String sub, List<String> words, IncidentView incident, Requester requester) {
        String rest = String.join(" ", words);
        switch (sub) {
            case "severity":
                return severity(words, incident);
            case "decline":
                return decline(rest, incident, requester);
            case "update":
                return update(words, incident);
            case "escalate":
                return escalate(words, incident);
            case "role":
                return role(words, incident);
            case "followup":
                return rest.isBlank()
                        ? new Reply("Say what to follow up: `/inc followup <text>`")
                        : send(incident, new AddFollowUp(rest), "follow-up added");
            case "close":
                return close(rest, incident, requester);
            case "status":
                return new Reply(status(incident));
            default:
                return new Reply(HELP);
        }
    }

    private static boolean isSubcommand(String sub) {
        return List.of(
                        "severity",
                        "decline",
                        "update",
                        "escalate",
                        "role",
                        "followup",
                        "close",
                        "status")
                .contains(sub);
    }

    private static Decision declare(String title, Requester requester, String channelName) {
        if (title.isBlank()) {
            return new OpenModal(ModalKind.DECLARE, null);
        }
        Map<String, String> details =
                channelName == null || channelName.isBlank()
                        ? Map.of("channelId", nullToEmpty(requester.channelId()))
                        : Map.of(
                                "channelId",
                                nullToEmpty(requester.channelId()),
                                "channelName",
                                channelName);
        DeclareIncident declare =
                new DeclareIncident(
                        title,
                        null,
                        DeclarationSource.SLASH_COMMAND,
                        IncidentMode.TRIAGE,
                        null,
                        null,
                        requester.actor(),
                        null,
                        details);
        return new Send(IncidentIds.fresh(), declare, "declare \"" + title + "\" (triage)");
    }

    private static Decision severity(List<String> words, IncidentView incident) {
        if (words.isEmpty()) {
            return incident.status() == IncidentStatus.TRIAGE
                    ? new OpenModal(ModalKind.TRIAGE, incident)
                    : new Reply("Say which: `/inc severity p1` or `/inc severity p2`");
        }
        Optional<Severity> severity = severityOf(words.get(0));
        if (severity.isEmpty()) {
            return new Reply("Severity is `p1` or `p2`, not `" + words.get(0) + "`");
        }
        return send(
                incident,
                new ConfirmSeverity(severity.get(), List.of()),
                "confirm as " + severity.get());
    }

    private Decision decline(String reason, IncidentView incident, Requester requester) {
        if (reason.isBlank()) {
            return new Reply("Say why it is not an incident: `/inc decline <reason>`");
        }
        Optional<String> refusal = permissions.refusal("decline", requester.userId(), incident);
        if (refusal.isPresent()) {
            return new Reply(refusal.get());
        }
        return send(incident, new DeclineIncident(reason), "decline");
    }

    private static Decision update(List<String> words, IncidentView incident) {
        if (words.isEmpty()) {
            return new Reply(
                    "Say what changed: `/inc update [investigating|fixing|monitoring] <summary>`");
        }
        Optional<IncidentStatus> status = statusOf(words.get(0));
        if (status.isPresent()) {
            String summary = String.join(" ", words.subList(1, words.size()));
            return send(
                    incident,
                    new ChangeStatus(status.get(), summary.isBlank() ? null : summary),
                    "move to " + status.get().name().toLowerCase(Locale.ROOT));
        }
        return send(incident, new UpdateSummary(String.join(" ", words)), "update the summary");
    }

    private static Decision escalate(List<String> words, IncidentView incident) {
        String target = words.isEmpty() ? "ic" : words.get(0);
        if (target.equalsIgnoreCase("ic") || target.equalsIgnoreCase("oe")) {
            target = target.toLowerCase(Locale.ROOT);
        }
        String reason = words.size() < 2 ? null : String.join(" ", words.subList(1, words.size()));
        return send(incident, new RequestEscalation(target, reason), "page " + target);
    }

    private static Decision role(List<String> words, IncidentView incident) {
        Optional<Role> role = words.isEmpty() ? Optional.empty() : roleOf(words.get(0));
        Optional<Actor> user = words.size() < 2 ? Optional.empty() : userOf(words.get(1));
        if (role.isEmpty() || user.isEmpty()) {
            return new Reply("Say which role and who: `/inc role ic|oe @someone`");
        }
        return send(
                incident,
                new AssignRole(role.get(), user.get()),
                "give " + roleName(role.get()) + " to <@" + user.get().id() + ">");
    }

    private Decision close(String resolution, IncidentView incident, Requester requester) {
        if (resolution.isBlank()) {
            return new Reply("Say how it ended: `/inc close <resolution>`");
        }
        Optional<String> refusal = permissions.refusal("close", requester.userId(), incident);
        if (refusal.isPresent()) {
            return new Reply(refusal.get());
        }
        return send(incident, new CloseIncident(resolution), "close");
    }

    private static Send send(IncidentView incident, IncidentCommand command, String what) {
        return new Send(incident.incidentId(), command, what + " for " + incident.name());
    }

    /** The status line of an incident, as the gateway knows it. */
    public static String status(IncidentView incident) {
        StringBuilder text = new StringBuilder("*" + incident.name() + "*");
        if (incident.title() != null) {
            text.append(": ").append(incident.title());
        }
        text.append("\nStatus: ").append(lower(incident.status()));
        text.append(", severity: ")
                .append(incident.severity() == null ? "not yet known" : incident.severity());
        text.append("\nCoordinator: ").append(mention(incident.coordinatorId()));
        text.append(", operations engineer: ").append(mention(incident.engineerId()));
        if (incident.summary() != null && !incident.summary().isBlank()) {
            text.append("\nSummary: ").append(incident.summary());
        }
        return text.toString();
    }

    private static String noIncident(String reference, String sub) {
        if (reference != null) {
            return "I do not know an incident " + reference + ".";
        }
        return "This channel is not an incident channel. Name the incident: `/inc INC-XXXX "
                + sub
                + " ...`";
    }

    static Optional<Severity> severityOf(String word) {
        String value = word.toUpperCase(Locale.ROOT);
        return value.equals("P1") || value.equals("P2")
                ? Optional.of(Severity.valueOf(value))
                : Optional.empty();
    }

    static Optional<IncidentStatus> statusOf(String word) {
        String value = word.toUpperCase(Locale.ROOT);
        return value.equals("INVESTIGATING") || value.equals("FIXING") || value.equals("MONITORING")
                ? Optional.of(IncidentStatus.valueOf(value))
                : Optional.empty();
    }

    static Optional<Role> roleOf(String word) {
        String value = word.toLowerCase(Locale.ROOT);
        if (value.equals("ic")) {
            return Optional.of(Role.INCIDENT_COORDINATOR);
        }
        return value.equals("oe") ? Optional.of(Role.OPERATIONS_ENGINEER) : Optional.empty();
    }

    static Optional<Actor> userOf(String word) {
        Matcher matcher = USER.matcher(word.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String id = matcher.group(1) != null ? matcher.group(1) : matcher.group(3);
        return Optional.of(Actor.slackUser(id, matcher.group(2)));
    }

    static String roleName(Role role) {
        return role == Role.INCIDENT_COORDINATOR ? "incident coordinator" : "operations engineer";
    }

    private static String takeReference(List<String> words, int index) {
        if (words.size() > index && REFERENCE.matcher(words.get(index)).matches()) {
            return words.remove(index).toUpperCase(Locale.ROOT);
        }
        return null;
    }

    private static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(Arrays.asList(text.strip().split("\\s+")));
    }

    private static String mention(String userId) {
        return userId == null ? "nobody yet" : "<@" + userId + ">";
    }

    private static String lower(Enum<?> value) {
        return value == null ? "unknown" : value.name().toLowerCase(Locale.ROOT);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
