package dev.incident.slack.inbound.slack;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.incident.slack.inbound.domain.ReplyTarget;

/**
 * Tells a person something after their request was answered: through the request's response_url,
 * else as an ephemeral message in the channel. Runs on a thread of its own, off the request and the
 * Kafka readers.
 */
@ApplicationScoped
public class SlackReplies {

    private static final Logger LOG = Logger.getLogger(SlackReplies.class);

    private final SlackWebApi api;
    private final ExecutorService sender =
            Executors.newFixedThreadPool(2, r -> new Thread(r, "slack-inbound-replies"));

    public SlackReplies(SlackWebApi api) {
        this.api = api;
    }

    public void answer(ReplyTarget target, String text) {
        sender.execute(() -> send(target, text));
    }

    private void send(ReplyTarget target, String text) {
        try {
            if (target.responseUrl() != null) {
                api.respond(target.responseUrl(), text);
            } else if (target.channelId() != null && target.userId() != null) {
                api.postEphemeral(target.channelId(), target.userId(), text);
            } else {
                LOG.warnf("nowhere to answer %s", target.userId());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf(e, "could not answer %s", target.userId());
        }
    }

    @PreDestroy
    void close() {
        sender.shutdown();
    }
}
