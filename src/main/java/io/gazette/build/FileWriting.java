package io.gazette.build;

import io.gazette.output.OutputSink;
import io.gazette.problems.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Produces the planned files into a sink on every core: pages rendered and written one at a time,
 * so no page's HTML outlives its write. One broken template fails every page using it, and is
 * reported once. A write that fails (a full disk) is recorded, not thrown from the worker: an
 * exception leaving {@code forEach} returns at once while other workers still write, and the
 * staging folder would be deleted under their feet; the others skip their files, then it is
 * thrown here.
 */
final class FileWriting {
    private FileWriting() {
    }

    /**
     * @throws UncheckedIOException when a file could not be written (after every worker stopped)
     */
    static void produce(List<PlannedFile> files, OutputSink sink, Problems problems, BuildProgress progress) {
        Set<String> reported = ConcurrentHashMap.newKeySet();
        int total = files.size();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<IOException> failure = new AtomicReference<>();
        files.parallelStream().forEach(file -> {
            if (failure.get() != null) {
                return;
            }
            int n = done.incrementAndGet();
            if (n % 256 == 0 || n == total) {
                progress.files(n, total);
            }
            try {
                file.producer().produce(file.path(), sink);
            } catch (PlannedFile.ProduceFailure e) {
                // The error makes the generation roll back, so the page is produced again next time.
                if (reported.add(e.problem().format())) {
                    problems.add(e.problem());
                }
            } catch (IOException e) {
                failure.compareAndSet(null, e);
            } catch (UncheckedIOException e) {
                failure.compareAndSet(null, e.getCause());
            }
        });
        if (failure.get() != null) {
            throw new UncheckedIOException(failure.get());
        }
    }

    /**
     * Produces the files, those at the {@code shownFirst} paths first: they are handed to the sink
     * to be shown (the preview serves them) before the rest is made.
     */
    static void produceShowingFirst(List<PlannedFile> files, Set<String> shownFirst, OutputSink sink, Problems problems,
            BuildProgress progress, StageTimes times) throws IOException {
        if (shownFirst.isEmpty()) {
            produce(files, sink, problems, progress);
            return;
        }
        List<PlannedFile> first = new ArrayList<>();
        List<PlannedFile> rest = new ArrayList<>(files.size());
        for (PlannedFile file : files) {
            (shownFirst.contains(file.path()) ? first : rest).add(file);
        }
        produce(first, sink, problems, progress);
        if (!first.isEmpty() && !problems.hasErrors()) {
            sink.showFirst(first.stream().map(PlannedFile::path).toList());
        }
        times.lap("render + write: saved pages, shown");
        produce(rest, sink, problems, progress);
    }
}
