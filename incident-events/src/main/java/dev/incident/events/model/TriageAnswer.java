package dev.incident.events.model;

import java.util.Objects;

/** One question of the triage decision and the answer given when the severity was confirmed. */
public record TriageAnswer(String question, String answer) {

    public TriageAnswer {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
    }
}
