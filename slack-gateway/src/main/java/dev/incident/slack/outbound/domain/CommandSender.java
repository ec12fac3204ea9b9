package dev.incident.slack.outbound.domain;

import dev.incident.events.command.CommandEnvelope;

/** Sends a command to incident-core; the Kafka side implements it. */
public interface CommandSender {

    void send(CommandEnvelope command);
}
