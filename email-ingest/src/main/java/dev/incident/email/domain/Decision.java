package dev.incident.email.domain;

import dev.incident.events.command.IncidentCommand.DeclareIncident;

/** What becomes of one message of the mailbox. */
public sealed interface Decision {

    /** The key its Kafka record is sent with (the incident id, or the fingerprint's id). */
    String key();

    /** Declare a triage incident; {@code idempotencyKey} is the same for every read. */
    record Declare(String incidentId, DeclareIncident command, String idempotencyKey)
            implements Decision {
        @Override
        public String key() {
            return incidentId;
        }
    }

    /** Not an incident: recorded and moved aside. */
    record Ignore(String key, MailTriage.Ignored reason, String sender, String subject)
            implements Decision {}

    /** Cannot become an incident: a person must look at it. */
    record Hold(String key, Quarantine problem) implements Decision {}
}
