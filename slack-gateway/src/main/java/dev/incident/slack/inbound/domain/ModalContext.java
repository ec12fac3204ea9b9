package dev.incident.slack.inbound.domain;

import java.util.List;

import dev.incident.events.model.TriageAnswer;

/**
 * What a modal carries in its {@code private_metadata} from the request that opened it to its
 * submission: the incident, or the source message for a declaration, and where to answer.
 */
public record ModalContext(
        String incidentId,
        String teamId,
        String channelId,
        String messageTs,
        String permalink,
        String responseUrl,
        List<TriageAnswer> answers) {

    public ModalContext {
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    public static ModalContext forIncident(
            String incidentId, String teamId, String channelId, String responseUrl) {
        return new ModalContext(incidentId, teamId, channelId, null, null, responseUrl, List.of());
    }

    public ModalContext withAnswers(List<TriageAnswer> newAnswers) {
        return new ModalContext(
                incidentId, teamId, channelId, messageTs, permalink, responseUrl, newAnswers);
    }
}
