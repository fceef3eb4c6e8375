package io.gazette.search;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
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
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Writes the build-time Lucene index into a cache directory (never into the published output).
 *
 * <p>{@link #rebuild} writes every document from scratch; {@link #sync} brings an existing index
 * up to date by rewriting only the documents whose content changed (and rebuilds an index of an
 * older layout); the preview server can also {@link #update}/{@link #delete} single documents.
 * Ranking does not depend on Lucene scores, document order or segment layout, so all three give
 * the same results. Documents come pre-analyzed from a {@link SearchCorpus}, so a build that also
 * exports the static index tokenizes once; indexing runs on the common fork-join pool.
 */
public final class SearchIndexer implements AutoCloseable {
    /** The index folder's name inside the build cache. */
    public static final String DIR_NAME = "search-index";
    /** A one-shot build holds all of a 10,000-article archive in memory and flushes once. */
    private static final double BULK_RAM_BUFFER_MB = 256;
    private static final double INCREMENTAL_RAM_BUFFER_MB = 64;

    private final Directory directory;
    private final IndexWriter writer;

    private SearchIndexer(Path indexDir, IndexWriterConfig.OpenMode mode, boolean bulk) throws IOException {
        Files.createDirectories(indexDir);
        this.directory = FSDirectory.open(indexDir);
        IndexWriterConfig config = new IndexWriterConfig(SearchFields.analyzer());
        config.setOpenMode(mode);
        config.setRAMBufferSizeMB(bulk ? BULK_RAM_BUFFER_MB : INCREMENTAL_RAM_BUFFER_MB);
        if (bulk) {
            // A few big segments written once: packing them into compound files is a second copy.
            config.setUseCompoundFile(false);
            TieredMergePolicy merges = new TieredMergePolicy();
            merges.setNoCFSRatio(0);
            config.setMergePolicy(merges);
        }
        config.setCommitOnClose(true);
        this.writer = new IndexWriter(directory, config);
        writer.setLiveCommitData(Map.of(SearchFields.SCHEMA_KEY, SearchFields.SCHEMA).entrySet());
    }

    /** Opens (creating if needed) the index for incremental changes; close() commits. */
    public static SearchIndexer open(Path indexDir) throws IOException {
        return new SearchIndexer(indexDir, currentSchema(indexDir)
                ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE, false);
    }

    /** Replaces whatever is in {@code indexDir} with exactly {@code docs}. */
    public static void rebuild(Path indexDir, List<SearchDocument> docs) throws IOException {
        rebuild(indexDir, SearchCorpus.of(docs));
    }

    /** Replaces whatever is in {@code indexDir} with exactly the corpus's documents. */
    public static void rebuild(Path indexDir, SearchCorpus corpus) throws IOException {
        try (SearchIndexer indexer = new SearchIndexer(indexDir, IndexWriterConfig.OpenMode.CREATE, true)) {
            indexer.write(corpus, IntStream.range(0, corpus.size()).toArray(), false);
        }
    }

    /**
     * Makes the index hold exactly {@code docs}, rewriting only new or changed documents and
     * deleting the ones no longer present. Returns how many documents were written or deleted.
     */
    public static int sync(Path indexDir, List<SearchDocument> docs) throws IOException {
        requireUniqueUrls(docs);
        if (!currentSchema(indexDir)) {
            rebuild(indexDir, SearchCorpus.of(docs));
            return docs.size();
        }
        // Only the changed documents need analyzing.
        List<SearchDocument> changed = changed(indexDir, docs);
        return apply(indexDir, SearchCorpus.of(changed), docs);
    }

    /** Same as {@link #sync(Path, List)} for documents already analyzed. */
    public static int sync(Path indexDir, SearchCorpus corpus) throws IOException {
        if (!currentSchema(indexDir)) {
            rebuild(indexDir, corpus);
            return corpus.size();
        }
        return apply(indexDir, corpus, corpus.docs);
    }

    /** The documents whose content hash differs from the index's (or that it lacks). */
    private static List<SearchDocument> changed(Path indexDir, List<SearchDocument> docs) throws IOException {
        Map<String, String> existing = storedHashes(indexDir);
        return docs.parallelStream()
                .filter(d -> !SearchFields.contentHash(d).equals(existing.get(d.url())))
                .toList();
    }

    /** Writes the corpus documents that changed and deletes what {@code all} no longer has. */
    private static int apply(Path indexDir, SearchCorpus corpus, List<SearchDocument> all) throws IOException {
        Map<String, String> existing = storedHashes(indexDir);
        int[] changed = IntStream.range(0, corpus.size()).parallel()
                .filter(d -> !SearchFields.contentHash(corpus.docs.get(d)).equals(existing.get(corpus.docs.get(d).url())))
                .toArray();
        Set<String> wanted = new HashSet<>();
        all.forEach(d -> wanted.add(d.url()));
        Set<String> gone = new TreeSet<>(existing.keySet());
        gone.removeAll(wanted);
        if (changed.length == 0 && gone.isEmpty()) {
            return 0;
        }
        try (SearchIndexer indexer = new SearchIndexer(indexDir, IndexWriterConfig.OpenMode.APPEND,
                changed.length > existing.size() / 2)) {
            indexer.write(corpus, changed, true);
            for (String url : gone) {
                indexer.delete(url);
            }
        }
        return changed.length + gone.size();
    }

    /** Adds the document, or replaces the one with the same url. */
    public void update(SearchDocument doc) throws IOException {
        Objects.requireNonNull(doc.url(), "url");
        write(SearchCorpus.of(List.of(doc)), new int[]{0}, true);
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
            writer.close();
        } finally {
            directory.close();
        }
    }

    /** Adds (or replaces, by url) the given corpus documents, from several threads. */
    private void write(SearchCorpus corpus, int[] docs, boolean replace) throws IOException {
        SearchFields.IndexTerms terms = new SearchFields.IndexTerms(corpus);
        int ranges = Math.min(docs.length, 16);
        try {
            IntStream.range(0, ranges).parallel().forEach(r -> {
                try {
                    for (int i = r * docs.length / ranges; i < (r + 1) * docs.length / ranges; i++) {
                        var document = SearchFields.toLucene(corpus, docs[i], terms);
                        if (replace) {
                            writer.updateDocument(new Term(SearchFields.URL, corpus.docs.get(docs[i]).url()), document);
                        } else {
                            writer.addDocument(document);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
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

    /** url → content hash of every live document, from doc values (stored text stays unread). */
    private static Map<String, String> storedHashes(Path indexDir) throws IOException {
        Map<String, String> hashes = new HashMap<>();
        try (Directory dir = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(dir)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                SortedDocValues urls = leaf.reader().getSortedDocValues(SearchFields.URL);
                BinaryDocValues hashValues = leaf.reader().getBinaryDocValues(SearchFields.HASH);
                if (urls == null || hashValues == null) {
                    continue;
                }
                for (int i = 0; i < leaf.reader().maxDoc(); i++) {
                    if ((live != null && !live.get(i)) || !urls.advanceExact(i) || !hashValues.advanceExact(i)) {
                        continue;
                    }
                    hashes.put(urls.lookupOrd(urls.ordValue()).utf8ToString(), hashValues.binaryValue().utf8ToString());
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
