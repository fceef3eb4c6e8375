package io.gazette.threads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Parts {@code 0 … count-1} of one computation run on this thread and the common pool's, each
 * thread taking the next part until none is left: for steps cut in parts of unequal cost (the
 * related articles' ranges of terms, the files a build writes or restores). One place for two
 * rules they all need:
 *
 * <ul>
 *   <li>No parallel stream. A stream cuts the work into parts up front (four on two cores), and
 *       its caller, not a pool worker, waiting for the last part taken by the pool's worker, does
 *       not sleep on Java 17 but loops in {@code ForkJoinPool.helpComplete}: a thread done with its
 *       parts spent up to a fifth of the render stage so, and the build's main thread ~0.25 s of
 *       CPU beside the related lists at 10,000 articles (BENCHMARKS.md "search13") while the
 *       static export beside it wanted that core. Here a thread with no part left waits in a join
 *       that sleeps.
 *   <li>A failure is recorded, not thrown from the worker: the other threads skip the parts not
 *       yet begun and stop, and only then is it thrown here, as it was thrown. Thrown at once, a
 *       caller would clean up (a staging folder) while workers still wrote into it, and a
 *       worker's exception would reach it as {@code ForkJoinTask}'s copy.
 * </ul>
 */
public final class EachPart {
    private EachPart() {
    }

    /** One part's work. */
    public interface Work {
        void on(int part) throws IOException;
    }

    /**
     * Runs {@code work} on every part and returns when no thread works any more.
     *
     * @return the processor time the threads spent, in nanoseconds (0 when the JVM cannot tell)
     * @throws IOException the first one a part threw (also when wrapped in an
     *         {@link UncheckedIOException}); runtime exceptions and errors as they are
     */
    public static long run(int count, Work work) throws IOException {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong cpuNanos = new AtomicLong();
        Runnable worker = () -> {
            long cpuAtStart = threadCpuNanos();
            for (int p = next.getAndIncrement(); p < count && failure.get() == null; p = next.getAndIncrement()) {
                try {
                    work.on(p);
                } catch (UncheckedIOException e) {
                    failure.compareAndSet(null, e.getCause());
                } catch (IOException | RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                }
            }
            cpuNanos.addAndGet(threadCpuNanos() - cpuAtStart);
        };
        int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), count - 1);
        List<ForkJoinTask<?>> started = new ArrayList<>(Math.max(0, helpers));
        for (int h = 0; h < helpers; h++) {
            started.add(ForkJoinPool.commonPool().submit(worker));
        }
        worker.run();
        started.forEach(ForkJoinTask::join);
        Throwable failed = failure.get();
        if (failed != null) {
            throw Rethrow.asThrown(failed);
        }
        return cpuNanos.get();
    }

    /** This thread's processor time so far, or 0 when the JVM cannot tell. */
    private static long threadCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? Math.max(0, threads.getCurrentThreadCpuTime()) : 0;
    }
}
