package io.gazette.build;

import io.gazette.config.SiteConfig;
import io.gazette.content.UrlPaths;
import io.gazette.output.DirectorySink;
import io.gazette.output.StagingArea;
import io.gazette.problems.BuildFailedException;
import io.gazette.problems.Problem;
import io.gazette.site.Article;
import io.gazette.site.Site;
import io.gazette.threads.BackgroundWork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code gazette build}: one generation of a {@link SiteBuild} into a staging folder that replaces
 * the output folder only when the build has no errors (two files on one output path are an error
 * too); with the build cache, the staging folder starts from the last build's files and
 * fingerprints, and this build's are kept for the next one. Beside the output it writes the
 * source map that {@code gazette check} reads.
 */
final class DirectoryBuild {
    /** The folder of {@code .gazette/cache/} that {@link BuildCache} keeps its files in. */
    static final String BUILD_CACHE_DIR = "build";

    private final SiteBuild session;
    private final SiteConfig config;
    /** The build cache's key (the Gazette, theme and settings). */
    private final CacheKey key;
    private final ContentStage content;
    private final FileFingerprints fingerprints;
    private boolean useBuildCache;
    /** How the build cache links files: hard links, or (in tests) links that fail as across file systems. */
    private OutputMirror.Linker cacheLinker = OutputMirror.HARD_LINKS;
    private String fullBuildReason;
    /** The start the site's opening began on a thread of its own, for the next {@link #build}; or null. */
    private DirectoryStart begun;
    /** The source map being written beside its file while this build runs, or null. */
    private CompletableFuture<SourceMap.Pending> sourceMap;

    DirectoryBuild(SiteBuild session, SiteConfig config, CacheKey key, ContentStage content,
            FileFingerprints fingerprints) {
        this.session = session;
        this.config = config;
        this.key = key;
        this.content = content;
        this.fingerprints = fingerprints;
    }

    /** Starts from the last build's files kept in the build cache, and keeps this one's there. */
    void useBuildCache(OutputMirror.Linker linker) {
        this.useBuildCache = true;
        this.cacheLinker = linker;
    }

    /**
     * The next {@link #build} takes what {@code start} made (begun with the build cache's
     * {@code linker}) instead of starting then.
     */
    void begunBeside(DirectoryStart start, OutputMirror.Linker linker) {
        useBuildCache(linker);
        this.begun = start;
    }

    /** Why the last build with the build cache made every file; null when it reused files, or used no cache. */
    String fullBuildReason() {
        return fullBuildReason;
    }

    /** The whole site into the output directory, atomically. */
    BuildResult build() throws IOException, BuildFailedException {
        long start = System.nanoTime();
        DirectoryStart starting = begun;
        begun = null;
        if (starting == null) {
            starting = DirectoryStart.now(config, key, useBuildCache ? cacheLinker : null, fingerprints);
        }
        DirectoryStart.Started started = starting.await();
        BuildCache cache = started.cache();
        fullBuildReason = cache == null ? null : cache.fullBuildReason();
        try {
            return buildToDirectory(cache, started.staging(), started.sink(), start);
        } finally {
            content.useContentCache(null);
            if (cache != null) {
                cache.close();
            }
        }
    }

