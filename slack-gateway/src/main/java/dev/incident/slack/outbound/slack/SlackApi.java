package dev.incident.slack.outbound.slack;

/** Makes one Slack Web API call: for real with the bot token, or into the local outbox. */
public interface SlackApi {

    SlackResult call(SlackCall call) throws SlackCallException;
}
