package dev.incident.events.model;

import java.util.Objects;

/**
 * Who did something and through which source: a Slack user, an email sender, a service of the
 * platform, or an API client.
 *
 * @param id stable identifier within the source (Slack user id, email address, service name)
 * @param name how people see them, when known
 */
public record Actor(ActorSource source, String id, String name) {

    public Actor {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(id, "id");
    }

    public static Actor slackUser(String userId, String name) {
        return new Actor(ActorSource.SLACK_USER, userId, name);
    }

    public static Actor emailSender(String address, String name) {
        return new Actor(ActorSource.EMAIL_SENDER, address, name);
    }

    public static Actor service(String serviceName) {
        return new Actor(ActorSource.SERVICE, serviceName, serviceName);
    }

    public static Actor apiClient(String clientId) {
        return new Actor(ActorSource.API_CLIENT, clientId, clientId);
    }
}
