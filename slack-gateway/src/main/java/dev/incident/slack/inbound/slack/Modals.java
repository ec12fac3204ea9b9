package dev.incident.slack.inbound.slack;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.incident.events.model.Severity;
import dev.incident.events.model.TriageAnswer;
import dev.incident.slack.inbound.domain.IncidentView;
import dev.incident.slack.inbound.domain.ModalContext;
import dev.incident.slack.inbound.domain.ModalSubmissions;
import dev.incident.slack.inbound.domain.TriageDecision;

/**
 * The modals as Block Kit JSON. Each input's {@code block_id} is the name {@link ModalSubmissions}
 * reads; the context travels in {@code private_metadata}.
 */
public final class Modals {

    private static final int TITLE_LIMIT = 150;
    private static final int TEXT_LIMIT = 2900;

    private final ObjectMapper json = new ObjectMapper();

    /** The declare form, prefilled from the source message when there is one. */
    public String declare(ModalContext context, String messageText) {
        ArrayNode blocks = json.createArrayNode();
        String text = messageText == null ? "" : messageText.strip();
        blocks.add(textInput("title", "Name", firstLine(text), false, false));
        blocks.add(
                radio(
                        "mode",
                        "Start it",
                        List.of(
                                option("live", "Live: it is an incident"),
                                option("triage", "Triage: not sure yet")),
                        "triage"));
        blocks.add(
                select(
                        "severity",
                        "Severity",
                        List.of(
                                option("p1", "P1"),
                                option("p2", "P2"),
                                option(ModalSubmissions.UNKNOWN_SEVERITY, "Not yet known")),
                        ModalSubmissions.UNKNOWN_SEVERITY));
        blocks.add(textInput("summary", "Summary", clip(text, TEXT_LIMIT), true, true));
        blocks.add(textInput("customer", "Customer", "", false, true));
        if (context.permalink() != null) {
            blocks.add(context("Declared from " + context.permalink()));
        }
        return view(ModalSubmissions.DECLARE, "Declare incident", "Declare", context, blocks);
    }

    /** The triage questions, each answered yes or no. */
    public String triage(ModalContext context, IncidentView incident, TriageDecision triage) {
        ArrayNode blocks = json.createArrayNode();
        blocks.add(section("Answer these to get a severity recommendation for " + name(incident)));
        List<String> questions = triage.questions();
        for (int i = 0; i < questions.size(); i++) {
            blocks.add(
                    radio(
                            "q" + i,
                            questions.get(i),
                            List.of(
                                    option(TriageDecision.YES, "Yes"),
                                    option(TriageDecision.NO, "No")),
                            null));
        }
        return view(ModalSubmissions.TRIAGE, "Triage decision", "Next", context, blocks);
    }

    /** The recommendation, with the severity preset to it; the person confirms or overrides. */
    public String triageConfirm(ModalContext context, Severity recommended) {
        ArrayNode blocks = json.createArrayNode();
        StringBuilder answers = new StringBuilder();
        for (TriageAnswer answer : context.answers()) {
            answers.append("• ").append(answer.question()).append(" *").append(answer.answer());
            answers.append("*\n");
        }
        blocks.add(section(answers + "\nRecommended: *" + recommended + "*"));
        blocks.add(
                select(
                        "severity",
                        "Confirm as",
                        List.of(option("p1", "P1"), option("p2", "P2")),
                        recommended.name().toLowerCase()));
        return view(ModalSubmissions.TRIAGE_CONFIRM, "Triage decision", "Confirm", context, blocks);
    }

    /** Whom to page: the coordinator schedule first, then the others the log has shown. */
    public String escalate(ModalContext context, IncidentView incident, List<String> schedules) {
        ArrayNode blocks = json.createArrayNode();
        List<ObjectNode> options = new java.util.ArrayList<>();
        options.add(option("ic", "Incident coordinator on call"));
        options.add(option("oe", "Operations engineer on call"));
        schedules.stream()
                .filter(s -> !s.equalsIgnoreCase("ic") && !s.equalsIgnoreCase("oe"))
                .forEach(s -> options.add(option(s, s)));
        blocks.add(section("Page someone for " + name(incident)));
        blocks.add(select("target", "Schedule", options, "ic"));
        blocks.add(textInput("reason", "Why", "", true, true));
        return view(ModalSubmissions.ESCALATE, "Escalate", "Page", context, blocks);
    }

