package io.gazette.build;

import io.gazette.output.DirectorySink;
import io.gazette.output.OutputSink;
import io.gazette.problems.Problem;
import io.gazette.problems.Problems;
import io.gazette.search.SearchCorpus;
import io.gazette.search.SearchDocument;
import io.gazette.search.StaticIndexExporter;
import io.gazette.site.Site;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

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
        List<SearchDocument> docs = SearchStage.documents(site);
        CompletableFuture<Void> lucene = CompletableFuture.runAsync(() -> {
            try {
                SearchStage.index(cacheDir, docs);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        SearchCorpus corpus = SearchCorpus.of(docs);
        return new SearchWork(corpus, SearchStage.related(corpus, site.config().relatedCount()), lucene, cacheDir);
    }

    Map<String, List<String>> related() {
        return related;
    }

    /**
     * Writes the static index. A fresh build directory receives it directly; any other sink (the
     * preview) gets only the files whose content changed, and their fingerprints are recorded so
     * that files of an older index are deleted like any other vanished file.
     *
     * @return the paths of the index files given to a sink other than a build directory
     */
    List<String> finish(OutputSink sink, FileFingerprints fingerprints, Set<String> changedPaths, Problems problems)
            throws IOException {
        List<String> recorded = new java.util.ArrayList<>();
        if (sink instanceof DirectorySink directory) {
            StaticIndexExporter.export(corpus, directory.root());
        } else {
            Path temp = Files.createTempDirectory("gazette-search-");
            try {
                StaticIndexExporter.export(corpus, temp);
                try (Stream<Path> files = Files.walk(temp)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        String path = temp.relativize(file).toString().replace('\\', '/');
                        byte[] bytes = Files.readAllBytes(file);
                        long fingerprint = Arrays.hashCode(bytes) * 31L + bytes.length;
                        recorded.add(path);
                        if (fingerprints.record(path, fingerprint)) {
                            sink.write(path, bytes);
                            changedPaths.add(path);
                        }
                    }
                }
            } finally {
                io.gazette.output.TreeDeletion.delete(temp);
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
