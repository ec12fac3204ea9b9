package dev.incident.reminder.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.incident.events.model.Severity;
import dev.incident.reminder.IncidentLog;
import dev.incident.reminder.domain.DueReminder;
import dev.incident.reminder.domain.ReminderBoard;
import dev.incident.reminder.domain.ReminderRules;
import dev.incident.reminder.domain.ReminderScheduler;

/**
 * Lateness and CPU of the reminder scheduler with many open incidents, against a plain
 * single-thread {@link ScheduledThreadPoolExecutor} firing the same due times in the same run.
 *
 * <p>Each round schedules N incidents whose reminders all come due in a firing window that starts
 * after an idle phase; it measures the CPU of the firing thread and of the whole process in each
 * phase, and the lateness (fire time minus due time) of every reminder. Arguments: incidents, idle
 * seconds, firing window seconds, rounds (defaults 10000 10 10 3). See docs/performance.md.
 */
public final class ReminderSchedulerBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** What one run measured. */
    record Result(
            long[] latenessMicros,
            long idleThreadNs,
            long idleProcessNs,
            long fireThreadNs,
            long fireProcessNs) {

        long percentile(double p) {
            long[] sorted = latenessMicros.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        long max() {
            return Arrays.stream(latenessMicros).max().orElse(0);
        }

        long overOneSecond() {
            return Arrays.stream(latenessMicros).filter(l -> l > 1_000_000).count();
        }
    }

    /** Where and when every reminder of a run is due. */
    record Plan(String[] ids, Instant[] due, Instant idleStart, Instant fireStart, Instant end) {

        /** Due times in a window after {@code idle}, which starts one second from now. */
        static Plan of(int incidents, Duration idle, Duration window) {
            Instant idleStart = Instant.now().plusSeconds(1);
            Instant fireStart = idleStart.plus(idle);
            String[] ids = new String[incidents];
            Instant[] due = new Instant[incidents];
            long stepNanos = window.toNanos() / incidents;
            for (int i = 0; i < incidents; i++) {
                ids[i] = "bench-" + i;
                due[i] = fireStart.plusNanos(stepNanos * i);
            }
            return new Plan(ids, due, idleStart, fireStart, fireStart.plus(window));
        }
    }

    private ReminderSchedulerBenchmark() {}

    public static void main(String[] args) throws Exception {
        int incidents = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Duration idle = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
        Duration window = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 10);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;

        System.out.printf(
                Locale.ROOT,
                "%d incidents, idle %d s, all due within %d s, %d rounds, %d cores%n",
                incidents,
                idle.toSeconds(),
                window.toSeconds(),
                rounds,
                Runtime.getRuntime().availableProcessors());
        for (int round = 1; round <= rounds; round++) {
            Result baseline = baseline(Plan.of(incidents, idle, window));
            Result ours = board(incidents, idle, window);
            report(round, baseline, ours);
        }
    }

    /** The baseline: one task per reminder on a single-thread ScheduledThreadPoolExecutor. */
    static Result baseline(Plan plan) throws Exception {
        long[] lateness = new long[plan.ids().length];
        AtomicInteger fired = new AtomicInteger();
        AtomicReference<Thread> worker = new AtomicReference<>();
        ScheduledThreadPoolExecutor executor =
                new ScheduledThreadPoolExecutor(
                        1,
                        task -> {
                            Thread thread = new Thread(task, "baseline-scheduler");
                            worker.set(thread);
                            return thread;
                        });
        executor.prestartAllCoreThreads();
        for (int i = 0; i < plan.ids().length; i++) {
            int index = i;
            Instant due = plan.due()[i];
            executor.schedule(
                    () -> {
                        lateness[index] = micros(due, Instant.now());
                        fired.incrementAndGet();
                    },
                    Duration.between(Instant.now(), due).toNanos(),
                    TimeUnit.NANOSECONDS);
        }
        System.gc();
        Result result = measure(plan, worker.get(), lateness, fired);
        executor.shutdownNow();
        return result;
    }

    /**
     * The service's board and scheduler, with a sink that only notes the time. The incidents are
     * built first, on due times of a plan made before; the scheduler then runs on a clock shifted
     * so that those due times fall into a plan that starts after the build, like the baseline's.
     */
    static Result board(int incidents, Duration idle, Duration window) throws Exception {
        Plan built = Plan.of(incidents, idle, window);
        long[] lateness = new long[incidents];
        AtomicInteger fired = new AtomicInteger();
        Map<String, Integer> index = new HashMap<>();
        ReminderBoard board = new ReminderBoard(ReminderRules.standard());
        board.open(0);
        for (int i = 0; i < incidents; i++) {
            index.put(built.ids()[i], i);
            board.apply(
                    0,
                    IncidentLog.of(built.ids()[i])
                            .declaredLive(
                                    Severity.P1, built.due()[i].minus(Duration.ofMinutes(30))));
        }
        System.gc();

        Plan plan = Plan.of(incidents, idle, window);
        Clock clock =
                Clock.offset(
                        Clock.systemUTC(), Duration.between(plan.fireStart(), built.fireStart()));
        ReminderBoard.Sink sink =
                (DueReminder due, String text) -> {
                    int i = index.get(due.incidentId());
                    if (lateness[i] == 0) {
                        lateness[i] = micros(due.dueAt(), clock.instant());
                        fired.incrementAndGet();
                    }
                };
        try (ReminderScheduler scheduler =
                new ReminderScheduler(board, sink, clock, Duration.ofSeconds(1)).start()) {
            return measure(plan, thread("reminder-scheduler"), lateness, fired);
        }
    }

    private static Result measure(Plan plan, Thread worker, long[] lateness, AtomicInteger fired)
            throws InterruptedException {
        sleepUntil(plan.idleStart());
        long idleThread = THREADS.getThreadCpuTime(worker.getId());
        long idleProcess = OS.getProcessCpuTime();
        sleepUntil(plan.fireStart().minusMillis(50));
        long fireThread = THREADS.getThreadCpuTime(worker.getId());
        long fireProcess = OS.getProcessCpuTime();
        sleepUntil(plan.end().plusSeconds(2));
        while (fired.get() < lateness.length) {
            Thread.sleep(100);
        }
        long endThread = THREADS.getThreadCpuTime(worker.getId());
        long endProcess = OS.getProcessCpuTime();
        return new Result(
                lateness,
                fireThread - idleThread,
                fireProcess - idleProcess,
                endThread - fireThread,
                endProcess - fireProcess);
    }

    private static void report(int round, Result baseline, Result ours) {
        System.out.printf(Locale.ROOT, "%nround %d%n", round);
        System.out.printf(Locale.ROOT, "%-28s %12s %12s %8s%n", "", "executor", "board", "ratio");
        line("lateness p50 (ms)", baseline.percentile(50) / 1e3, ours.percentile(50) / 1e3);
        line("lateness p99 (ms)", baseline.percentile(99) / 1e3, ours.percentile(99) / 1e3);
        line("lateness max (ms)", baseline.max() / 1e3, ours.max() / 1e3);
        line("later than 1 s (count)", baseline.overOneSecond(), ours.overOneSecond());
        line(
                "idle: firing thread CPU (ms)",
                baseline.idleThreadNs() / 1e6,
                ours.idleThreadNs() / 1e6);
        line("idle: process CPU (ms)", baseline.idleProcessNs() / 1e6, ours.idleProcessNs() / 1e6);
        line("firing: thread CPU (ms)", baseline.fireThreadNs() / 1e6, ours.fireThreadNs() / 1e6);
        line(
                "firing: process CPU (ms)",
                baseline.fireProcessNs() / 1e6,
                ours.fireProcessNs() / 1e6);
    }

    private static void line(String what, double baseline, double ours) {
        String ratio = baseline == 0 ? "-" : String.format(Locale.ROOT, "%.2f", ours / baseline);
        System.out.printf(Locale.ROOT, "%-28s %12.3f %12.3f %8s%n", what, baseline, ours, ratio);
    }

    private static long micros(Instant due, Instant firedAt) {
        return Math.max(1, Duration.between(due, firedAt).toNanos() / 1000);
    }

    private static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static Thread thread(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
