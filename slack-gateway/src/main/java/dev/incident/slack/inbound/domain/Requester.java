package dev.incident.slack.inbound.domain;

import dev.incident.events.model.Actor;

/** Who asked, and from which channel of which workspace. */
public record Requester(String teamId, String userId, String userName, String channelId) {

    public Actor actor() {
        return Actor.slackUser(userId, userName == null || userName.isBlank() ? null : userName);
    }
}
