package dev.incident.slack.inbound.bench;

import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;

import dev.incident.events.kafka.TopicSetup;
import dev.incident.events.kafka.Topics;
import dev.incident.slack.inbound.domain.SignatureVerifier;

/**
 * Acknowledgement latency of {@code POST /slack/commands}: signed {@code /inc declare} slash
 * commands (each verified, parsed and handed to Kafka) at a steady rate, next to the service's
 * no-op endpoint {@code GET /q/health/live} at the same rate, in the same run and the same process.
 * Latency is measured from each request's scheduled send time (open loop), so a stall shows in the
 * figures instead of slowing the sender.
 *
 * <p>It starts the packaged service itself ({@code slack-gateway/target/quarkus-app}) on its own
 * topics ({@code bench-<random>.} prefix) of the broker in {@code KAFKA_BOOTSTRAP_SERVERS}, and
 * stops it at the end. Arguments: requests per second (default 50), seconds per phase (default 20).
 */
public final class AckLatencyBenchmark {

    private static final String SECRET = "bench-signing-secret";
    private static final int PORT = 18482;
    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String bootstrap =
                System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");
        String prefix = "bench-" + UUID.randomUUID().toString().substring(0, 8) + ".";

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            TopicSetup.ensure(admin, Topics.Names.withPrefix(prefix), 3, (short) 1);
        }
        Process service = startService(bootstrap, prefix);
        try {
            awaitUp();
            run(rate, seconds);
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    private static void run(int rate, int seconds) throws Exception {
        String base = "http://127.0.0.1:" + PORT;
        System.out.println("load average before the run: " + loadAverage());
        System.out.printf("warming up (%d requests each)%n", rate * 5);
        phase(base, rate, 5, false);
        phase(base, rate, 5, true);

        // Two rounds each, interleaved, so that drift of the machine hits both alike.
        List<Long> noop = new ArrayList<>();
        List<Long> slash = new ArrayList<>();
        int errors = 0;
        for (int round = 0; round < 2; round++) {
            Result baseline = phase(base, rate, seconds / 2, false);
            Result commands = phase(base, rate, seconds / 2, true);
            noop.addAll(baseline.micros());
            slash.addAll(commands.micros());
            errors += baseline.errors() + commands.errors();
        }
        report(rate, seconds, noop, slash, errors);
        System.out.println("load average after the run: " + loadAverage());
    }

    /** The machine's load, printed with the figures: on a shared machine it explains them. */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private record Result(List<Long> micros, int errors) {}

    private static Result phase(String base, int rate, int seconds, boolean signed)
            throws Exception {
        int total = rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * intervalNanos;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            HttpRequest request = signed ? slashCommand(base, i) : noop(base);
            pending.add(
                    HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                            .whenComplete(
                                    (response, error) -> {
                                        if (error != null || response.statusCode() != 200) {
                                            errors.incrementAndGet();
                                        } else {
                                            micros.add((System.nanoTime() - scheduled) / 1000);
                                        }
                                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        return new Result(new ArrayList<>(micros), errors.get());
    }

    private static HttpRequest noop(String base) {
        return HttpRequest.newBuilder(URI.create(base + "/q/health/live")).GET().build();
    }

    private static HttpRequest slashCommand(String base, int n) {
        String form =
                "token=bench&team_id=TBENCH&team_domain=bench&channel_id=CBENCH&channel_name=bench"
                        + "&user_id=UBENCH&user_name=bench&command=%2Finc&text="
                        + URLEncoder.encode("declare Benchmark outage " + n, StandardCharsets.UTF_8)
                        + "&response_url=&trigger_id=bench."
                        + UUID.randomUUID();
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        return HttpRequest.newBuilder(URI.create(base + "/slack/commands"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", SignatureVerifier.sign(SECRET, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private static void report(
            int rate, int seconds, List<Long> noop, List<Long> slash, int errors) {
        Collections.sort(noop);
        Collections.sort(slash);
        long noop50 = percentile(noop, 50);
        long noop99 = percentile(noop, 99);
        long slash50 = percentile(slash, 50);
        long slash99 = percentile(slash, 99);
        System.out.printf(
                "%d requests/s, %d s per kind, %d + %d requests, %d errors%n",
                rate, seconds, noop.size(), slash.size(), errors);
        System.out.printf(
                "no-op  GET /q/health/live   p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n",
                noop50 / 1000.0, noop99 / 1000.0, noop.get(noop.size() - 1) / 1000.0);
        System.out.printf(
                "signed POST /slack/commands p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n",
                slash50 / 1000.0, slash99 / 1000.0, slash.get(slash.size() - 1) / 1000.0);
        System.out.printf(
                "ratio to the no-op: p50 %.2fx, p99 %.2fx; Slack's limit is 3000 ms%n",
                (double) slash50 / noop50, (double) slash99 / noop99);
    }

    private static long percentile(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static Process startService(String bootstrap, String prefix) throws Exception {
        File jar = new File("target/quarkus-app/quarkus-run.jar");
        if (!jar.exists()) {
            jar = new File("slack-gateway/target/quarkus-app/quarkus-run.jar");
        }
        if (!jar.exists()) {
            throw new IllegalStateException(
                    "package the service first: mvn -pl slack-gateway -am package -DskipTests");
        }
        ProcessBuilder builder =
                new ProcessBuilder("java", "-Xmx256m", "-jar", jar.getAbsolutePath())
                        .redirectErrorStream(true)
                        .redirectOutput(
                                new File(
                                        System.getProperty("java.io.tmpdir"),
                                        "slack-gateway-bench.log"));
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        builder.environment().put("INCIDENT_TOPICS_PREFIX", prefix);
        builder.environment().put("SLACK_SIGNING_SECRET", SECRET);
        builder.environment().put("SLACK_GATEWAY_PORT", String.valueOf(PORT));
        builder.environment().put("QUARKUS_LOG_LEVEL", "WARN");
        return builder.start();
    }

    private static void awaitUp() throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> response =
                        HTTP.send(
                                noop("http://127.0.0.1:" + PORT),
                                HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service did not start; see slack-gateway-bench.log");
    }

    private AckLatencyBenchmark() {}
}
