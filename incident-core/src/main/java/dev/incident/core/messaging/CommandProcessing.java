package dev.incident.core.messaging;

import java.time.Clock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.incident.core.config.CoreConfig;
import dev.incident.events.json.ContractCodec;
import dev.incident.events.kafka.ContractRecords;
import dev.incident.events.kafka.Topics;

/** Runs the {@link CommandLoop} on a thread of its own for as long as the service runs. */
@ApplicationScoped
public class CommandProcessing {

    private static final Logger LOG = Logger.getLogger(CommandProcessing.class);

    private final CoreConfig config;
    private final String bootstrapServers;
    private final MeterRegistry meters;
    private CommandLoop loop;
    private Thread thread;

    public CommandProcessing(
            CoreConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            MeterRegistry meters) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.meters = meters;
    }

    void start(@Observes StartupEvent event) {
        if (!config.core().processCommands()) {
            LOG.info("command processing is switched off (incident.core.process-commands)");
            return;
        }
        String prefix = config.topics().prefix().orElse("");
        ContractRecords records =
                new ContractRecords(new ContractCodec(), Topics.Names.withPrefix(prefix));
        loop =
                new CommandLoop(
                        new KafkaClients(bootstrapServers, prefix),
                        records,
                        "incident-core-" + config.core().instance(),
                        config.core().pollTimeout(),
                        Clock.systemUTC(),
                        meters);
        thread = new Thread(loop, "incident-core-commands");
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (loop != null) {
            loop.stop();
            thread.join(10_000);
        }
    }

    /** True while commands are being decided, or when deciding is switched off. */
    public boolean ready() {
        return loop == null ? !config.core().processCommands() : loop.ready();
    }
}
