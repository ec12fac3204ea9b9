package dev.incident.slack.inbound.domain;

import java.util.List;

import dev.incident.events.model.Severity;
import dev.incident.events.model.TriageAnswer;

/** The triage questions: any "yes" recommends P1, otherwise P2. */
public final class TriageDecision {

    public static final String YES = "yes";
    public static final String NO = "no";

    private final List<String> questions;

    public TriageDecision(List<String> questions) {
        this.questions = List.copyOf(questions);
    }

    public List<String> questions() {
        return questions;
    }

    public Severity recommend(List<TriageAnswer> answers) {
        boolean anyYes = answers.stream().anyMatch(a -> YES.equalsIgnoreCase(a.answer()));
        return anyYes ? Severity.P1 : Severity.P2;
    }
}
