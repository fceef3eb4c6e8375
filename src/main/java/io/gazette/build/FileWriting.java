package io.gazette.build;

import io.gazette.output.OutputSink;
import io.gazette.problems.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Produces the planned files into a sink on every core (this thread and the common pool's):
 * pages rendered and written one at a time, so no page's HTML outlives its write. One broken
 * template fails every page using it, and is reported once. A write that fails (a full disk), or
 * any other exception, is recorded, not thrown from the worker: the others skip their remaining
 * files and stop, and only then is it thrown here; thrown at once, the staging folder would be
 * deleted under the feet of workers still writing.
 */
final class FileWriting {
    private FileWriting() {
    }

    /** What {@code --timings} calls the processor time the threads producing files spent. */
    static final String CPU = "render + write: CPU of its threads";

    /**
     * @return the processor time the threads spent producing, in nanoseconds (0 when the JVM
     *         cannot measure it): the stage's wall time also counts the search export running
     *         beside it, which this does not
     * @throws UncheckedIOException when a file could not be written (after every worker stopped)
     */
    static long produce(List<PlannedFile> files, OutputSink sink, Problems problems, BuildProgress progress) {
        Set<String> reported = ConcurrentHashMap.newKeySet();
        int total = files.size();
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong cpuNanos = new AtomicLong();
        // Each thread takes the next file until none is left, so all finish together. A parallel
        // stream cuts the list into four parts up front (on two cores), and the pages, feeds and
        // sitemaps of one part cost more than those of another: a thread done with its parts
        // spent up to a fifth of the stage spinning in ForkJoinPool.helpComplete for the last.
        Runnable work = () -> {
            long cpuAtStart = threadCpuNanos();
            for (int i = next.getAndIncrement(); i < total && failure.get() == null; i = next.getAndIncrement()) {
                int n = i + 1;
                if (n % 256 == 0 || n == total) {
                    progress.files(n, total);
                }
                try {
                    produce(files.get(i), sink, problems, reported);
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
            started.add(ForkJoinPool.commonPool().submit(work));
        }
        work.run();
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

    private static void produce(PlannedFile file, OutputSink sink, Problems problems, Set<String> reported)
            throws IOException {
        try {
            file.producer().produce(file.path(), sink);
        } catch (PlannedFile.ProduceFailure e) {
            // The error makes the generation roll back, so the page is produced again next time.
            if (reported.add(e.problem().format())) {
                problems.add(e.problem());
            }
        }
    }

    /**
     * Produces the files, those at the {@code shownFirst} paths first: they are handed to the sink
     * to be shown (the preview serves them) before the rest is made.
     */
    static void produceShowingFirst(List<PlannedFile> files, Set<String> shownFirst, OutputSink sink, Problems problems,
            BuildProgress progress, StageTimes times) throws IOException {
        if (shownFirst.isEmpty()) {
            times.record(CPU, produce(files, sink, problems, progress) / 1_000_000);
            return;
        }
        List<PlannedFile> first = new ArrayList<>();
        List<PlannedFile> rest = new ArrayList<>(files.size());
        for (PlannedFile file : files) {
            (shownFirst.contains(file.path()) ? first : rest).add(file);
        }
        long cpu = produce(first, sink, problems, progress);
        if (!first.isEmpty() && !problems.hasErrors()) {
            sink.showFirst(first.stream().map(PlannedFile::path).toList());
        }
        times.lap("render + write: saved pages, shown");
        cpu += produce(rest, sink, problems, progress);
        times.record(CPU, cpu / 1_000_000);
    }
}
