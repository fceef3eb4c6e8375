package io.gazette.build;

import io.gazette.output.DirectorySink;
import io.gazette.output.OutputSink;
import io.gazette.problems.Problem;
import io.gazette.problems.Problems;
import io.gazette.search.ExportState;
import io.gazette.search.IndexChanges;
import io.gazette.search.IndexFiles;
import io.gazette.search.RelatedKeeper;
import io.gazette.search.SearchIndex;
import io.gazette.search.SearchIndexer;
import io.gazette.site.Site;
import io.gazette.threads.BackgroundWork;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The search part of one generation. The Lucene index in the cache is the index of record: it is
 * brought up to date first (only new and changed articles are analyzed, one at a time), then
 * related articles are read from it, and after the pages the static index is exported from it.
 */
final class SearchWork {
    private final SearchIndex index;
    /** The related lists; set once they are made, before {@link #start} returns. */
    private Map<String, List<String>> related;
    private final IOException failure;
    private final Path indexDir;
    /** The static index being written into a build directory while the pages render, or null. */
    private CompletableFuture<Void> export;
    /** The related lists being written for the next build on a thread of their own; null when not. */
    private CompletableFuture<Void> keeping;
    /** The search keys being written for the next build on a thread of their own; null when not. */
    private CompletableFuture<Void> keysWriting;
    /** What this search left in the index; null when it failed. */
    private SearchStage.Synced synced;
    /**
     * The index commit the sync left (what the export's state names): set before the export
     * starts, which reads it rather than {@link #synced}, replaced meanwhile on this thread.
     */
    private long syncedVersion = -1;
    private long relatedMillis;
    /** How long the parts before the related lists took, in ms, by name (for {@code --timings}). */
    private final Map<String, Long> partMillis = new LinkedHashMap<>();
    private String relatedReason;
    private Set<String> relatedListsChanged;
    private String relatedReport;
    /** The paths the export started by {@link #startExport} wrote. */
    private final Set<String> exported = new TreeSet<>();
    /** What the sync changed in the index, for an export in proportion to it; null when it failed. */
    private IndexChanges changes;
    /** What the last export left (the session's, or the build cache's), or null. */
    private ExportState lastExport;
    /** What this generation's export left, for the next one; null until it is done, or when it failed. */
    private volatile ExportState exportState;
    /** Why this generation's export was a full one; null when it updated the last one. */
    private volatile String fullExportReason;

    private SearchWork(SearchIndex index, Map<String, List<String>> related, IOException failure, Path indexDir) {
        this.index = index;
        this.related = related;
        this.failure = failure;
        this.indexDir = indexDir;
    }

    /**
     * Articles up to which a first build's or an edit's static index export starts as soon as the index is synced,
     * beside the related lists (see {@link #start}): {@code gazette build}'s; tests of the other way lower it. At
     * 10,000 articles both together keep under 150 MB live in a heap of 784 MB; at 100,000 an add's export beside
     * the related update kept ~780 MB live in 1,216 MB and made full collections (eleventh session): there the
     * export starts after the related lists, as before.
     */
    static final int EXPORT_BESIDE_RELATED_UP_TO = 25_000;

