package io.gazette.search;

import io.gazette.hash.Hashes;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Writes the static search index the browser client ({@code js/search.js}) reads, below
 * {@code search/} of the site, as an export of the Lucene index (the index of record): terms and
 * postings are streamed from an {@link IndexReader}, a bounded number of shards at a time, and
 * document files from its stored fields. A query downloads the manifest, one small shard per
 * query term and the metadata of the documents it shows; nothing else.
 *
 * <h2>Layout</h2>
 * <pre>
 * search/manifest.json           see {@link IndexManifest}
 * search/V/t/&lt;hex&gt;.bin           terms whose FNV-1a-32(UTF-8 key) &amp; (S-1) == hex
 * search/V/d/&lt;n&gt;.json            documents n*C .. n*C+C-1, see {@link DocChunks}
 * </pre>
 * S is the power of two at or above the number of documents (at most 16,384): about 2 KB a shard.
 * V names the content: a hash of every document's url and content hash (and of this format), so a
 * new build never mixes with cached parts of an old one and is known before any file is written.
 * Documents are numbered by {@link DocNumbering}: oldest first, so a new article takes the next
 * number; each year is a contiguous range and the client breaks ranking ties by number (higher
 * is newer).
 *
 * <h2>Term keys</h2>
 * folded syllable ({@code dua}); two adjacent folded syllables of one field value joined by a space
 * ({@code thi dua}) — phrases without positions; {@code =} + exact spelling ({@code =đua}), the
 * documents with that spelling in any field, fetched only for queries typed with diacritics;
 * {@code #} + {@link VietnameseTokens#tagKey} for a tag filter; {@code @} + the same key of a
 * category, for a category filter; {@code >} + the start of a folded syllable ({@code >thu}, at
 * least two characters, shorter than a syllable it starts), the documents (per field) with any
 * syllable starting so — the last syllable of a query being typed ({@code khen thu} finds
 * {@code khen thưởng}) costs one entry, as a whole syllable does. Entries of a shard come in a
 * fixed order (syllables and prefixes, spellings, pairs, tags, categories; each in term order),
 * whatever the thread count; see {@link ShardEntries}.
 *
 * <h2>Shard</h2>
 * <pre>
 * shard   := varint termCount, entry*
 * entry   := varint keyLen, key, varint bodyLen, body
 * body    := syllable, pair, prefix: byte fieldMask, docset per set bit (field order)
 *          | spelling, tag, category: docset
 * docset  := 0 varint count, varint first, varint (gap-1)*
 *          | 1 varint start, varint byteLen, bitmap (bit j of byte i = document start+8i+j)
 *          | 2 varint count, varint first, varint (gap-1)*   documents NOT in the set
 * </pre>
 */
public final class StaticIndexExporter {
    public static final String DIR = "search";
    private static final int MAX_SHARDS = 1 << 14;
    /**
     * Shards of about this many documents' entries are encoded per pass over the terms (2–3 KB of
     * entries a document): memory for the export stays flat as the archive grows.
     */
    private static final int DOCS_PER_PASS = 25_000;
    /** Changes whenever the exporter writes different bytes for the same documents. */
    private static final String EXPORT_LAYOUT = "3.1";

    /**
     * What was written.
     *
     * @param version name of the version directory
     * @param files number of files written
     * @param bytes their total size
     * @param paths the site-relative paths written, sorted
     */
    public record Result(String version, int files, long bytes, List<String> paths) {
        public Result {
            paths = List.copyOf(paths);
        }
    }

    private StaticIndexExporter() {
    }

    /**
     * Writes the index of the live documents of {@code reader} through {@code files}:
     * everything below {@code search/<version>/}, then {@code search/manifest.json}. Deletes
     * nothing: files of an older export are the caller's business. Byte-identical output for the
     * same documents, whatever the index's segments and deletions.
     */
    public static Result export(IndexReader reader, IndexFiles files) throws IOException {
        return export(reader, DocNumbering.of(reader), files);
    }

    /** Same, with the numbering already read from {@code reader}. */
    public static Result export(IndexReader reader, DocNumbering numbering, IndexFiles files) throws IOException {
        int n = numbering.size();
        int shards = shardCount(n);
        String version = version(numbering, shards);
        String base = DIR + "/" + version + "/";
        List<String> paths = Collections.synchronizedList(new ArrayList<>());
        AtomicLong bytes = new AtomicLong();
        IndexFiles counted = (path, content) -> {
            files.write(path, content);
            paths.add(path);
            bytes.addAndGet(content.length);
        };
        try {
            int passes = Math.max(1, (n + DOCS_PER_PASS - 1) / DOCS_PER_PASS);
            for (int pass = 0; pass < passes; pass++) {
                int from = (int) ((long) pass * shards / passes);
                int to = (int) ((long) (pass + 1) * shards / passes);
                byte[][] shardFiles = ShardEntries.encode(reader, numbering, shards, from, to);
                IntStream.range(0, to - from).parallel().filter(s -> shardFiles[s] != null).forEach(s ->
                        write(counted, base + "t/" + Integer.toHexString(from + s) + ".bin", shardFiles[s]));
            }
            int chunks = DocChunks.count(numbering);
            int ranges = Math.min(chunks, 64);
            IntStream.range(0, ranges).parallel().forEach(r -> {
                StoredFields stored = DocChunks.storedFields(reader);
                for (int c = (int) ((long) r * chunks / ranges); c < (long) (r + 1) * chunks / ranges; c++) {
                    try {
                        write(counted, base + "d/" + c + ".json", DocChunks.chunk(stored, numbering, c));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        // Last: a client reading the manifest finds every file it names.
        counted.write(DIR + "/manifest.json", IndexManifest.json(reader, numbering, version, shards));
        List<String> sorted = new ArrayList<>(paths);
        sorted.sort(Comparator.naturalOrder());
        return new Result(version, sorted.size(), bytes.get(), sorted);
    }

    private static void write(IndexFiles files, String path, byte[] content) {
        try {
            files.write(path, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code <outputRoot>/search/} with the index of {@code docs} (tests, tools). */
    public static Result export(List<SearchDocument> docs, Path outputRoot) throws IOException {
        Path dir = outputRoot.resolve(DIR);
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return export(docs, IndexFiles.directory(outputRoot));
    }

    /** The index of {@code docs} through {@code files} (tests, tools). */
    public static Result export(List<SearchDocument> docs, IndexFiles files) throws IOException {
        try (DirectoryReader reader = SearchIndexer.inMemory(docs)) {
            return export(reader, files);
        }
    }

    /** FNV-1a, 32 bit, over the UTF-8 bytes; search.js computes the same. */
    static int fnv1a(String key) {
        return Hashes.fnv1a32(key);
    }

    static int shardOf(String key, int shards) {
        return fnv1a(key) & (shards - 1);
    }

    /** The power of two at or above the document count, at most {@link #MAX_SHARDS}. */
    static int shardCount(int docs) {
        int shards = 1;
        while (shards < MAX_SHARDS && shards < docs) {
            shards <<= 1;
        }
        return shards;
    }

    /**
     * Names the content: every file is a function of the documents (their urls and content
     * hashes, in number order) and of the layout, so their hash names it before it is written.
     */
    private static String version(DocNumbering numbering, int shards) {
        MessageDigest sha = Hashes.sha256();
        sha.update((EXPORT_LAYOUT + "/" + IndexManifest.FORMAT + "/" + shards + "/" + DocChunks.CHUNK + "\n")
                .getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < numbering.size(); i++) {
            sha.update(numbering.url(i).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(numbering.contentHash(i).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        return Hashes.hex(sha.digest()).substring(0, 12);
    }
}
