package io.gazette.build;

import io.gazette.config.SiteConfig;
import io.gazette.output.DirectorySink;
import io.gazette.output.StagingArea;
import io.gazette.render.Theme;
import io.gazette.threads.BackgroundWork;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * The start of a {@link DirectoryBuild}: the build cache opened (its state and the content cache's
 * index read), the staging folder made, and the last build's files being restored into it. A
 * {@code gazette build} begins it on a thread of its own as soon as the configuration is loaded
 * ({@link SiteBuild#openWithBuildCache}), while the site's translations, templates and stages are
 * made on the main thread: at 10,000 articles that opening took ~0.15 s with the other core idle,
 * and the ~0.05 s of cache opening and the restore (0.25-0.3 s, most of it the kernel's) came after
 * it, the restore then competing with the content stage for the two cores.
 */
final class DirectoryStart {
    /** What the start made; the build owns them from {@link #await} on. */
    record Started(BuildCache cache, StagingArea staging, DirectorySink sink) {
    }

    /** The build cache's key, which the site's opening needs too (see {@link SiteBuild#open}). */
    private final CompletableFuture<CacheKey> key;
    private final CompletableFuture<Started> pending;

    private DirectoryStart(CompletableFuture<CacheKey> key, CompletableFuture<Started> pending) {
        this.key = key;
        this.pending = pending;
    }

    /**
     * Begins the start on a thread of its own, the build cache's key (a hash of every file of
     * {@code theme}) first. {@code linker} makes the build cache's links; the restored files'
     * fingerprints go to {@code fingerprints}, which nothing else may use before
     * {@link BuildCache#awaitRestored}.
     */
    static DirectoryStart begin(SiteConfig config, Theme theme, OutputMirror.Linker linker,
            FileFingerprints fingerprints) {
        CompletableFuture<CacheKey> key = new CompletableFuture<>();
        CompletableFuture<Started> pending = BackgroundWork.start("gazette-build-start", () -> {
            CacheKey made;
            try {
                made = CacheKey.of(theme, config);
            } catch (IOException | RuntimeException | Error e) {
                key.completeExceptionally(e);
                throw e;
            }
            key.complete(made);
            return start(config, made, linker, fingerprints);
        });
        return new DirectoryStart(key, pending);
    }

    /**
     * The same start made on the caller's thread, for a build whose opening did not begin it;
     * {@code linker} null: without the build cache.
     */
    static DirectoryStart now(SiteConfig config, CacheKey key, OutputMirror.Linker linker,
            FileFingerprints fingerprints) throws IOException {
        return new DirectoryStart(CompletableFuture.completedFuture(key),
                CompletableFuture.completedFuture(start(config, key, linker, fingerprints)));
    }

    /** The build cache's key, once made; throws what making it threw. */
    CacheKey key() throws IOException {
        return BackgroundWork.await(key);
    }

    /** The cache (null when the build uses none), staging folder and sink; throws what the start threw. */
    Started await() throws IOException {
        return BackgroundWork.await(pending);
    }

    /**
     * The build will not run (its site failed to open): waits for the start, then takes back or
     * deletes the staging folder and closes what it opened. Never throws; the opening's own failure
     * is the one reported.
     */
    void abandon() {
        Started started;
        try {
            started = await();
        } catch (IOException | RuntimeException e) {
            return; // the start closed what it had opened
        }
        BuildCache cache = started.cache();
        try (StagingArea staging = started.staging()) {
            if (cache != null) {
                cache.awaitRestoredQuietly();
            }
            if (cache == null || !cache.takeBack(staging.directory())) {
                staging.abandon();
            }
        } catch (IOException | RuntimeException e) {
            // A staging folder left behind is deleted by the next build's start.
        } finally {
            if (cache != null) {
                try {
                    cache.close();
                } catch (IOException e) {
                    // the lock goes with the process
                }
            }
        }
    }

    private static Started start(SiteConfig config, CacheKey key, OutputMirror.Linker linker,
            FileFingerprints fingerprints) throws IOException {
        BuildCache cache = linker == null ? null
                : BuildCache.open(SiteBuild.buildCacheDir(config.cacheDir()), key, config.outputDir(), linker);
        StagingArea staging;
        try {
            staging = StagingArea.create(config.outputDir(), config.projectDir());
        } catch (IOException | RuntimeException | Error e) {
            if (cache != null) {
                try {
                    cache.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        // The last build's files are restored on another thread until the site model is made.
        DirectorySink sink = cache == null ? new DirectorySink(staging.directory())
                : cache.prepare(staging.directory(), fingerprints);
        return new Started(cache, staging, sink);
    }
}
