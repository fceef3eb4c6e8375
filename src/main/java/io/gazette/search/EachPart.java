package io.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Parts {@code 0 … count-1} of one computation run on this thread and the common pool's, each
 * thread taking the next part until none is left, for the search steps cut in parts of unequal
 * cost (the related articles' ranges of terms).
 *
 * <p>Why not a parallel stream: the caller of one is not a pool worker, and on Java 17 such a
 * caller waiting for the last part, taken by the pool's worker, does not sleep but loops in
 * {@code ForkJoinPool.helpComplete} looking for parts it cannot take. At 10,000 articles the
 * build's main thread spent ~0.25 s of CPU so (JFR, BENCHMARKS.md "search13"), while the static
 * export beside it wanted that core. Here a thread with no part left waits in a join that sleeps.
 * The build's {@code EveryCore} does the same for its files (the package rules keep it there).
 */
final class EachPart {
    private EachPart() {
    }

    /** One part's work. */
    interface Work {
        void on(int part) throws IOException;
    }

    /**
     * Runs {@code work} on every part and returns when no thread works any more. A failure stops
     * the parts not yet begun and is thrown here once every thread stopped: an
     * {@link IOException} as it was thrown, runtime exceptions and errors as they are.
     */
    static void run(int count, Work work) throws IOException {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int p = next.getAndIncrement(); p < count && failure.get() == null; p = next.getAndIncrement()) {
                try {
                    work.on(p);
                } catch (UncheckedIOException e) {
                    failure.compareAndSet(null, e.getCause());
                } catch (IOException | RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), count - 1);
        List<ForkJoinTask<?>> started = new ArrayList<>(Math.max(0, helpers));
        for (int h = 0; h < helpers; h++) {
            started.add(ForkJoinPool.commonPool().submit(worker));
        }
        worker.run();
        started.forEach(ForkJoinTask::join);
        Throwable failed = failure.get();
        if (failed instanceof IOException e) {
            throw e;
        } else if (failed instanceof RuntimeException e) {
            throw e;
        } else if (failed instanceof Error e) {
            throw e;
        }
    }
}