    /**
     * The build into {@code staging}, which the start made (with {@code sink}, and with the last
     * build's files being restored into it when there is a {@code cache}); closes it.
     */
    private BuildResult buildToDirectory(BuildCache cache, StagingArea staging, DirectorySink sink, long start)
            throws IOException, BuildFailedException {
        try (staging) {
            boolean committed = false;
            try {
                Map<String, Long> cacheStages = new java.util.HashMap<>();
                content.useContentCache(cache == null ? null : cache.content());
                session.whenSiteModelMade(site -> {
                    prepareSourceMap(site);
                    if (cache != null) {
                        cache.startSavingContent(); // the content stage is done with it
                    }
                });
                if (cache != null) {
                    session.whenOutputWanted(() -> awaitRestored(cache, cacheStages));
                }
                BuildResult result;
                try {
                    result = session.generate(sink, null, start);
                } catch (RestoreFailed e) {
                    throw e.getCause();
                } finally {
                    session.whenSiteModelMade(null);
                    session.whenOutputWanted(null);
                }
                Set<String> duplicates = new TreeSet<>(sink.duplicates());
                duplicates.addAll(fingerprints.duplicates());
                for (String duplicate : duplicates) {
                    result.problems().add(Problem.error(null, 0,
                            "two pages were written to the same output file " + duplicate,
                            "an article's slug, permalink or alias collides with a page Gazette generates"
                                    + " (tag, archive, search); change the slug or alias"));
                }
                if (result.problems().hasErrors()) {
                    throw new BuildFailedException(result.problems().sorted());
                }
                long swapping = System.nanoTime();
                java.util.Optional<java.nio.file.Path> replaced = staging.commit(cache != null && cache.keepsReplacedSite());
                committed = true;
                cacheStages.put("swap output", (System.nanoTime() - swapping) / 1_000_000);
                if (cache != null) {
                    long saving = System.nanoTime();
                    saveCache(cache, result, replaced.orElse(null));
                    cacheStages.put("build cache: save", (System.nanoTime() - saving) / 1_000_000);
                }
                long mapping = System.nanoTime();
                publishSourceMap(result);
                cacheStages.put("source map", (System.nanoTime() - mapping) / 1_000_000);
                return result.withTotal(System.nanoTime() - start, cacheStages);
            } catch (UncheckedIOException e) {
                // A write failed on a build thread (a full disk, most often): one message, no trace.
                throw new IOException("cannot write the site: " + e.getCause().getMessage(), e.getCause());
            } finally {
                if (!committed) {
                    discardSourceMap();
                    if (cache != null) {
                        // The staging folder is taken back or deleted below: the restoring must be done.
                        cache.awaitRestoredQuietly();
                    }
                }
                if (!committed && (cache == null || !cache.takeBack(staging.directory()))) {
                    staging.abandon();
                }
            }
        }
    }

    /**
     * Waits for the last build's files to be in the staging folder (from the static index export
     * or the page planning on, the build writes there), recording how long restoring took and how
     * long the build waited for it.
     */
    private static void awaitRestored(BuildCache cache, Map<String, Long> cacheStages) {
        long waiting = System.nanoTime();
        long took;
        try {
            took = cache.awaitRestored();
        } catch (IOException e) {
            throw new RestoreFailed(e);
        }
        if (took >= 0) {
            cacheStages.put("build cache: restore", took);
            cacheStages.put("build cache: restore, waited for", (System.nanoTime() - waiting) / 1_000_000);
        }
    }

    /** Carries the restoring's failure out of the site model's listener, to be thrown as it was. */
    private static final class RestoreFailed extends RuntimeException {
        RestoreFailed(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /**
     * Keeps this build's files for the next one. A cache that cannot be saved costs the next
     * build its speed, never its correctness: it then makes every file.
     */
    private void saveCache(BuildCache cache, BuildResult result, java.nio.file.Path replaced) {
        try {
            cache.save(result.changedPaths(), fingerprints, replaced);
        } catch (IOException | UncheckedIOException e) {
            result.problems().add(Problem.warning(null, 0, "could not keep this build's files for the next build in "
                    + SiteBuild.buildCacheDir(config.cacheDir()) + ": " + e.getMessage(),
                    "the next build makes every file again; check that .gazette/ is writable"));
        }
    }

    /**
     * Starts writing the source map of {@code site} beside its file (see {@link SourceMap#prepare})
     * on a thread of its own, while the search runs.
     */
    private void prepareSourceMap(Site site) {
        List<Article> articles = site.articles();
        CompletableFuture<SourceMap.Pending> pending = BackgroundWork.start("gazette-source-map",
                () -> SourceMap.prepare(config.projectDir(), config.outputDir(), sourceOfPage(articles)));
        sourceMap = pending;
    }

    /** The site is published: its source map is put in place (or written now, when none was prepared). */
    private void publishSourceMap(BuildResult result) {
        CompletableFuture<SourceMap.Pending> pending = sourceMap;
        sourceMap = null;
        try {
            if (pending == null) {
                SourceMap.write(config.projectDir(), config.outputDir(), sourceOfPage(result.site().articles()));
            } else {
                pending.join().publish();
            }
        } catch (IOException | CompletionException | UncheckedIOException e) {
            // The site is built; only check's Markdown locations are lost. Not worth failing the build.
        }
    }

    /** The build failed: the last map stays, since the output it describes does. */
    private void discardSourceMap() {
        CompletableFuture<SourceMap.Pending> pending = sourceMap;
        sourceMap = null;
        if (pending != null) {
            try {
                pending.join().discard();
            } catch (CompletionException e) {
                // nothing was left behind
            }
        }
    }

    /** Which Markdown file each article page came from (for check). */
    private static Map<String, String> sourceOfPage(List<Article> articles) {
        Map<String, String> pages = new java.util.HashMap<>();
        for (Article article : articles) {
            pages.put(UrlPaths.fileFor(article.url()), article.source().toString());
        }
        return pages;
    }
}
