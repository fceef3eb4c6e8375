package io.gazette.serve;

import io.gazette.build.BuildOptions;
import io.gazette.build.BuildResult;
import io.gazette.build.SiteBuild;
import io.gazette.config.ConfigLoader;
import io.gazette.output.OutputSink;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The real pipeline behind {@code gazette serve}. A saved article re-renders only the pages whose
 * fingerprint moved and is published at once; search (related articles, the static index, the
 * Lucene index behind {@code /api/search}) is brought up to date by a follow-up rebuild it queues
 * for itself. Settings or theme changes reopen the whole build. A scheduled article appears (and
 * an expired one leaves) by itself at its time, as in the hourly published build.
 */
public final class SiteRebuilder implements Rebuilder {
    /** The longest wait for a due article before looking again (a laptop's sleep stops the timer). */
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

    private final BuildOptions options;
    private SiteBuild session;
    private FollowUpQueue queue = changes -> { };
    /** Rebuilds when a scheduled article comes due or a published one expires, as a new build would. */
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gazette-serve-schedule");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> due;
    /** Where each generation's stage times go ({@code serve --timings}); null for nowhere. */
    private volatile java.io.PrintStream timings;

    public SiteRebuilder(BuildOptions options) {
        this.options = options;
    }

    /** Prints one line of stage times after each generation, so a slow one can be told apart. */
    public void printTimings(java.io.PrintStream out) {
        this.timings = out;
    }

    @Override
    public void followUps(FollowUpQueue controllerQueue) {
        this.queue = controllerQueue;
    }

    @Override
    public RebuildResult rebuild(ChangeSet changes, PreviewSite.Transaction site) throws Exception {
        long start = System.nanoTime();
        boolean reopen = session == null || changes.full() || changes.all().stream().anyMatch(SiteRebuilder::affectsAll);
        if (reopen) {
            session = null; // a failed open is retried in full next time
            SiteBuild opened = SiteBuild.open(options);
            site.clear();
            BuildResult result = opened.generate(new TransactionSink(site), null, start, true);
            session = opened;
            scheduleNextDue();
            reportTimings("full", result);
            return RebuildResult.of(result.problems().sorted());
        }
        Set<Path> content = changes.all().stream()
                .map(p -> options.projectDir().resolve(p).normalize())
                .collect(Collectors.toCollection(TreeSet::new));
        // Files changed: their pages first, without search, which a follow-up brings up to date.
        // No file changed (that follow-up, or the clock): a generation with search.
        boolean catchUp = content.isEmpty();
        BuildResult result = session.generate(new TransactionSink(site), content, start, catchUp);
        if (!catchUp && !result.problems().hasErrors()) {
            queue.later(ChangeSet.catchUpOnly());
        }
        scheduleNextDue();
        reportTimings(catchUp ? ChangeSet.CATCH_UP_NAME : "pages", result);
        if (catchUp && timings != null && session.relatedReport() != null) {
            timings.println("  related articles updated: " + session.relatedReport());
        }
        return RebuildResult.of(result.problems().sorted());
    }

    private void reportTimings(String kind, BuildResult result) {
        java.io.PrintStream out = timings;
        if (out != null) {
            out.println("timings " + kind + ": " + result.stats().stageMillis().entrySet().stream()
                    .sorted(java.util.Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " " + e.getValue() + " ms").collect(Collectors.joining(", ")));
        }
    }

    /**
     * Queues a rebuild for when the site changes by the clock alone. It goes through the queue
     * as the search follow-up does: a generation with no content change, which re-decides what
     * is published at the new time and updates pages, feeds, sitemaps and search.
     */
    private synchronized void scheduleNextDue() {
        if (due != null) {
            due.cancel(false);
            due = null;
        }
        Instant next = session == null ? null : session.nextDue();
        if (next == null) {
            return;
        }
        Duration wait = Duration.between(options.clock().instant(), next).plusMillis(50);
        if (wait.isNegative()) {
            // due within the second it names (a date with a fraction of a second): look again soon
            wait = Duration.ofSeconds(1);
        }
        due = timer.schedule(() -> queue.later(ChangeSet.catchUpOnly()),
                Math.min(wait.toMillis(), LONGEST_WAIT.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** {@code /api/search} for a project, from the Lucene index its builds keep in the cache. */
    public static SearchEndpoint searchEndpoint(Path projectDir) {
        return new LuceneSearchEndpoint(SiteBuild.searchIndexDir(projectDir.resolve(ConfigLoader.CACHE_DIR)));
    }

    /** site.yml, themes and languages: everything depends on them. */
    private static boolean affectsAll(Path changed) {
        return changed.startsWith("themes") || changed.equals(Path.of("site.yml"));
    }

    /** The pipeline's output sink on top of a preview transaction. */
    private record TransactionSink(PreviewSite.Transaction site) implements OutputSink {
        @Override
        public void write(String path, byte[] content) {
            site.write(path, content);
        }

        @Override
        public void copy(String path, Path source) throws IOException {
            site.writeFile(path, source);
        }

        @Override
        public void delete(String path) {
            site.delete(path);
        }

        @Override
        public byte[] previous(String path) throws IOException {
            SiteSnapshot base = site.base();
            String key = SitePaths.normalize(path);
            return base.contains(key) ? base.read(key) : null;
        }

        @Override
        public void showFirst(java.util.Collection<String> paths) {
            site.publishFirst(paths);
        }
    }
}
