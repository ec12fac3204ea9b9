package dev.incident.slack.inbound.domain;

import dev.incident.events.command.CommandResult;
import dev.incident.events.command.CommandResult.Accepted;
import dev.incident.events.command.CommandResult.Duplicate;
import dev.incident.events.command.CommandResult.Rejected;

/** The sentences a person reads about their request. */
public final class ResultTexts {

    private ResultTexts() {}

    public static String sent(String what) {
        return "On it: " + what + ". I will tell you when incident-core has decided.";
    }

    public static String of(CommandResult result, String what) {
        if (result instanceof Accepted accepted) {
            return "Done: " + what + suffix(accepted.reference()) + ".";
        }
        if (result instanceof Duplicate duplicate) {
            return "Already done: " + what + suffix(duplicate.reference()) + ".";
        }
        return "Refused: could not " + what + ". " + ((Rejected) result).reason();
    }

    public static boolean isRefusal(CommandResult result) {
        return result instanceof Rejected;
    }

    public static String notSent(String what) {
        return "Could not pass on your request to " + what + ". Please try again in a moment.";
    }

    public static String noAnswer(String what) {
        return "No answer from incident-core yet on your request to "
                + what
                + ". It may still happen; check with /inc status.";
    }

    private static String suffix(String reference) {
        return reference == null ? "" : " (" + reference + ")";
    }
}
