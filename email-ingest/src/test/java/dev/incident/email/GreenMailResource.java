package dev.incident.email;

import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real IMAP and SMTP server (GreenMail) in the test JVM, on free ports, with the ingest mailbox
 * and a second mailbox for tests that drive a reader of their own.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    public static final String ADDRESS = "incidents@example.com";
    public static final String OTHER_ADDRESS = "crash@example.com";
    public static final String PASSWORD = "test-mailbox-password";

    private static GreenMail greenMail;

    public static GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public Map<String, String> start() {
        greenMail =
                new GreenMail(
                        new com.icegreen.greenmail.util.ServerSetup[] {
                            ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()
                        });
        greenMail.start();
        greenMail.setUser(ADDRESS, ADDRESS, PASSWORD);
        greenMail.setUser(OTHER_ADDRESS, OTHER_ADDRESS, PASSWORD);
        return Map.of(
                "ingest.mailbox.host",
                "127.0.0.1",
                "ingest.mailbox.port",
                String.valueOf(greenMail.getImap().getPort()),
                "ingest.mailbox.ssl",
                "false",
                "ingest.mailbox.user",
                ADDRESS,
                "ingest.mailbox.password",
                PASSWORD,
                "ingest.platform-address",
                ADDRESS);
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
