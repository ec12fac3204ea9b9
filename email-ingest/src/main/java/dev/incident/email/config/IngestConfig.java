package dev.incident.email.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the ingest mailbox, the parser's limits and the customer table. */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /** The IMAP mailbox that receives the forwarded customer emails. */
    Mailbox mailbox();

    /** Limits that send a message to quarantine instead of declaring from it. */
    Limits limits();

    /** The platform's own address: mail from it is never an incident (no loops). */
    @WithDefault("incidents@example.com")
    String platformAddress();

    /** How many characters of the body become the incident summary. */
    @WithDefault("1000")
    int excerptLength();

    /** Known customers by customer id; a sender's domain (or a parent of it) names the customer. */
    Map<String, CustomerEntry> customers();

    /** One customer of the table. */
    interface CustomerEntry {

        /** The customer's name as people know it. */
        String name();

        /** Sender domains of this customer; subdomains match too. */
        List<String> domains();
    }

    /** Where the mailbox is and how the reader treats it. */
    interface Mailbox {

        /** Whether the reader runs at all (off for tests that only parse). */
        @WithDefault("true")
        boolean enabled();

        /** IMAP server host name. */
        @WithDefault("127.0.0.1")
        String host();

        /** IMAP server port; 993 for IMAPS, 143 for plain IMAP. */
        @WithDefault("993")
        int port();

        /** IMAPS (TLS from the first byte) when true, plain IMAP when false. */
        @WithDefault("true")
        boolean ssl();

        /** Login name of the mailbox. */
        String user();

        /** Password of the mailbox; never logged. */
        Optional<String> password();

        /** The folder new mail arrives in. */
        @WithDefault("INBOX")
        String folder();

        /** Where a message goes once its command was acknowledged by Kafka. */
        @WithDefault("processed")
        String processedFolder();

        /** Where auto-replies, bounces and the platform's own mail go. */
        @WithDefault("ignored")
        String ignoredFolder();

        /** Where messages that cannot become an incident go, after a dead letter. */
        @WithDefault("quarantine")
        String quarantineFolder();

        /** Polling interval when the server has no IDLE, and the IDLE refresh otherwise. */
        @WithDefault("PT1M")
        Duration pollInterval();

        /** Use IDLE when the server offers it. */
        @WithDefault("true")
        boolean idle();

        /** Wait before reconnecting after the connection failed. */
        @WithDefault("PT10S")
        Duration reconnectDelay();

        /**
         * Move with IMAP MOVE when the server offers it; else COPY, flag deleted and expunge. Off
         * by default: GreenMail 2.1 answers MOVE without the EXPUNGE responses the client needs to
         * keep its message numbers right.
         */
        @WithDefault("false")
        boolean useMove();

        /** Connect and read timeout of the IMAP socket (reads during IDLE wait longer). */
        @WithDefault("PT30S")
        Duration timeout();

        /** How long to wait for Kafka to acknowledge a command before trying again later. */
        @WithDefault("PT30S")
        Duration ackTimeout();
    }

    /** Limits on what the parser accepts. */
    interface Limits {

        /** Messages larger than this (bytes, as the server reports them) are quarantined. */
        @WithDefault("26214400")
        long maxMessageBytes();

        /** Deepest allowed nesting of multiparts and attached messages. */
        @WithDefault("12")
        int maxDepth();

        /** A quarantined message larger than this goes to the dead letter with its headers only. */
        @WithDefault("524288")
        int maxDeadLetterBytes();
    }
}
