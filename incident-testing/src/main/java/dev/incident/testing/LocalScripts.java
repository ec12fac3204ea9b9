package dev.incident.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the deploy/local scripts of this checkout, which start the real servers. */
final class LocalScripts {

    private static final long TIMEOUT_MINUTES = 5;

    private LocalScripts() {}

    /** Runs {@code deploy/local/<script> <args>} and returns the last line it printed. */
    static String run(String script, String... args) {
        Path path = projectRoot().resolve("deploy/local").resolve(script);
        List<String> command = new ArrayList<>(List.of("bash", path.toString()));
        command.addAll(List.of(args));

        try {
            Path log = Files.createTempFile("incident-" + script, ".log");
            Process process =
                    new ProcessBuilder(command)
                            .redirectErrorStream(false)
                            .redirectError(log.toFile())
                            .start();
            String out =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(path + " did not finish; its output: " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(path + " failed: " + Files.readString(log).strip());
            }
            return lastLine(out);
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + path, e);
        }
    }

    /** The checkout's root: the nearest folder above the working directory with deploy/local. */
    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("deploy/local/lib.sh"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "no deploy/local/lib.sh above " + Path.of("").toAbsolutePath());
    }

    private static String lastLine(String out) {
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
