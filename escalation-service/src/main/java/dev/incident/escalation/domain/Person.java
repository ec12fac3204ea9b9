package dev.incident.escalation.domain;

import java.util.Objects;

import dev.incident.events.model.Actor;

/**
 * Somebody who can be on call: the Slack user who gets the page, with the email that on-call
 * providers know them by.
 *
 * @param key the short name the configuration refers to them by
 */
public record Person(String key, String slackId, String name, String email) {

    public Person {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(slackId, "slackId");
        Objects.requireNonNull(name, "name");
    }

    /** The person as the incident log names them: a Slack user, so a role can go to them. */
    public Actor actor() {
        return Actor.slackUser(slackId, name);
    }
}
