package io.gazette.search;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Related articles kept from one search to the next, so that the next costs in proportion to what
 * changed ({@link RelatedUpdate}): a preview session keeps them in memory, {@code gazette build}
 * in {@code .gazette/cache/related-articles} (CI caches {@code .gazette/}). Used in two steps
 * around the index sync: {@link #before} takes the kept lists and opens the index version they
 * are of (the old texts of the articles an edit changes are read from it), {@link #after}
 * updates them against the synced index. Kept lists that do not fit the index (another version
 * of Gazette, a damaged file, an index written by someone else since) are not used: everything
 * is computed, and {@link Result#fullReason} says why in one line.
 */
public final class RelatedKeeper implements AutoCloseable {
    /** The file in the cache folder. */
    public static final String FILE_NAME = "related-articles";

    /** What a session keeps between searches; only this package looks inside. */
    public static final class Kept {
        final RelatedState state;

        Kept(RelatedState state) {
            this.state = state;
        }

        /**
         * Drops what only a session's next update uses (the inverted feature lists, 32 MB at
         * 100,000 articles, and the features' document frequencies, written already): a build
         * that ends after this search need not hold them while it renders.
         */
        public Kept forProcessEnd() {
            state.inverted = null;
            state.frequencies = null;
            return this;
        }
    }

    /**
     * The related lists of the synced index and what to keep for the next search.
     *
     * @param fullReason   why the kept lists were not updated but everything computed; null when
     *                     they were updated, or when there were none
     * @param updateReport what the update computed again (one line), or null after a full computation
     * @param changedLists the urls whose list is not the one the kept lists had (new and gone
     *                     articles included), or null when there were no kept lists to compare with
     */
    public record Result(Kept kept, Map<String, List<String>> lists, String fullReason, String updateReport,
            java.util.Set<String> changedLists) {
        /** Keeps the lists in {@code file} for the next build (replaced at once; never half written). */
        public void write(Path file) throws IOException {
            kept.state.write(file);
        }
    }

    private final RelatedState prior;
    /** The directory {@link #priorReader} reads through; null once {@link #synced} handed it on. */
    private Directory priorDirectory;
    private final DirectoryReader priorReader;
    /** {@link #priorReader}'s documents numbered; null until {@link #numberPrior} made it. */
    private DocNumbering priorNumbering;
    private final String reason;

    private RelatedKeeper(RelatedState prior, Directory priorDirectory, DirectoryReader priorReader, String reason) {
        this.prior = prior;
        this.priorDirectory = priorDirectory;
        this.priorReader = priorReader;
        this.reason = reason;
    }

    /**
     * Before the index in {@code indexDir} is synced: the lists kept in the session, or else in
     * {@code file} (null: none), and the index version they are of, opened.
     */
    public static RelatedKeeper before(Path indexDir, Kept inSession, Path file) {
        RelatedState prior = inSession == null ? null : inSession.state;
        String reason = null;
        if (prior == null && file != null && Files.isRegularFile(file)) {
            try {
                prior = RelatedState.read(file);
            } catch (RelatedState.Unusable e) {
                reason = "the kept related articles " + file.getFileName() + " cannot be used: " + e.getMessage();
            } catch (IOException e) {
                reason = "the kept related articles " + file.getFileName() + " cannot be read: " + e.getMessage();
            }
        }
        if (prior == null) {
            return new RelatedKeeper(null, null, null, reason);
        }
        Directory directory = null;
        try {
            if (SearchIndexer.commitVersion(indexDir) == prior.indexVersion) {
                // Read as the synced index is (see StreamedIndexDirectory): the synced index's reader is
                // made from this one (see synced), sharing its segments.
                directory = StreamedIndexDirectory.open(indexDir);
                DirectoryReader reader = DirectoryReader.open(directory);
                if (reader.getVersion() == prior.indexVersion) {
                    return new RelatedKeeper(prior, directory, reader, null);
                }
                reader.close();
            }
            reason = "the search index changed since the related articles were kept";
        } catch (IOException e) {
            reason = "the search index the related articles were kept with cannot be read: " + e.getMessage();
        }
        closeQuietly(directory);
        return new RelatedKeeper(null, null, null, reason);
    }

    /**
     * Numbers the documents of the commit the kept lists are of now, on the thread that read them
     * ({@code gazette build} reads them beside the content stage, see SearchWork.KeptRelated): when
     * the sync changes nothing the synced index is that commit and takes these numbers (at 100,000
     * articles ~0.2 s of the search stage: every url, date and source read and sorted). Nothing
     * when no lists were kept. Not thread-safe: before the keeper is handed to the search.
     */
    public RelatedKeeper numberPrior() throws IOException {
        if (priorReader != null && priorNumbering == null) {
            priorNumbering = DocNumbering.of(priorReader);
        }
        return this;
    }

    /**
     * The index commit these lists are of, open, when it is {@code version} (the commit a sync is
     * about to start from), else null: the sync reads the old versions of the documents it replaces
     * from it instead of opening the same commit a second time (see {@link SearchIndexer#update}).
     * Still this keeper's: the borrower does not close it.
     */
    public DirectoryReader commitOpen(long version) {
        return priorReader != null && priorReader.getVersion() == version ? priorReader : null;
    }

    /**
     * The index in {@code indexDir} as the sync left it, for {@link #after} and the static export:
     * made from the commit this keeper holds open when there is one, so that the segments the sync
     * did not touch are not opened again (Lucene's {@code openIfChanged}: an added article's build at
     * 10,000 articles opened all of them a third time after its commit), and that very reader when
     * the sync changed nothing. The same documents and numbers as {@link SearchIndex#open}.
     */
    public SearchIndex synced(Path indexDir) throws IOException {
        if (priorReader == null || priorDirectory == null) {
            return SearchIndex.open(indexDir);
        }
        DirectoryReader changed = DirectoryReader.openIfChanged(priorReader);
        DirectoryReader reader;
        if (changed != null) {
            reader = changed;
        } else {
            priorReader.incRef(); // the same commit: one reader, closed by both
            reader = priorReader;
        }
        SearchIndex index;
        try {
            index = SearchIndex.of(priorDirectory, reader, reader == priorReader ? numberPrior().priorNumbering : null);
        } catch (IOException | RuntimeException e) {
            reader.decRef();
            throw e;
        }
        // The index's segments read through this directory from now on: the index closes it, after them.
        priorDirectory = null;
        return index;
    }

    /** The related lists of {@code index} (just synced), {@code count} an article. */
    public Result after(SearchIndex index, int count) throws IOException {
        String fullReason = reason;
        if (priorReader != null) {
            long started = System.nanoTime();
            // Lists kept with the id of the very commit they are of need no check against its
            // documents: only a state of an older Gazette, or of another commit, is numbered again.
            boolean sameCommit = prior.commitId != null
                    && Arrays.equals(prior.commitId, RelatedState.commitId(priorReader));
            DocNumbering priorNumbering = sameCommit ? null : numberPrior().priorNumbering;
            long numbered = System.nanoTime();
            RelatedUpdate.Outcome outcome = RelatedUpdate.update(prior, priorReader, priorNumbering,
                    index.reader(), index.numbering(), count, index.version());
            if (outcome.state() != null) {
                long updated = System.nanoTime();
                outcome.state().commitId = RelatedState.commitId(index.reader());
                Map<String, List<String>> lists = outcome.state().toMap();
                return new Result(new Kept(outcome.state()), lists, null, outcome.stats().toString()
                        + (sameCommit ? "; last version known by its commit" : "; last version numbered in "
                                + (numbered - started) / 1_000_000 + " ms") + ", lists mapped in "
                        + (System.nanoTime() - updated) / 1_000_000 + " ms", outcome.changedLists());
            }
            fullReason = outcome.fullReason();
        }
        RelatedState state = RelatedArticles.computeState(index.reader(), index.numbering(), count, index.version());
        state.commitId = RelatedState.commitId(index.reader());
        // With kept lists, say which lists changed, so that only those pages are made again.
        Set<String> changedLists = priorReader == null ? null : RelatedUpdate.changedLists(prior, state);
        return new Result(new Kept(state), state.toMap(), fullReason, null, changedLists);
    }

    @Override
    public void close() throws IOException {
        try {
            if (priorReader != null) {
                priorReader.close();
            }
        } finally {
            if (priorDirectory != null) {
                priorDirectory.close();
            }
        }
    }

    private static void closeQuietly(Directory directory) {
        if (directory != null) {
            try {
                directory.close();
            } catch (IOException e) {
                // Only a handle: nothing was written through it.
            }
        }
    }
}
