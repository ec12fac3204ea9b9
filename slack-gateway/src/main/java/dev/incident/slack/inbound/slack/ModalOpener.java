package dev.incident.slack.inbound.slack;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.incident.slack.inbound.domain.Decision.ModalKind;
import dev.incident.slack.inbound.domain.IncidentDirectory;
import dev.incident.slack.inbound.domain.IncidentView;
import dev.incident.slack.inbound.domain.ModalContext;
import dev.incident.slack.inbound.domain.ReplyTarget;
import dev.incident.slack.inbound.domain.TriageDecision;

/**
 * Opens a modal with {@code views.open} right after the request that asked for it was answered;
 * Slack's trigger id is valid for three seconds, so this does not wait for anything else.
 */
@ApplicationScoped
public class ModalOpener {

    private static final Logger LOG = Logger.getLogger(ModalOpener.class);

    private final SlackWebApi api;
    private final SlackReplies replies;
    private final TriageDecision triage;
    private final IncidentDirectory directory;
    private final Modals modals = new Modals();
    private final ExecutorService opener =
            Executors.newFixedThreadPool(2, r -> new Thread(r, "slack-inbound-views"));

    public ModalOpener(
            SlackWebApi api,
            SlackReplies replies,
            TriageDecision triage,
            IncidentDirectory directory) {
        this.api = api;
        this.replies = replies;
        this.triage = triage;
        this.directory = directory;
    }

    /** Opens a modal of {@code kind}; a failure reaches the person through {@code target}. */
    public void open(
            ModalKind kind,
            IncidentView incident,
            String triggerId,
            ModalContext context,
            String messageText,
            ReplyTarget target) {
        String view = view(kind, incident, context, messageText);
        opener.execute(
                () -> {
                    try {
                        Optional<String> error = api.openView(triggerId, view);
                        if (error.isPresent()) {
                            LOG.warnf("views.open for %s refused: %s", kind, error.get());
                            replies.answer(target, "Could not open the form: " + error.get());
                        }
                    } catch (Exception e) {
                        LOG.warnf(e, "views.open for %s failed", kind);
                        replies.answer(target, "Could not open the form; please try again.");
                    }
                });
    }

    private String view(
            ModalKind kind, IncidentView incident, ModalContext context, String messageText) {
        switch (kind) {
            case DECLARE:
                return modals.declare(context, messageText);
            case TRIAGE:
                return modals.triage(context, incident, triage);
            case ESCALATE:
                return modals.escalate(context, incident, directory.knownSchedules());
            case UPDATE:
                return modals.update(context, incident);
            default:
                return modals.decline(context, incident);
        }
    }

    @PreDestroy
    void close() {
        opener.shutdown();
    }
}
