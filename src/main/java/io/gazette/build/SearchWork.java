package io.gazette.build;

import io.gazette.output.DirectorySink;
import io.gazette.output.MemorySink;
import io.gazette.output.OutputSink;
import io.gazette.problems.Problem;
import io.gazette.problems.Problems;
import io.gazette.search.PassageExporter;
import io.gazette.search.SearchCorpus;
import io.gazette.search.StaticIndexExporter;
import io.gazette.site.Site;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The search part of one generation: the corpus is analyzed once and feeds related articles
 * and the static index; the Lucene index in the cache is updated on another thread while pages
 * render, and joined in {@link #finish}.
 */
final class SearchWork {
    private final SearchCorpus corpus;
    private final Map<String, List<String>> related;
    private final CompletableFuture<Void> luceneIndex;
    private final Path cacheDir;

    private SearchWork(SearchCorpus corpus, Map<String, List<String>> related, CompletableFuture<Void> luceneIndex,
            Path cacheDir) {
        this.corpus = corpus;
        this.related = related;
        this.luceneIndex = luceneIndex;
        this.cacheDir = cacheDir;
    }

    static SearchWork start(Site site, Path cacheDir) {
        SearchCorpus corpus = SearchCorpus.of(SearchStage.documents(site));
        CompletableFuture<Void> lucene = CompletableFuture.runAsync(() -> {
            try {
                SearchStage.index(cacheDir, corpus);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new SearchWork(corpus, SearchStage.related(corpus, site.config().relatedCount()), lucene, cacheDir);
    }

    Map<String, List<String>> related() {
        return related;
    }

    /**
     * Writes the static index. A fresh build directory receives every file; any other sink (the
     * preview) only the files whose content changed, and their fingerprints are recorded so that
     * the files of an older index are deleted like any other vanished file.
     *
     * @return the paths of the index files given to a sink other than a build directory
     */
    List<String> finish(OutputSink sink, FileFingerprints fingerprints, Set<String> changedPaths, Problems problems)
            throws IOException {
        List<String> recorded = new java.util.ArrayList<>();
        if (sink instanceof DirectorySink) {
            PassageExporter.export(corpus, StaticIndexExporter.export(corpus, sink).version(), sink);
        } else {
            MemorySink files = new MemorySink();
            PassageExporter.export(corpus, StaticIndexExporter.export(corpus, files).version(), files);
            for (Map.Entry<String, byte[]> file : files.contents().entrySet()) {
                long fingerprint = Arrays.hashCode(file.getValue()) * 31L + file.getValue().length;
                recorded.add(file.getKey());
                if (fingerprints.record(file.getKey(), fingerprint)) {
                    sink.write(file.getKey(), file.getValue());
                    changedPaths.add(file.getKey());
                }
            }
        }
        try {
            luceneIndex.join();
        } catch (CompletionException e) {
            problems.add(Problem.error(null, 0, "could not update the search index in " + cacheDir + ": "
                    + e.getCause().getMessage(), "check that the folder is writable, or delete it to start afresh"));
        }
        return recorded;
    }
}
