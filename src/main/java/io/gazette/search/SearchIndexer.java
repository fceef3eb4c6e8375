package io.gazette.search;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Writes the build-time Lucene index into a cache directory (never into the published output).
 *
 * <p>This index is the one index of record: {@link SearchService} answers from it, and
 * {@link RelatedArticles} and {@link StaticIndexExporter} read it. {@link #rebuild} writes every
 * document from scratch; {@link #sync} brings an existing index up to date by rewriting only the
 * documents whose content changed ({@code updateDocument} by url, content hash in doc values) and
 * deleting the ones gone (and rebuilds an index of an older layout); the preview server can also
 * {@link #update}/{@link #delete} single documents. Ranking does not depend on Lucene scores,
 * document order or segment layout, so all three give the same results.
 */
public final class SearchIndexer implements AutoCloseable {
    /** The index folder's name inside the build cache. */
    public static final String DIR_NAME = "search-index";
    /** Indexing buffer shared by the writing threads; full, it flushes a segment to disk. */
    private static final double RAM_BUFFER_MB = 48;
    /**
     * (term, document) pairs a {@link SegmentBatch} holds before it is written as a segment: about
     * 1,500 real articles and 30 MB of arrays, so that 10,000 articles make a few segments (below
     * the merge policy's ten a tier: no merge) and the memory stays bounded whatever the archive.
     */
    private static final long BATCH_ENTRIES = 1_500_000;

    /** The largest segment a session's follow-up may merge into (see {@link #apply}). */
    static final double SESSION_MERGED_MB = 8;

    private final Directory directory;
    private final IndexWriter writer;
    /** See {@link #BATCH_ENTRIES}; smaller in tests, to make many segments of a few documents. */
    private long batchEntries = BATCH_ENTRIES;

    private SearchIndexer(Path indexDir, IndexWriterConfig.OpenMode mode) throws IOException {
        Files.createDirectories(indexDir);
        // Merges read whole segments: through the file cache, not mapped (see StreamedIndexDirectory).
        this.directory = StreamedIndexDirectory.open(indexDir);
        IndexWriterConfig config = new IndexWriterConfig(SearchFields.analyzer());
        // Lucene's own format; a SegmentBatch's postings are written without the merge's views.
        config.setCodec(SearchCodec.codec());
        config.setOpenMode(mode);
        // Bounded whatever the archive's size: a bigger archive flushes more segments, not more heap.
        config.setRAMBufferSizeMB(RAM_BUFFER_MB);
        // Segments are written once and read a few times a build: compound files are a second copy.
        config.setUseCompoundFile(false);
        TieredMergePolicy merges = new TieredMergePolicy();
        merges.setNoCFSRatio(0);
        config.setMergePolicy(merges);
        // Lucene paces merges to 20 MB/s at first (to spare a search server's disk); here nobody
        // searches while the build writes, and the segments of SegmentBatch are merges too: paced,
        // the writing threads sat idle for seconds at 10,000 articles.
        ConcurrentMergeScheduler scheduler = new ConcurrentMergeScheduler();
        scheduler.disableAutoIOThrottle();
        // Lucene runs at most cores / 2 merges at once (one on two cores) and pauses the others:
        // two writing threads that filled their SegmentBatch together then waited one behind the
        // other, with a core idle. A build is the only user of the machine's cores it was given.
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        scheduler.setMaxMergesAndThreads(cores + 5, cores);
        config.setMergeScheduler(scheduler);
        config.setCommitOnClose(true);
        this.writer = new IndexWriter(directory, config);
        writer.setLiveCommitData(Map.of(SearchFields.SCHEMA_KEY, SearchFields.SCHEMA).entrySet());
    }

    /** Opens (creating if needed) the index for incremental changes; close() commits. */
    public static SearchIndexer open(Path indexDir) throws IOException {
        return new SearchIndexer(indexDir, currentSchema(indexDir)
                ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE);
    }

    /** Replaces whatever is in {@code indexDir} with exactly {@code docs}. */
    public static void rebuild(Path indexDir, List<SearchDocument> docs) throws IOException {
        requireUniqueUrls(docs);
        try (SearchIndexer indexer = new SearchIndexer(indexDir, IndexWriterConfig.OpenMode.CREATE)) {
            indexer.writeAll(docs.parallelStream(), null, false);
        }
    }

    /** {@link #rebuild(Path, List)} with batches of {@code batchEntries} (term, document) pairs. */
    static void rebuild(Path indexDir, List<SearchDocument> docs, long batchEntries) throws IOException {
        requireUniqueUrls(docs);
        try (SearchIndexer indexer = new SearchIndexer(indexDir, IndexWriterConfig.OpenMode.CREATE)) {
            indexer.batchEntries = batchEntries;
            indexer.writeAll(docs.parallelStream(), null, false);
        }
    }

    /**
     * Makes the index hold exactly {@code docs}, rewriting only new or changed documents and
     * deleting the ones no longer present. Returns how many documents were written or deleted.
     */
    public static int sync(Path indexDir, List<SearchDocument> docs) throws IOException {
        requireUniqueUrls(docs);
        return sync(indexDir, docs.parallelStream());
    }

    /**
     * Same as {@link #sync(Path, List)} for documents made one at a time as the stream is
     * consumed (in parallel if it is parallel): each is hashed, and analyzed only when its hash
     * differs from the index's, so no more than a few documents' text is in memory at once and an
     * unchanged archive costs one read of each text. Urls must be unique.
     */
    public static int sync(Path indexDir, Stream<SearchDocument> docs) throws IOException {
        return sync(indexDir, docs, null);
    }

    /**
     * Same, telling {@code changes} (when not null) which documents it wrote or deleted and the
     * static index keys of the versions it dropped (see {@link IndexChanges}).
     */
    public static int sync(Path indexDir, Stream<SearchDocument> docs, IndexChanges changes) throws IOException {
        boolean current = currentSchema(indexDir);
        Map<String, String> existing = current ? storedHashes(indexDir) : Map.of();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        int written;
        int deleted = 0;
        try (OldDocuments before = current && changes != null ? new OldDocuments(indexDir) : null;
                SearchIndexer indexer = new SearchIndexer(indexDir,
                current ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE)) {
            written = indexer.writeAll(docs.peek(d -> {
                if (!seen.add(d.url())) {
                    throw new IllegalArgumentException("two search documents have the url " + d.url());
                }
            }), existing::get, current, before, changes);
            for (String url : new TreeSet<>(existing.keySet())) {
                if (!seen.contains(url)) {
                    note(before, changes, url);
                    indexer.delete(url);
                    deleted++;
                }
            }
            if (written == 0 && deleted == 0 && current) {
                indexer.writer.rollback(); // nothing to commit: keep the index files as they are
            }
        }
        return written + deleted;
    }

    /**
     * Writes {@code changed} (replacing by url) and deletes {@code gone} in an index of the
     * current layout, without looking at the other documents: a long session that knows what
     * changed since its last sync (the preview after a save). Returns how many documents were
     * written or deleted.
     */
    public static int apply(Path indexDir, Stream<SearchDocument> changed, java.util.Collection<String> gone)
            throws IOException {
        return apply(indexDir, changed, gone, null);
    }

    /** Same, telling {@code changes} (when not null) what it changed, as {@link #sync} does. */
    public static int apply(Path indexDir, Stream<SearchDocument> changed, java.util.Collection<String> gone,
            IndexChanges changes) throws IOException {
        return apply(indexDir, changed, gone, changes, null);
    }

    /**
     * Same, with {@code current} the index's last commit already open (null: none; see
     * {@link #update(Path, Stream, java.util.Collection, IndexChanges, DirectoryReader)}).
     */
    public static int apply(Path indexDir, Stream<SearchDocument> changed, java.util.Collection<String> gone,
            IndexChanges changes, DirectoryReader current) throws IOException {
        if (!currentSchema(indexDir)) {
            throw new IllegalStateException("no index of the current layout in " + indexDir);
        }
        try (OldDocuments before = changes != null ? OldDocuments.of(indexDir, current) : null;
                SearchIndexer indexer = new SearchIndexer(indexDir, IndexWriterConfig.OpenMode.APPEND)) {
            // Closing the writer waits for its merges. A session's follow-ups each add a small
            // segment, and the tiered policy in time merged them with the build's mid-sized ones:
            // a follow-up at 100,000 articles waited 2.6 s for a 66 MB merge. Capped, only the
            // small segments merge (among themselves, in milliseconds); the build's segments keep
            // their few deleted documents until the next full sync.
            ((TieredMergePolicy) indexer.writer.getConfig().getMergePolicy()).setMaxMergedSegmentMB(SESSION_MERGED_MB);
            int written = indexer.writeAll(changed, null, true, before, changes);
            for (String url : gone) {
                note(before, changes, url);
                indexer.delete(url);
            }
            if (written == 0 && gone.isEmpty()) {
                indexer.writer.rollback();
            }
            return written + gone.size();
        }
    }

    /**
     * Brings the documents {@code changed} up to date and deletes {@code gone}, without looking
     * at any other document: each changed document is written only when its content hash differs
     * from the one the index holds at its url (read for that url alone), so a document that only
     * may have changed costs its hash, not its analysis. For a caller that knows which documents
     * may have changed since the index's last commit ({@code gazette build} with the keys the last
     * sync left). Returns how many documents were written or deleted.
     */
    public static int update(Path indexDir, Stream<SearchDocument> changed, java.util.Collection<String> gone,
            IndexChanges changes) throws IOException {
        return update(indexDir, changed, gone, changes, null);
    }

    /**
     * Same, with {@code current} the index's last commit already open ({@link RelatedKeeper#commitOpen}:
     * the commit the kept related lists are of), read for the old versions instead of opening it
     * again (at 10,000 articles a reader of every segment, of an added article's build); null: opened
     * here. Not closed here. A reader of another commit is not used.
     */
    public static int update(Path indexDir, Stream<SearchDocument> changed, java.util.Collection<String> gone,
            IndexChanges changes, DirectoryReader current) throws IOException {
        if (!currentSchema(indexDir)) {
            throw new IllegalStateException("no index of the current layout in " + indexDir);
        }
        boolean parallel = changed.isParallel();
        Spliterator<SearchDocument> documents = changed.spliterator();
        if (documents.getExactSizeIfKnown() == 0 && gone.isEmpty()) {
            // Nothing may have changed (a build of an unchanged archive): the index stays as it is,
            // without opening a reader and a writer only to roll the writer back.
            return 0;
        }
        try (OldDocuments before = OldDocuments.of(indexDir, current);
                SearchIndexer indexer = new SearchIndexer(indexDir, IndexWriterConfig.OpenMode.APPEND)) {
            int written = indexer.writeAll(StreamSupport.stream(documents, parallel),
                    before::hash, true, before, changes);
            int deleted = 0;
            for (String url : gone) {
                if (before.hash(url) == null) {
                    continue; // not in the index: nothing to delete
                }
                note(before, changes, url);
                indexer.delete(url);
                deleted++;
            }
            if (written == 0 && deleted == 0) {
                indexer.writer.rollback();
            }
            return written + deleted;
        }
    }

    /**
     * The version of the index's last commit, or -1 when there is no index of the current
     * layout: a session compares it with the one its last sync left, to know that nobody else
     * wrote the index since.
     */
    public static long commitVersion(Path indexDir) throws IOException {
        if (!Files.isDirectory(indexDir)) {
            return -1;
        }
        try (Directory dir = FSDirectory.open(indexDir)) {
            return hasCurrentSchema(dir) ? SegmentInfos.readLatestCommit(dir).getVersion() : -1;
        }
    }

    /** Adds the document, or replaces the one with the same url. */
    public void update(SearchDocument doc) throws IOException {
        Objects.requireNonNull(doc.url(), "url");
        writer.updateDocument(new Term(SearchFields.URL, doc.url()), SearchFields.toLucene(doc));
    }

    /**
     * Adds a document the index is known to hold no live document at its url for: unlike
     * {@link #update(SearchDocument)}, no delete by url is left for the commit to apply, which
     * opens a reader of every segment in the writer (an added article's build at 10,000 articles
     * opened them all for a url none of them holds).
     */
    private void add(SearchDocument doc) throws IOException {
        writer.addDocument(SearchFields.toLucene(doc));
    }

    public void delete(String url) throws IOException {
        writer.deleteDocuments(new Term(SearchFields.URL, url));
    }

    /** Makes changes visible to readers opened (or refreshed) afterwards. */
    public void commit() throws IOException {
        writer.commit();
    }

    @Override
    public void close() throws IOException {
        try {
            if (writer.isOpen()) {
                writer.close();
            }
        } finally {
            directory.close();
        }
    }

    /**
     * Writes the documents whose hash differs from {@code existing} (every one when it is null),
     * replacing by url when {@code replace}; returns how many were written.
     */
    private int writeAll(Stream<SearchDocument> docs, Map<String, String> existing, boolean replace) throws IOException {
        return writeAll(docs, existing == null ? null : existing::get, replace, null, null);
    }

    /** The content hash the index holds for a url, or null when it holds no document there. */
    @FunctionalInterface
    private interface StoredHash {
        String of(String url) throws IOException;
    }

    private int writeAll(Stream<SearchDocument> docs, StoredHash existing, boolean replace,
            OldDocuments before, IndexChanges changes) throws IOException {
        if (!replace) {
            return writeBatches(docs, existing, changes);
        }
        java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
        try {
            docs.forEach(doc -> {
                Objects.requireNonNull(doc.url(), "SearchDocument.url");
                String stored = storedHash(existing, doc.url());
                if (stored != null && SearchFields.syncKey(doc).equals(stored)) {
                    return;
                }
                boolean isNew = existing != null && stored == null;
                track(doc.url(), isNew, before, changes);
                try {
                    if (isNew) {
                        add(doc);
                    } else {
                        update(doc);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                written.incrementAndGet();
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return written.get();
    }

    private static String storedHash(StoredHash existing, String url) {
        try {
            return existing == null ? null : existing.of(url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Tells {@code changes} (when not null) that the document at {@code url} is about to be
     * written: a new one (the index holds none at its url) has no old version to look up.
     */
    private static void track(String url, boolean isNew, OldDocuments before, IndexChanges changes) {
        if (changes == null) {
            return;
        }
        if (isNew) {
            changes.changed(url, Map.of());
        } else {
            note(before, changes, url);
        }
    }

    /**
     * Writes the documents of a fresh index (nothing to replace) whose hash differs from
     * {@code existing} (every one when it is null) as {@link SegmentBatch}es, one a writing thread:
     * a batch that holds {@link #BATCH_ENTRIES} (term, document) pairs becomes a segment, and what
     * is left when a thread finds no more documents becomes one more. Tells {@code changes} (when
     * not null) each document written, as {@link #writeAll} does (a fresh index has no old
     * versions to look up). Returns how many documents were written.
     *
     * <p>One thread a core takes the documents one at a time from the stream (its own order and
     * parallelism do not matter), so the threads end together: a parallel stream handed each
     * thread a quarter of the archive at once, and the thread that ended first sat idle while the
     * other analyzed the rest of its quarter alone. A thread writes its last batch as soon as it
     * finds the stream empty, while the others still analyze.
     */
    private int writeBatches(Stream<SearchDocument> docs, StoredHash existing, IndexChanges changes)
            throws IOException {
        Spliterator<SearchDocument> source = docs.spliterator();
        java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable work = () -> {
            SegmentBatch batch = new SegmentBatch();
            for (SearchDocument doc = next(source, failed); doc != null; doc = next(source, failed)) {
                Objects.requireNonNull(doc.url(), "SearchDocument.url");
                String stored = storedHash(existing, doc.url());
                if (stored != null && SearchFields.syncKey(doc).equals(stored)) {
                    continue;
                }
                track(doc.url(), existing != null && stored == null, null, changes);
                batch.add(SearchFields.toLucene(doc));
                written.incrementAndGet();
                if (batch.entries() >= batchEntries) {
                    addSegment(batch);
                    batch = batch.recycled();
                }
            }
            addSegment(batch);
        };
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        List<Thread> helpers = new java.util.ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int t = 1; t < threads; t++) {
            Thread helper = new Thread(() -> {
                try {
                    work.run();
                } catch (Throwable e) {
                    failed.set(true);
                    failures.add(e);
                }
            }, "gazette-index-" + t);
            helper.setDaemon(true);
            helper.start();
            helpers.add(helper);
        }
        try {
            work.run();
        } catch (Throwable e) {
            failed.set(true);
            failures.add(0, e);
        }
        boolean interrupted = false;
        for (Thread helper : helpers) {
            while (true) {
                try {
                    helper.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the helpers write into this writer: wait for them all the same
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (!failures.isEmpty()) {
            Throwable first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw io.gazette.threads.Rethrow.asThrown(first);
        }
        return written.get();
    }

    /**
     * The next document of a stream shared by the writing threads, or null at its end (or once
     * one of them failed). Making the
     * document (reading its text) happens here, one thread at a time; analyzing it does not.
     */
    private static SearchDocument next(Spliterator<SearchDocument> source,
            java.util.concurrent.atomic.AtomicBoolean failed) {
        Object[] next = new Object[1];
        synchronized (source) {
            if (failed.get()) {
                return null; // another thread failed: the sync fails, the rest is not worth reading
            }
            if (!source.tryAdvance(doc -> next[0] = doc)) {
                return null;
            }
        }
        return (SearchDocument) next[0];
    }

    /** Writes the batches as one new segment. */
    private void addSegment(SegmentBatch... batches) {
        List<CodecReader> readers = new java.util.ArrayList<>();
        for (SegmentBatch batch : batches) {
            if (batch.size() > 0) {
                try {
                    readers.add(SlowCodecReaderWrapper.wrap(batch.reader()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        if (readers.isEmpty()) {
            return;
        }
        try {
            writer.addIndexes(readers.toArray(new CodecReader[0]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A searchable copy of {@code docs} in memory (tests, tools, one-off exports): the same
     * documents the cache's index would hold.
     */
    public static DirectoryReader inMemory(List<SearchDocument> docs) throws IOException {
        requireUniqueUrls(docs);
        Directory dir = new ByteBuffersDirectory();
        // The cache's codec: its readers give the bodies (stored as UTF-8 bytes) back as text.
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(SearchFields.analyzer())
                .setCodec(SearchCodec.codec()))) {
            for (SearchDocument doc : docs) {
                writer.addDocument(SearchFields.toLucene(doc));
            }
        }
        return DirectoryReader.open(dir);
    }

    /** Tells {@code changes} about a document about to be replaced or deleted, with its old keys. */
    private static void note(OldDocuments before, IndexChanges changes, String url) {
        if (changes == null || !changes.wanted()) {
            return;
        }
        try {
            changes.changed(url, before == null ? Map.of() : before.keys(url));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The index as it was before a sync, open beside the writer (which commits only when it
     * closes): the documents about to be replaced or deleted are read back from it.
     */
    private static final class OldDocuments implements AutoCloseable {
        /** Null when the reader is lent (not closed here). */
        private final Directory directory;
        private final DirectoryReader reader;

        private OldDocuments(DirectoryReader lent) {
            this.directory = null;
            this.reader = lent;
        }

        /**
         * The index's last commit: {@code current} when it is that commit (lent, not closed here),
         * else opened. The writer commits only when it closes, after these are read.
         */
        static OldDocuments of(Path indexDir, DirectoryReader current) throws IOException {
            if (current != null) {
                try (Directory dir = FSDirectory.open(indexDir)) {
                    SegmentInfos latest = SegmentInfos.readLatestCommit(dir);
                    if (latest.getVersion() == current.getVersion()
                            && java.util.Arrays.equals(latest.getId(), RelatedState.commitId(current))) {
                        return new OldDocuments(current);
                    }
                }
            }
            return new OldDocuments(indexDir);
        }

        OldDocuments(Path indexDir) throws IOException {
            this.directory = FSDirectory.open(indexDir);
            DirectoryReader opened;
            try {
                opened = DirectoryReader.open(directory);
            } catch (IOException e) {
                directory.close();
                throw e;
            }
            this.reader = opened;
        }

        /** The content hash of the live document at {@code url}, or null when there is none. */
        String hash(String url) throws IOException {
            LiveDoc found = live(url);
            if (found == null) {
                return null;
            }
            BinaryDocValues hashes = found.leaf().getBinaryDocValues(SearchFields.HASH);
            return hashes != null && hashes.advanceExact(found.doc()) ? hashes.binaryValue().utf8ToString() : "";
        }

        /** The static index keys of the live document at {@code url}; empty when there is none. */
        Map<String, Integer> keys(String url) throws IOException {
            LiveDoc found = live(url);
            return found == null ? Map.of()
                    : DocKeys.of(SearchFields.fromStored(found.leaf().storedFields().document(found.doc())));
        }

        private record LiveDoc(org.apache.lucene.index.LeafReader leaf, int doc) {
        }

        /** Where the live (not deleted) document at {@code url} is, or null when there is none. */
        private LiveDoc live(String url) throws IOException {
            Term term = new Term(SearchFields.URL, url);
            for (LeafReaderContext leaf : reader.leaves()) {
                org.apache.lucene.index.PostingsEnum postings = leaf.reader().postings(term);
                if (postings == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                for (int d = postings.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                        d = postings.nextDoc()) {
                    if (live == null || live.get(d)) {
                        return new LiveDoc(leaf.reader(), d);
                    }
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            if (directory == null) {
                return; // lent
            }
            try {
                reader.close();
            } finally {
                directory.close();
            }
        }
    }

    /** Whether {@code indexDir} holds an index of the current layout. */
    private static boolean currentSchema(Path indexDir) throws IOException {
        if (!Files.isDirectory(indexDir)) {
            return false;
        }
        try (Directory dir = FSDirectory.open(indexDir)) {
            return hasCurrentSchema(dir);
        }
    }

    static boolean hasCurrentSchema(Directory dir) throws IOException {
        if (!DirectoryReader.indexExists(dir)) {
            return false;
        }
        return SearchFields.SCHEMA.equals(SegmentInfos.readLatestCommit(dir).getUserData().get(SearchFields.SCHEMA_KEY));
    }

    /** url → {@link SearchFields#syncKey} of every live document, from doc values (stored text stays unread). */
    private static Map<String, String> storedHashes(Path indexDir) throws IOException {
        Map<String, String> hashes = new HashMap<>();
        try (Directory dir = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(dir)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                SortedDocValues urls = leaf.reader().getSortedDocValues(SearchFields.URL);
                BinaryDocValues hashValues = leaf.reader().getBinaryDocValues(SearchFields.HASH);
                SortedDocValues sources = leaf.reader().getSortedDocValues(SearchFields.SOURCE);
                if (urls == null || hashValues == null || sources == null) {
                    continue;
                }
                String[] urlOfOrd = DocNumbering.valuesByOrd(urls);
                String[] sourceOfOrd = DocNumbering.valuesByOrd(sources);
                for (int i = 0; i < leaf.reader().maxDoc(); i++) {
                    if ((live != null && !live.get(i)) || !urls.advanceExact(i) || !hashValues.advanceExact(i)
                            || !sources.advanceExact(i)) {
                        continue;
                    }
                    hashes.put(urlOfOrd[urls.ordValue()], SearchFields.syncKey(hashValues.binaryValue().utf8ToString(),
                            sourceOfOrd[sources.ordValue()]));
                }
            }
        }
        return hashes;
    }

    static void requireUniqueUrls(List<SearchDocument> docs) {
        Set<String> seen = new HashSet<>();
        for (SearchDocument doc : docs) {
            Objects.requireNonNull(doc.url(), "SearchDocument.url");
            if (!seen.add(doc.url())) {
                throw new IllegalArgumentException("two search documents have the url " + doc.url());
            }
        }
    }
}
