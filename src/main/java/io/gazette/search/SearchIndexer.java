package io.gazette.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes the build-time Lucene index into a cache directory (never into the published output).
 *
 * <p>{@link #rebuild} writes every document from scratch, in {@link SearchFields#ORDER}.
 * {@link #sync} brings an existing index up to date by rewriting only the documents whose content
 * changed; the preview server can also {@link #update}/{@link #delete} single documents. Ranking
 * does not depend on Lucene scores or segment layout, so all three give the same results.
 */
public final class SearchIndexer implements AutoCloseable {
    /** The index folder\'s name inside the build cache. */
    public static final String DIR_NAME = "search-index";
    private final Directory directory;
    private final IndexWriter writer;

    private SearchIndexer(Path indexDir, IndexWriterConfig.OpenMode mode) throws IOException {
        Files.createDirectories(indexDir);
        this.directory = FSDirectory.open(indexDir);
        IndexWriterConfig config = new IndexWriterConfig(SearchFields.analyzer());
        config.setOpenMode(mode);
        config.setRAMBufferSizeMB(64);
        config.setCommitOnClose(true);
        this.writer = new IndexWriter(directory, config);
    }

    /** Opens (creating if needed) the index for incremental changes; close() commits. */
    public static SearchIndexer open(Path indexDir) throws IOException {
        return new SearchIndexer(indexDir, IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    }

    /** Replaces whatever is in {@code indexDir} with exactly {@code docs}. */
    public static void rebuild(Path indexDir, List<SearchDocument> docs) throws IOException {
        requireUniqueUrls(docs);
        try (SearchIndexer indexer = new SearchIndexer(indexDir, IndexWriterConfig.OpenMode.CREATE)) {
            List<SearchDocument> sorted = new ArrayList<>(docs);
            sorted.sort(SearchFields.ORDER);
            for (SearchDocument doc : sorted) {
                indexer.writer.addDocument(SearchFields.toLucene(doc));
            }
        }
    }

    /**
     * Makes the index hold exactly {@code docs}, rewriting only new or changed documents and
     * deleting the ones no longer present. Returns how many documents were written or deleted.
     */
    public static int sync(Path indexDir, List<SearchDocument> docs) throws IOException {
        requireUniqueUrls(docs);
        Map<String, String> existing = storedHashes(indexDir);
        int changes = 0;
        try (SearchIndexer indexer = open(indexDir)) {
            List<SearchDocument> sorted = new ArrayList<>(docs);
            sorted.sort(SearchFields.ORDER);
            Set<String> wanted = new HashSet<>();
            for (SearchDocument doc : sorted) {
                wanted.add(doc.url());
                if (!SearchFields.contentHash(doc).equals(existing.get(doc.url()))) {
                    indexer.update(doc);
                    changes++;
                }
            }
            for (String url : existing.keySet().stream().sorted().toList()) {
                if (!wanted.contains(url)) {
                    indexer.delete(url);
                    changes++;
                }
            }
        }
        return changes;
    }

    /** Adds the document, or replaces the one with the same url. */
    public void update(SearchDocument doc) throws IOException {
        Objects.requireNonNull(doc.url(), "url");
        writer.updateDocument(new Term(SearchFields.URL, doc.url()), SearchFields.toLucene(doc));
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

    private static Map<String, String> storedHashes(Path indexDir) throws IOException {
        Map<String, String> hashes = new HashMap<>();
        if (!Files.isDirectory(indexDir)) {
            return hashes;
        }
        try (Directory dir = FSDirectory.open(indexDir)) {
            if (!DirectoryReader.indexExists(dir)) {
                return hashes;
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                for (var leaf : reader.leaves()) {
                    Bits live = leaf.reader().getLiveDocs();
                    StoredFields stored = leaf.reader().storedFields();
                    for (int i = 0; i < leaf.reader().maxDoc(); i++) {
                        if (live != null && !live.get(i)) {
                            continue;
                        }
                        Document d = stored.document(i, Set.of(SearchFields.URL, SearchFields.HASH));
                        hashes.put(d.get(SearchFields.URL), d.get(SearchFields.HASH));
                    }
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
