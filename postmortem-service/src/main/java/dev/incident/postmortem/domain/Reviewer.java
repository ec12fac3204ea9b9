package dev.incident.postmortem.domain;

import dev.incident.events.model.Actor;

/**
 * The account engineer who reviews a customer's postmortems.
 *
 * @param actor how the platform names them (a Slack user, so the channel can mention them)
 * @param email where Drive shares the document with them, null when not configured
 */
public record Reviewer(Actor actor, String email) {}
