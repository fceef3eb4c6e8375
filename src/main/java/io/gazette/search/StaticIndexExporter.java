package io.gazette.search;

import io.gazette.hash.Hashes;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Writes the static search index the browser client ({@code js/search.js}) reads, below
 * {@code search/} of the site, as an export of the Lucene index (the index of record): terms and
 * postings are streamed from an {@link IndexReader}, a bounded range of hash buckets at a time,
 * and document files from its stored fields. A query downloads the manifest and the shard table
 * once, one shard per query term and the metadata of the documents it shows; nothing else.
 *
 * <h2>Layout</h2>
 * <pre>
 * search/manifest.json      see {@link IndexManifest}
 * search/shards.bin         where each shard starts, see {@link ShardCutter#table}
 * search/t/&lt;hhhh&gt;.bin       the terms of buckets hhhh .. (next start - 1); a key's bucket is
 *                           FNV-1a-32(UTF-8 key) &amp; 0xffff
 * search/f/&lt;hhhhhhhh&gt;.bin   the first fields' sets of the split terms whose key's FNV-1a-32
 *                           is hhhhhhhh (title, tags)
 * search/g/&lt;hhhhhhhh&gt;.bin   the other fields' sets of the same (only for terms in one of them)
 * search/d/&lt;n&gt;.json         documents n*C .. n*C+C-1, see {@link DocChunks}
 * </pre>
 * The {@value #BUCKETS} buckets are grouped into shards of about {@link #TARGET_BYTES} by
 * {@link ShardCutter}, whose content-defined cuts keep a shard's start, and so its name, when
 * the archive changes a little. Every name depends on what the file holds, not on the build:
 * after an edit, only the shards holding the edited article's terms, its document file, its
 * passage pack and the small files above change bytes, and {@link IndexFolderUpdate} rewrites
 * only those. The manifest's {@code version}, a hash of every document's url and content hash
 * (and of this format), is what the client appends to each file it asks for ({@code ?v=}), so a
 * browser or CDN never mixes the files of two builds.
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
 * {@code khen thưởng}) costs one entry, as a whole syllable does. Entries of a bucket come in a
 * fixed order (syllables and prefixes, spellings, pairs, tags, categories; each in term order),
 * whatever the thread count; see {@link ShardEntries}; a shard sorts its buckets' entries by key.
 *
 * <h2>Shard</h2>
 * <pre>
 * shard   := varint termCount, entry*          entries sorted by key, see {@link ShardFile}
 * entry   := varint keyLen, key, varint bodyLen, body
 * body    := syllable, pair, prefix: byte fieldMask, docset per set bit (field order)
 *          | split syllable, prefix: byte (0x80 | fieldMask), docset of the documents holding
 *            the term in any field
 *          | spelling, tag, category: docset
 * docset  := 0 varint count, varint first, varint (gap-1)*
 *          | 1 varint start, varint byteLen, bitmap (bit j of byte i = document start+8i+j)
 *          | 2 varint first, varint (last-first), varint count, varint (gap-1)*
 *                                   documents first..last NOT in the set (gaps from first);
 *                                   every form is a function of the set alone, not of the
 *                                   archive's size
 * detail  := a shard (same format) of the split terms of one hash, each body:
 *            byte fieldMask (all of the term's fields), per set bit of the file's fields the
 *            docset of positions in the term's union
 * </pre>
 *
 * <h2>Split terms</h2>
 * At 100,000 articles a common syllable's field sets are bitmaps of 12.5 KB each, 20–40 KB an
 * entry, and a query of four such syllables read 158 KB. Yet what a query needs from a syllable
 * is first only which documents hold it (for the matches, the count, the years), and its fields
 * only to rank documents that are not phrase matches: the pairs (short lists, never split) rank
 * the phrase tier, and when it fills the page asked for, the syllables' fields are never read.
 * So an entry of more than {@link #SPLIT_BYTES} naming more than one field keeps only its union
 * in the shard (one bitmap, 12.5 KB at most at 100,000) and puts its fields in
 * {@code f/<hash>.bin} (title and tags: short, and the ones that rank first) and
 * {@code g/<hash>.bin} (the others), as positions within the union (the body field is nearly all
 * of it, so its complement is small there). The client ranks with what it has, each document's
 * field bounded from above, and reads a next stage only while the page asked for is not settled.
 * At 10,000 articles no entry is that long and nothing is split.
 * BENCHMARKS.md ("Static index at 100,000 articles") has the measurements.
 */
public final class StaticIndexExporter {
    public static final String DIR = "search";
    /** Hash buckets (a power of two): the unit shards are made of. */
    static final int BUCKETS = 1 << 16;
    /**
     * Shard size aimed at. Smaller shards cost a query fewer bytes but make more files (hosts
     * count files, and store each in 4 KB blocks) and a longer shard table; BENCHMARKS.md
     * ("Static index layout") has the measured trade-off at 10,000 real articles.
     */
    static final int TARGET_BYTES = 2_560;
    /**
     * Buckets of about this many documents' entries are encoded per pass over the terms (2–3 KB
     * of entries a document): memory for the export stays flat as the archive grows.
     */
    private static final int DOCS_PER_PASS = 25_000;
    /**
     * Syllable and prefix entries longer than this are split into a union in the shard and a
     * detail file (see the class comment); none is, at 10,000 articles (the longest are ~7.5 KB).
     */
    static final int SPLIT_BYTES = 8_192;
    /** A split term's fields in its first detail file ({@code f/}): title, tags. */
    static final int FIRST_FIELDS = 2;
    /** The flag on a split entry's field mask. */
    static final int SPLIT = 0x80;
    /** Changes whenever the exporter writes different bytes for the same documents. */
    private static final String EXPORT_LAYOUT = "6";
    static final String TABLE = DIR + "/shards.bin";

    /**
     * What was written.
     *
     * @param version the manifest's version: names the documents' content
     * @param files number of files written
     * @param bytes their total size
     * @param paths the site-relative paths written, sorted
     */
    public record Result(String version, int files, long bytes, List<String> paths, ExportState state) {
        public Result {
            paths = List.copyOf(paths);
        }
    }

    private StaticIndexExporter() {
    }

    /**
     * Writes the index of the live documents of {@code reader} through {@code files}: the shards
     * and document files, then {@code search/shards.bin} and {@code search/manifest.json}.
     * Deletes nothing: files of an older export are the caller's business. Byte-identical output
     * for the same documents, whatever the index's segments and deletions.
     */
    public static Result export(IndexReader reader, IndexFiles files) throws IOException {
        return export(reader, DocNumbering.of(reader), files);
    }

    /** Same, with the numbering already read from {@code reader}. */
    public static Result export(IndexReader reader, DocNumbering numbering, IndexFiles files) throws IOException {
        return export(reader, numbering, files, TARGET_BYTES, SPLIT_BYTES);
    }

    /**
     * Same, with shards of about {@code targetBytes} and entries split above {@code splitBytes}
     * (measuring the trade-offs, tests; see BENCHMARKS.md).
     */
    static Result export(IndexReader reader, DocNumbering numbering, IndexFiles files, int targetBytes,
            int splitBytes) throws IOException {
        int n = numbering.size();
        String version = version(numbering);
        int[] sizes = new int[BUCKETS];
        int[] counts = new int[BUCKETS];
        List<Long> detailIds = new ArrayList<>();
        byte[][] manifest = new byte[1][];
        List<String> paths = Collections.synchronizedList(new ArrayList<>());
        AtomicLong bytes = new AtomicLong();
        IndexFiles counted = (path, content) -> {
            if (path.equals(MANIFEST)) {
                manifest[0] = content;
            }
            files.write(path, content);
            paths.add(path);
            bytes.addAndGet(content.length);
        };
        // The cutter only decides where shards start; their files are encoded and written after
        // each pass, several at once (see writeShards).
        List<PendingShard> cut = new ArrayList<>();
        ShardCutter cutter = new ShardCutter(targetBytes, (start, count, parts) -> cut.add(new PendingShard(start, count, parts)));
        try {
            int passes = passes(n);
            for (int pass = 0; pass < passes; pass++) {
                int from = (int) ((long) pass * BUCKETS / passes);
                int to = (int) ((long) (pass + 1) * BUCKETS / passes);
                ShardEntries.Buckets buckets = ShardEntries.encode(reader, numbering, BUCKETS, from, to, splitBytes);
                for (ShardEntries.Detail detail : buckets.details()) {
                    detailIds.add(ExportState.detailId(detail.stage(), detail.hash()));
                    counted.write(detailPath(detail.stage(), detail.hash()),
                            ShardFile.encode(detail.count(), List.of(detail.entries())));
                }
                if (pass == 0) {
                    long sum = 0;
                    for (byte[] b : buckets.entries()) {
                        sum += b == null ? 0 : b.length;
                    }
                    cutter.calibrate(sum, to - from);
                }
                for (int b = from; b < to; b++) {
                    byte[] entries = buckets.entries()[b - from];
                    sizes[b] = entries == null ? 0 : entries.length;
                    counts[b] = buckets.counts()[b - from];
                    cutter.add(b, buckets.counts()[b - from], entries);
                }
                writeShards(cut, counted);
            }
            cutter.finish();
            writeShards(cut, counted);
            int chunks = DocChunks.count(numbering);
            int ranges = Math.min(chunks, 64);
            IntStream.range(0, ranges).parallel().forEach(r -> {
                StoredFields stored = DocChunks.storedFields(reader);
                for (int c = (int) ((long) r * chunks / ranges); c < (long) (r + 1) * chunks / ranges; c++) {
                    try {
                        write(counted, DocChunks.path(c), DocChunks.chunk(stored, numbering, c));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        // Last: a client reading the manifest finds every file it names.
        List<Integer> starts = cutter.starts();
        counted.write(TABLE, ShardCutter.table(starts, BUCKETS));
        counted.write(MANIFEST, IndexManifest.json(reader, numbering, version, starts.size()));
        List<String> sorted = new ArrayList<>(paths);
        sorted.sort(Comparator.naturalOrder());
        long[] urls = new long[n];
        for (int i = 0; i < n; i++) {
            urls[i] = ExportState.urlHash(numbering.url(i));
        }
        long[] details = detailIds.stream().mapToLong(Long::longValue).sorted().toArray();
        ExportState state = new ExportState(layout(), targetBytes, splitBytes, -1, ExportState.fingerprint(manifest[0]), urls,
                sizes, counts, starts.stream().mapToInt(Integer::intValue).toArray(), details);
        return new Result(version, sorted.size(), bytes.get(), sorted, state);
    }

    static final String MANIFEST = DIR + "/manifest.json";

    /** A shard the cutter ended: its first bucket, its entry count and its buckets' entries. */
    private record PendingShard(int start, int count, List<byte[]> parts) {
    }

    /**
     * Encodes and writes the shards cut so far, several at once, and forgets them. A cold build
     * exports while its pages render, on one thread, the render holding the other cores; the
     * shards of a pass (8,700 files at 10,000 articles) are what is left to do once the pages
     * are written, and one thread sorting and writing them one after the other kept a core idle
     * for about half a second. Each file depends on its shard alone, so the order of writing
     * changes no byte (the paths are sorted at the end).
     */
    private static void writeShards(List<PendingShard> cut, IndexFiles files) {
        IntStream.range(0, cut.size()).parallel().forEach(i -> {
            PendingShard shard = cut.get(i);
            write(files, shardPath(shard.start()), ShardFile.encode(shard.count(), shard.parts()));
        });
        cut.clear();
    }

    /** Passes over the terms a full export of {@code docs} documents makes (see {@link #DOCS_PER_PASS}). */
    static int passes(int docs) {
        return Math.max(1, (docs + DOCS_PER_PASS - 1) / DOCS_PER_PASS);
    }

    /** Names everything that decides the bytes of an export besides the documents. */
    static String layout() {
        return EXPORT_LAYOUT + "/" + IndexManifest.FORMAT + "/" + TARGET_BYTES + "/" + SPLIT_BYTES + "/"
                + DocChunks.CHUNK + "/" + PassageExporter.PER_PACK + "/" + SearchFields.SCHEMA;
    }

    /** The file of the shard starting at bucket {@code start}. */
    static String shardPath(int start) {
        // Four hex digits (buckets are below 2^16), as "%04x" wrote them: String.format parsed its
        // pattern for each of the ~8,700 shards an update names (6 MB of garbage in an add's build).
        return DIR + "/t/" + java.util.HexFormat.of().toHexDigits((short) start) + ".bin";
    }

    /** Stage 0 or 1's detail file of the split terms whose keys hash (FNV-1a-32) to {@code hash}. */
    static String detailPath(int stage, int hash) {
        return DIR + (stage == 0 ? "/f/" : "/g/") + java.util.HexFormat.of().toHexDigits(hash) + ".bin";
    }

    private static void write(IndexFiles files, String path, byte[] content) {
        try {
            files.write(path, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Brings {@code <outputRoot>/search/} to the index of {@code docs} (tests, tools): files whose
     * bytes are already there are left untouched, other files of the folder are deleted.
     */
    public static Result export(List<SearchDocument> docs, Path outputRoot) throws IOException {
        IndexFolderUpdate update = new IndexFolderUpdate(outputRoot);
        Result result = export(docs, update);
        update.deleteOthers();
        return result;
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

    /** The hash bucket of a key; search.js computes the same. */
    static int bucketOf(String key) {
        return fnv1a(key) & (BUCKETS - 1);
    }

    /**
     * Names the content: every file is a function of the documents (their urls and content
     * hashes, in number order) and of the layout, so their hash names it before it is written.
     */
    static String version(DocNumbering numbering) {
        MessageDigest sha = Hashes.sha256();
        sha.update((EXPORT_LAYOUT + "/" + IndexManifest.FORMAT + "/" + TARGET_BYTES + "/" + SPLIT_BYTES + "/"
                + DocChunks.CHUNK + "\n")
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