    /** Exports started beside the related lists: what a test checks to know that an edit took that way. */
    static final java.util.concurrent.atomic.AtomicInteger exportsBesideRelated = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Whether a site of {@code site}'s size may start its export beside the related lists, with
     * {@code upTo} as {@link #EXPORT_BESIDE_RELATED_UP_TO}: the one place of that rule, which
     * {@link SiteBuild} also asks, to know whether the output is wanted before the search or after it.
     */
    static boolean smallEnoughToExportBesideRelated(Site site, int upTo) {
        return site.articles().size() <= upTo;
    }

    /**
     * Brings the index up to date, then the related articles: the lists the session's last search
     * kept ({@code last}), or else those kept in the cache folder, are updated in proportion to
     * the edit (see {@link RelatedKeeper}). With {@code sink} a build directory ({@code fingerprints}
     * its generation's, started), the static index export of a first build or an edit in a site of up
     * to {@code exportBesideUpTo} articles (see {@link #EXPORT_BESIDE_RELATED_UP_TO}) starts on its own
     * thread as soon as the index is synced, while this thread updates the related lists: they read the
     * same index, and the export writes none of the pages. After a deletion at 10,000 articles the
     * related update (0.5-0.9 s) used one core while the other was idle, and the export (~1 s) then ran
     * after it, beside a few pages.
     *
     * @param last what the session's last search left in the index (see {@link SearchStage.Synced}),
     *             or null to compare every article with the index
     * @param keepRelated whether to keep the related lists in the cache folder for the next
     *             process ({@code gazette build}); a session keeps them in memory
     * @param lastExport what the session's last export left, or null to read it from the cache
     * @param keysSalt see {@link SearchStage#index(Path, Site, SearchStage.Synced, IndexChanges, Long)}:
     *             a sync without {@code last} compares only the articles whose key moved since the
     *             last sync kept them
     */
    static SearchWork start(Site site, Path cacheDir, SearchStage.Synced last, boolean keepRelated,
            ExportState lastExport, Long keysSalt, OutputSink sink, FileFingerprints fingerprints, int exportBesideUpTo,
            KeptRelated keptRelated) {
        Path indexDir = SiteBuild.searchIndexDir(cacheDir);
        Path relatedFile = cacheDir.resolve(RelatedKeeper.FILE_NAME);
        SearchWork work = null;
        // The keys for the next build's sync are written beside the related lists (see SearchStage.index).
        List<CompletableFuture<Void>> keysWriting = new ArrayList<>(1);
        java.util.concurrent.Executor keysWriter = write -> keysWriting.add(BackgroundWork.start("gazette-search-keys", () -> {
            write.run();
            return null;
        }));
        long began = System.nanoTime();
        try (RelatedKeeper keeper = keptRelated != null ? keptRelated.await()
                : RelatedKeeper.before(indexDir, last == null ? null : last.related(), relatedFile)) {
            long versionBefore = SearchIndexer.commitVersion(indexDir);
            long syncing = System.nanoTime();
            IndexChanges changes = new IndexChanges(versionBefore);
            SearchStage.Synced synced = SearchStage.index(indexDir, site, last, changes, keysSalt, keysWriter, keeper,
                    keptRelated == null ? null : keptRelated.keys());
            long opening = System.nanoTime();
            // From the commit the keeper holds open: only the segments the sync wrote are opened.
            work = new SearchWork(keeper.synced(indexDir), null, null, indexDir);
            work.keysWriting = keysWriting.isEmpty() ? null : keysWriting.get(0);
            // With the state read beside the content stage, how long the search still waited for it.
            work.partMillis.put("search: related state read (of the above)", (syncing - began) / 1_000_000);
            work.partMillis.put("search: sync (of the above)", (opening - syncing) / 1_000_000);
            work.partMillis.put("search: index opened (of the above)", (System.nanoTime() - opening) / 1_000_000);
            work.synced = synced;
            work.syncedVersion = synced.version();
            work.changes = changes;
            work.lastExport = lastExport;
            if (sink != null && startsExportBesideRelated(site, exportBesideUpTo, changes, lastExport, indexDir)) {
                work.startExport(sink, fingerprints);
                if (work.export != null) {
                    exportsBesideRelated.incrementAndGet();
                }
            }
            long relating = System.nanoTime();
            RelatedKeeper.Result related = keeper.after(work.index, site.config().relatedCount());
            // Lists updated from the kept file against an index the sync left as it was: the file
            // holds them already (at 100,000 articles it is 80 MB, written again for nothing).
            boolean keptAlready = last == null && synced.version() == versionBefore && related.updateReport() != null
                    && related.changedLists() != null && related.changedLists().isEmpty();
            if (keepRelated && !keptAlready) {
                // Written on a thread of their own while the pages are planned and rendered, and
                // waited for in finish(): the state is 123 MB at 100,000 articles, ~0.5 s that the
                // main thread spent writing before it planned a page. What only a session's next
                // update reads is dropped once written.
                work.keeping = BackgroundWork.start("gazette-related-keep", () -> {
                    keep(related, relatedFile);
                    related.kept().forProcessEnd();
                    return null;
                });
            }
            work.related = related.lists();
            work.relatedMillis = (System.nanoTime() - relating) / 1_000_000;
            work.relatedReason = related.fullReason();
            work.relatedListsChanged = related.changedLists();
            work.relatedReport = related.updateReport();
            work.synced = synced.withRelated(keepRelated && work.keeping == null ? related.kept().forProcessEnd()
                    : related.kept());
            return work;
        } catch (IOException e) {
            keysWriting.forEach(SearchWork::awaitQuietly);
            if (work != null) {
                // The export reads the index: it stops before the index closes.
                work.awaitExportQuietly();
                try {
                    work.index.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            return new SearchWork(null, Map.of(), e, indexDir);
        } catch (RuntimeException | Error e) {
            keysWriting.forEach(SearchWork::awaitQuietly);
            if (work != null) {
                // Nor may it write into the staging folder once the failed build deletes it.
                work.awaitExportQuietly();
            }
            throw e;
        }
    }

    /**
     * The related lists the last build kept in the cache folder, being read on a thread of their
     * own from the start of a generation, while the content is read and the site model made: at
     * 100,000 articles the state is 123 MB, which the search read on the main thread (0.6-1.9 s of an
     * added article's build) while a core was half idle during the content stage. Nothing writes the
     * index before the search's sync, which waits for it: the reader it opens is on the commit the
     * lists were kept with. Handed to {@link #start}, which closes it; {@link #discard} otherwise.
     */
    static final class KeptRelated {
        /**
         * The keeper, and the search keys the last sync kept (see {@link SearchKeys}), read on the same thread
         * after the lists, under whatever salt they were kept with (the sync takes them only under its own): at
         * 100,000 articles 60-180 ms that the sync spent reading them on the main thread. Keys null when none.
         */
        private record Read(RelatedKeeper keeper, SearchKeys keys) {
        }

        private final CompletableFuture<Read> reading;

        private KeptRelated(CompletableFuture<Read> reading) {
            this.reading = reading;
        }

        /** Starts reading what the last build kept in {@code cacheDir} (see {@link RelatedKeeper#before}). */
        static KeptRelated startReading(Path cacheDir) {
            Path indexDir = SiteBuild.searchIndexDir(cacheDir);
            Path file = cacheDir.resolve(RelatedKeeper.FILE_NAME);
            Path keysFile = indexDir.resolveSibling(SearchKeys.FILE_NAME);
            return new KeptRelated(BackgroundWork.start("gazette-related-read", () -> {
                RelatedKeeper keeper = RelatedKeeper.before(indexDir, null, file);
                try {
                    keeper.numberPrior(); // for a sync that changes nothing: see numberPrior
                    return new Read(keeper, SearchKeys.read(keysFile, null));
                } catch (IOException | RuntimeException e) {
                    try {
                        keeper.close();
                    } catch (IOException suppressed) {
                        e.addSuppressed(suppressed);
                    }
                    throw e;
                }
            }));
        }

        RelatedKeeper await() throws IOException {
            return BackgroundWork.await(reading).keeper();
        }

        /** The search keys read beside the lists, or null (none); only after {@link #await}. */
        SearchKeys keys() {
            return reading.join().keys();
        }

        /** The generation failed before its search: what was read is closed, once it is. */
        void discard() {
            try {
                reading.join().keeper().close();
            } catch (IOException | CompletionException | CancellationException e) {
                // The generation's own failure is the one reported.
            }
        }
    }

    /**
     * Whether the export of this sync starts beside the related lists: a small archive, and either
     * a first build (no index before: the whole export) or an edit (few documents changed) with a
     * last export to bring up to date. In a first build of 10,000 articles the export otherwise ran
     * beside the pages and then 0.5-0.7 s alone on one core after them (search12, fourteenth
     * session); beside the related lists it is done before the pages start: 0.92x the wall time
     * in alternating pairs, peak RSS unchanged (~525 MiB).
     */
    private static boolean startsExportBesideRelated(Site site, int upTo, IndexChanges changes, ExportState lastExport,
            Path indexDir) {
        if (!smallEnoughToExportBesideRelated(site, upTo)) {
            return false;
        }
        boolean fresh = changes.commitBefore() < 0;
        return fresh || !changes.overflowed()
                && (lastExport != null || java.nio.file.Files.isRegularFile(indexDir.resolveSibling(ExportState.FILE_NAME)));
    }

    /** Keeps the lists for the next build; one that cannot be kept costs that build time, never correctness. */
    private static void keep(RelatedKeeper.Result related, Path file) {
        try {
            related.write(file);
        } catch (IOException e) {
            try {
                java.nio.file.Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A stale file names another index version: the next build does not use it.
            }
        }
    }

    /** The urls whose related list changed since the session's last search, or null when any may have. */
    Set<String> relatedListsChanged() {
        return relatedListsChanged;
    }

    /** What updating the kept related lists computed again (one line), or null when every list was computed. */
    String relatedReport() {
        return relatedReport;
    }

    /** How long the related articles took, in ms (part of the search analysis stage). */
    long relatedMillis() {
        return relatedMillis;
    }

    /**
     * How long the parts before the related lists took, in ms, by their {@code --timings} name:
     * the kept related state read, the sync, the index opened for reading.
     */
    Map<String, Long> partMillis() {
        return partMillis;
    }

    /**
     * Why kept related lists were not updated but computed for every article (one line), or
     * null: they were updated, or there were none to update.
     */
    String relatedReason() {
        return relatedReason;
    }

    Map<String, List<String>> related() {
        return related;
    }

    /** What this search left in the index, for the session's next one; null when it failed. */
    SearchStage.Synced synced() {
        return synced;
    }

    /** What this generation's export left, for the session's next one; null when it failed. */
    ExportState exportState() {
        return exportState;
    }

    /** Why this generation's export wrote every file of the static index; null when it updated the last one. */
    String fullExportReason() {
        return fullExportReason;
    }

    /**
     * Starts writing the static index into a fresh build directory now, on a thread of its own,
     * so that it runs while the pages are planned and rendered: the export reads only the index and the body store,
     * and its files are none of the pages'. Much of the export works one term range at a time
     * and leaves a core idle, which rendering fills; one after the other they took 3 + 4 s at
     * 10,000 articles. Other sinks (the preview) compare each file with the last one, in
     * {@link #finish}, as before.
     */
    void startExport(OutputSink sink, FileFingerprints fingerprints) {
        if (index == null || !(sink instanceof DirectorySink) || export != null) {
            return;
        }
        // The page planners record fingerprints while it runs (FileFingerprints is synchronized;
        // their paths are none of the index's), and the paths written join the generation's
        // changed paths in finish().
        IndexFiles files = unchangedSkipped(sink, fingerprints, exported);
        export = BackgroundWork.start("gazette-search-export", () -> {
            exportAll(index, files, sink, fingerprints);
            return null;
        });
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
        List<String> recorded = new ArrayList<>();
        if (keeping != null) {
            BackgroundWork.await(keeping);
        }
        if (keysWriting != null) {
            BackgroundWork.await(keysWriting);
        }
        if (index == null) {
            problems.add(Problem.error(null, 0, "could not update the search index in " + indexDir + ": "
                    + failure.getMessage(), "check that the folder is writable, or delete it to start afresh"));
            return recorded;
        }
        try (SearchIndex open = index) {
            if (export != null) {
                awaitExport();
                changedPaths.addAll(exported);
            } else if (sink instanceof DirectorySink) {
                exportAll(open, unchangedSkipped(sink, fingerprints, changedPaths), sink, fingerprints);
            } else {
                Map<String, byte[]> files = new ConcurrentHashMap<>();
                Set<String> kept = ConcurrentHashMap.newKeySet();
                IndexFiles collect = new IndexFiles() {
                    @Override
                    public void write(String path, byte[] content) {
                        files.put(path, content);
                    }

                    @Override
                    public void keep(String path) {
                        kept.add(path);
                    }
                };
                exportAll(open, collect, sink, fingerprints);
                for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
                    long fingerprint = contentFingerprint(file.getValue());
                    recorded.add(file.getKey());
                    if (fingerprints.record(file.getKey(), fingerprint)) {
                        sink.write(file.getKey(), file.getValue());
                        changedPaths.add(file.getKey());
                    }
                }
                for (String path : kept) {
                    if (!fingerprints.keep(path)) {
                        throw new IllegalStateException("the search export kept " + path + ", which is not there");
                    }
                    recorded.add(path);
                }
            }
        }
        return recorded;
    }

    /**
     * Waits for an export started by {@link #startExport}, and for the related lists' writing, to
     * end, their outcome ignored: the build failed already.
     */
    void awaitExportQuietly() {
        for (CompletableFuture<Void> pending : java.util.Arrays.asList(keeping, keysWriting, export)) {
            awaitQuietly(pending);
        }
    }

    private static void awaitQuietly(CompletableFuture<Void> pending) {
        if (pending == null) {
            return;
        }
        try {
            pending.join();
        } catch (CompletionException | CancellationException e) {
            // The build's own failure is the one reported.
        }
    }

    private void awaitExport() throws IOException {
        BackgroundWork.await(export);
    }

    /**
     * Writes the files of the static index as they come, never all held at once; a file the
     * build directory already holds from the last build (see BuildCache) is left as it is.
     * Safe from the export's threads; {@code changed} receives the paths written.
     */
    private static IndexFiles unchangedSkipped(OutputSink sink, FileFingerprints fingerprints, Set<String> changed) {
        return new IndexFiles() {
            @Override
            public void write(String path, byte[] content) throws IOException {
                boolean moved;
                long fingerprint = contentFingerprint(content);
                synchronized (fingerprints) {
                    moved = fingerprints.record(path, fingerprint);
                }
                if (moved) {
                    sink.write(path, content);
                    synchronized (changed) {
                        changed.add(path);
                    }
                }
            }

            @Override
            public void keep(String path) {
                boolean there;
                synchronized (fingerprints) {
                    there = fingerprints.keep(path);
                }
                if (!there) {
                    throw new IllegalStateException("the search export kept " + path + ", which is not there");
                }
            }
        };
    }

    /** A file's fingerprint, across processes too: the one the export state knows its manifest by. */
    static long contentFingerprint(byte[] content) {
        return ExportState.fingerprint(content);
    }

    /**
     * The static index, then the passages numbered as its documents are: the last export brought
     * up to date when what it left is known to be in place (its state, the index commit it was
     * made from, its manifest among the last generation's files), else every file.
     */
    private void exportAll(SearchIndex open, IndexFiles files, OutputSink sink, FileFingerprints fingerprints)
            throws IOException {
        Path stateFile = indexDir.resolveSibling(ExportState.FILE_NAME);
        String whyFull = null;
        ExportState last = lastExport;
        if (last == null) {
            try {
                last = ExportState.read(stateFile);
            } catch (ExportState.Unusable e) {
                whyFull = "the search export state " + stateFile.getFileName() + " cannot be used (" + e.getMessage() + ")";
            } catch (IOException e) {
                whyFull = "the search export state " + stateFile.getFileName() + " cannot be read (" + e + ")";
            }
        }
        if (whyFull == null && last != null) {
            Long manifest;
            synchronized (fingerprints) {
                manifest = fingerprints.fingerprint(MANIFEST);
            }
            if (manifest == null || manifest != last.manifestFingerprint()) {
                whyFull = "the search index in place is not the one the last search export wrote";
            }
        }
        IndexFiles.Previous previous = new IndexFiles.Previous() {
            @Override
            public byte[] read(String path) throws IOException {
                return sink.previous(path);
            }

            @Override
            public boolean has(String path) {
                synchronized (fingerprints) {
                    return fingerprints.fingerprint(path) != null;
                }
            }
        };
        // The passages were deflated when each article was indexed: copied, no body read again.
        SearchIndex.Exported done = open.export(files, last, changes, previous, whyFull);
        ExportState state = done.state().atCommit(syncedVersion);
        if (sink instanceof DirectorySink) {
            state.write(stateFile);
        }
        fullExportReason = done.fullReason();
        exportState = state;
    }

    private static final String MANIFEST = io.gazette.search.StaticIndexExporter.DIR + "/manifest.json";
}
