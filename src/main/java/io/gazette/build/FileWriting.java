package io.gazette.build;

import io.gazette.output.OutputSink;
import io.gazette.problems.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Produces the planned files into a sink on every core ({@link EveryCore}: a write that fails
 * stops the others, and is thrown once they stopped): pages rendered and written one at a time,
 * so no page's HTML outlives its write. One broken template fails every page using it, and is
 * reported once.
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
        return EveryCore.each(files, (file, i) -> {
            int n = i + 1;
            if (n % 256 == 0 || n == total) {
                progress.files(n, total);
            }
            produce(file, sink, problems, reported);
        });
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
