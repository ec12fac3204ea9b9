package dev.incident.events.json;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.incident.events.model.ReminderRule;

/**
 * ReminderIssued version 1 carried only the reminder's text: the only reminder then was the
 * customer update, issued when it came due. Version 2 names the rule and the due time, so this
 * upcaster fills in {@link ReminderRule#CUSTOMER_UPDATE} and the event's own time.
 */
final class ReminderIssuedV1 implements Upcaster {

    @Override
    public String type() {
        return "ReminderIssued";
    }

    @Override
    public int fromVersion() {
        return 1;
    }

    @Override
    public ObjectNode upcast(ObjectNode payload, ObjectNode envelope) {
        ObjectNode upcast = payload.deepCopy();
        upcast.put("rule", ReminderRule.CUSTOMER_UPDATE.name());
        upcast.set("dueAt", envelope.get("occurredAt"));
        return upcast;
    }
}
