package io.gazette.build;

import io.gazette.problems.Limits;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Names the file a build is stuck on. A parser cannot be stopped safely halfway, so the limits
 * keep every file's work bounded; should one still take far longer than its size warrants
 * ({@link Limits#WATCHDOG_BASE_MILLIS} plus a millisecond per byte), the console says which file
 * and what is being done to it, once, so that the editor knows where to look.
 */
public final class Watchdog {
    /** The build's watchdog; it reports to standard error. */
    public static final Watchdog SHARED = new Watchdog(System.err, Limits.WATCHDOG_BASE_MILLIS);

    private record Job(Path file, String doing, long startNanos, long allowedNanos) {
    }

    private final Map<Object, Job> running = new ConcurrentHashMap<>();
    private final PrintStream out;
    private final long baseMillis;
    private ScheduledExecutorService ticker;

    Watchdog(PrintStream out, long baseMillis) {
        this.out = out;
        this.baseMillis = baseMillis;
    }

    /** Watches the work done until the returned handle is closed. */
    public Handle watch(Path file, long sizeBytes, String doing) {
        startTicker();
        long allowed = TimeUnit.MILLISECONDS.toNanos(baseMillis + sizeBytes / 1000);
        Object key = new Object();
        running.put(key, new Job(file, doing, System.nanoTime(), allowed));
        return () -> running.remove(key);
    }

    /** Ends the watch of one piece of work. */
    public interface Handle extends AutoCloseable {
        @Override
        void close();
    }

    private synchronized void startTicker() {
        if (ticker == null) {
            ticker = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "gazette-watchdog");
                thread.setDaemon(true);
                return thread;
            });
            long period = Math.max(10, baseMillis / 4);
            ticker.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
        }
    }

    private void check() {
        long now = System.nanoTime();
        running.entrySet().removeIf(entry -> {
            Job job = entry.getValue();
            long elapsed = now - job.startNanos();
            if (elapsed <= job.allowedNanos()) {
                return false;
            }
            out.println("gazette: still " + job.doing() + " " + job.file().toString().replace('\\', '/')
                    + " after " + TimeUnit.NANOSECONDS.toSeconds(elapsed) + " s; this file takes far longer than"
                    + " its size warrants (please report it with the file)");
            out.flush();
            return true; // once per file: the line stays on the console
        });
    }
}