    /** A new status, a new summary, or both. */
    public String update(ModalContext context, IncidentView incident) {
        ArrayNode blocks = json.createArrayNode();
        blocks.add(
                select(
                        "status",
                        "Status",
                        List.of(
                                option(ModalSubmissions.KEEP_STATUS, "Keep the status"),
                                option("investigating", "Investigating"),
                                option("fixing", "Fixing"),
                                option("monitoring", "Monitoring")),
                        ModalSubmissions.KEEP_STATUS));
        String summary = incident == null || incident.summary() == null ? "" : incident.summary();
        blocks.add(textInput("summary", "Summary for the customer", summary, true, true));
        return view(ModalSubmissions.UPDATE, "Update " + name(incident), "Update", context, blocks);
    }

    /** Why a triage incident is not one. */
    public String decline(ModalContext context, IncidentView incident) {
        ArrayNode blocks = json.createArrayNode();
        blocks.add(textInput("reason", "Why is it not an incident?", "", true, false));
        return view(
                ModalSubmissions.DECLINE, "Decline " + name(incident), "Decline", context, blocks);
    }

    private String view(
            String callbackId,
            String title,
            String submit,
            ModalContext context,
            ArrayNode blocks) {
        ObjectNode view = json.createObjectNode();
        view.put("type", "modal");
        view.put("callback_id", callbackId);
        view.set("title", plain(clip(title, 24)));
        view.set("submit", plain(submit));
        view.set("close", plain("Cancel"));
        view.put("private_metadata", write(context));
        view.set("blocks", blocks);
        return write(view);
    }

    private ObjectNode textInput(
            String blockId, String label, String initial, boolean multiline, boolean optional) {
        ObjectNode element = json.createObjectNode();
        element.put("type", "plain_text_input");
        element.put("action_id", blockId);
        element.put("multiline", multiline);
        if (initial != null && !initial.isEmpty()) {
            element.put("initial_value", initial);
        }
        return input(blockId, label, element, optional);
    }

    private ObjectNode radio(
            String blockId, String label, List<ObjectNode> options, String initial) {
        ObjectNode element = json.createObjectNode();
        element.put("type", "radio_buttons");
        element.put("action_id", blockId);
        element.set("options", json.createArrayNode().addAll(options));
        initialOption(element, options, initial);
        return input(blockId, label, element, false);
    }

    private ObjectNode select(
            String blockId, String label, List<ObjectNode> options, String initial) {
        ObjectNode element = json.createObjectNode();
        element.put("type", "static_select");
        element.put("action_id", blockId);
        element.set("options", json.createArrayNode().addAll(options));
        initialOption(element, options, initial);
        return input(blockId, label, element, false);
    }

    private static void initialOption(ObjectNode element, List<ObjectNode> options, String value) {
        options.stream()
                .filter(o -> o.path("value").asText().equals(value))
                .findFirst()
                .ifPresent(o -> element.set("initial_option", o));
    }

    private ObjectNode input(String blockId, String label, ObjectNode element, boolean optional) {
        ObjectNode block = json.createObjectNode();
        block.put("type", "input");
        block.put("block_id", blockId);
        block.set("label", plain(label));
        block.set("element", element);
        block.put("optional", optional);
        return block;
    }

    private ObjectNode option(String value, String text) {
        ObjectNode option = json.createObjectNode();
        option.set("text", plain(text));
        option.put("value", value);
        return option;
    }

    private ObjectNode section(String text) {
        ObjectNode block = json.createObjectNode().put("type", "section");
        block.set("text", json.createObjectNode().put("type", "mrkdwn").put("text", text));
        return block;
    }

    private ObjectNode context(String text) {
        ObjectNode block = json.createObjectNode().put("type", "context");
        block.set(
                "elements",
                json.createArrayNode()
                        .add(json.createObjectNode().put("type", "mrkdwn").put("text", text)));
        return block;
    }

    private ObjectNode plain(String text) {
        return json.createObjectNode().put("type", "plain_text").put("text", text);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a modal", e);
        }
    }

    private static String name(IncidentView incident) {
        return incident == null ? "the incident" : incident.name();
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return clip(end < 0 ? text : text.substring(0, end), TITLE_LIMIT);
    }

    private static String clip(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
