package io.gazette.build;

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
 * Work on every item of a list on every core (this thread and the common pool's), for the
 * build's steps that handle each file of a site: writing the planned files, restoring the kept
 * ones. One place for two rules both need:
 *
 * <ul>
 *   <li>Each thread takes the next item until none is left, so all finish together. A parallel
 *       stream cuts the list into parts up front (four on two cores), and one part costs more
 *       than another: a thread done with its parts spent up to a fifth of the render stage
 *       spinning in {@code ForkJoinPool.helpComplete} for the last.
 *   <li>A failure (a full disk, a broken link) is recorded, not thrown from the worker: the
 *       others skip the items not yet begun and stop, and only then is it thrown here, as it was
 *       thrown. Thrown at once, the caller would clean up the staging folder while workers still
 *       wrote into it (the clean-up then failing as "not empty" and hiding the cause), and a
 *       worker's exception would reach the caller as {@code ForkJoinTask}'s copy of it.
 * </ul>
 */
final class EveryCore {
    private EveryCore() {
    }

    /** One item's work; {@code index} is its place in the list. */
    interface Work<T> {
        void on(T item, int index) throws IOException;
    }

    /**
     * Runs {@code work} on every item and returns when no thread works any more.
     *
     * @return the processor time the threads spent, in nanoseconds (0 when the JVM cannot tell)
     * @throws UncheckedIOException for the first {@link IOException} (runtime exceptions and
     *         errors as they are), after every thread stopped
     */
    static <T> long each(List<T> items, Work<T> work) {
        int total = items.size();
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong cpuNanos = new AtomicLong();
        Runnable worker = () -> {
            long cpuAtStart = threadCpuNanos();
            for (int i = next.getAndIncrement(); i < total && failure.get() == null; i = next.getAndIncrement()) {
                try {
                    work.on(items.get(i), i);
                } catch (IOException e) {
                    failure.compareAndSet(null, new UncheckedIOException(e));
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                }
            }
            cpuNanos.addAndGet(threadCpuNanos() - cpuAtStart);
        };
        int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), total / 2);
        List<ForkJoinTask<?>> started = new ArrayList<>(helpers);
        for (int h = 0; h < helpers; h++) {
            started.add(ForkJoinPool.commonPool().submit(worker));
        }
        worker.run();
        started.forEach(ForkJoinTask::join);
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException e) {
            throw e;
        } else if (failed instanceof Error e) {
            throw e;
        }
        return cpuNanos.get();
    }

    /** This thread's processor time so far, or 0 when the JVM cannot tell. */
    private static long threadCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? Math.max(0, threads.getCurrentThreadCpuTime()) : 0;
    }
}
