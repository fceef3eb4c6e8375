package io.gazette.search;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the static search index the browser client ({@code js/search.js}) reads, into
 * {@code <outputRoot>/search/}. A query downloads the manifest, one small shard per query term and
 * the metadata of the documents it shows; nothing else.
 *
 * <h2>Layout</h2>
 * <pre>
 * search/manifest.json           {"format":1,"version":V,"docs":N,"shards":S,"chunk":C,
 *                                 "fields":[...],"years":[[year,firstDoc,count],...],
 *                                 "tags":[[name,count],...]}
 * search/V/t/&lt;hex&gt;.bin           terms whose FNV-1a-32(UTF-8 key) &amp; (S-1) == hex
 * search/V/d/&lt;n&gt;.json            documents n*C .. n*C+C-1: [[url,title,date,[tags],excerpt],...]
 *                                (small chunks: results are scattered, each one costs a chunk)
 * </pre>
 * V is a hash of every other file, so a new build never mixes with cached parts of an old one.
 * Documents are numbered in {@link SearchFields#ORDER} (newest first), which makes each year a
 * contiguous range and lets the client break ranking ties by number.
 *
 * <h2>Term keys</h2>
 * folded syllable ({@code dua}); two adjacent folded syllables of one field value joined by a space
 * ({@code thi dua}) — phrases without positions; {@code =} + exact spelling ({@code =đua}), the
 * documents with that spelling in any field, fetched only for queries typed with diacritics;
 * {@code #} + {@link VietnameseTokens#tagKey} for a tag filter. Entries of a shard come in a fixed
 * order (see {@link Entries}).
 *
 * <h2>Shard</h2>
 * <pre>
 * shard   := varint termCount, entry*
 * entry   := varint keyLen, key, varint bodyLen, body
 * body    := syllable, pair: byte fieldMask, docset per set bit (field order)
 *          | spelling, tag: docset
 * docset  := 0 varint count, varint first, varint (gap-1)*
 *          | 1 varint start, varint byteLen, bitmap (bit j of byte i = document start+8i+j)
 * </pre>
 */
public final class StaticIndexExporter {
    public static final String DIR = "search";
    static final int FORMAT = 1;
    static final int CHUNK = 4;
    static final int EXCERPT_LENGTH = 160;
    static final int TOP_TAGS = 60;
    private static final int SHARD_TARGET_BYTES = 4096;
    private static final int MAX_SHARDS = 1 << 14;
    private static final int FIELDS = SearchFields.TEXT_FIELDS.size();

    /** What was written: version directory name, number of files and their total size. */
    public record Result(String version, int files, long bytes) {
    }

    private StaticIndexExporter() {
    }

    /** Replaces {@code <outputRoot>/search/} with the index of {@code docs}. Byte-identical for the same docs. */
    public static Result export(List<SearchDocument> docs, Path outputRoot) throws IOException {
        return export(new SearchCorpus(docs), outputRoot);
    }

    /** Same as {@link #export(List, Path)} for documents already analyzed. */
    public static Result export(SearchCorpus corpus, Path outputRoot) throws IOException {
        List<SearchDocument> sorted = corpus.docs;
        Map<String, byte[]> files = new TreeMap<>();
        Terms terms = new Terms(corpus);
        // Every entry once into one buffer; then the shard count follows from the total size.
        Entries entries = terms.encode();
        int shards = 1;
        while (shards < MAX_SHARDS && (long) entries.data.size / shards > SHARD_TARGET_BYTES) {
            shards <<= 1;
        }
        int[] counts = new int[shards];
        for (int i = 0; i < entries.count; i++) {
            counts[entries.hash[i] & (shards - 1)]++;
        }
        DocSets.Sink[] out = new DocSets.Sink[shards];
        for (int i = 0; i < entries.count; i++) {
            int shard = entries.hash[i] & (shards - 1);
            if (out[shard] == null) {
                out[shard] = new DocSets.Sink(SHARD_TARGET_BYTES * 2);
                DocSets.varint(out[shard], counts[shard]);
            }
            out[shard].write(entries.data.bytes, entries.offset[i], entries.offset[i + 1] - entries.offset[i]);
        }
        for (int shard = 0; shard < shards; shard++) {
            if (out[shard] != null) {
                files.put("t/" + Integer.toHexString(shard) + ".bin", out[shard].toByteArray());
            }
        }
        for (int chunk = 0; chunk * CHUNK < sorted.size(); chunk++) {
            files.put("d/" + chunk + ".json", docChunk(sorted, chunk));
        }
        String version = version(files);
        byte[] manifest = manifest(sorted, version, shards, terms.tagNames, terms.tagCounts());

        Path root = outputRoot.resolve(DIR);
        deleteTree(root);
        long bytes = manifest.length;
        Path versionDir = root.resolve(version);
        Files.createDirectories(versionDir.resolve("t"));
        Files.createDirectories(versionDir.resolve("d"));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(versionDir.resolve(file.getKey()), file.getValue());
            bytes += file.getValue().length;
        }
        Files.write(root.resolve("manifest.json"), manifest);
        return new Result(version, files.size() + 1, bytes);
    }

    /** FNV-1a, 32 bit, over the UTF-8 bytes; search.js computes the same. */
    static int fnv1a(String key) {
        return fnv1a(key.getBytes(StandardCharsets.UTF_8));
    }

    static int fnv1a(byte[] key) {
        int hash = 0x811c9dc5;
        for (byte b : key) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return hash;
    }

    static int shardOf(String key, int shards) {
        return fnv1a(key) & (shards - 1);
    }


    private static byte[] docChunk(List<SearchDocument> sorted, int chunk) {
        StringBuilder out = new StringBuilder("[");
        for (int i = chunk * CHUNK; i < Math.min(sorted.size(), (chunk + 1) * CHUNK); i++) {
            SearchDocument d = sorted.get(i);
            if (i > chunk * CHUNK) {
                out.append(",\n");
            }
            out.append('[');
            Json.string(out, d.url()).append(',');
            Json.string(out, Snippets.collapse(String.join(" ", SearchFields.values(d, "title")))).append(',');
            Json.string(out, d.date() == null ? "" : d.date().toString()).append(",[");
            List<String> tags = SearchFields.values(d, "tags");
            for (int t = 0; t < tags.size(); t++) {
                if (t > 0) {
                    out.append(',');
                }
                Json.string(out, Snippets.collapse(tags.get(t)));
            }
            out.append("],");
            Json.string(out, excerpt(d)).append(']');
        }
        return out.append("]\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    static String excerpt(SearchDocument d) {
        String summary = Snippets.collapse(String.join(" ", SearchFields.values(d, "summary")));
        String text = summary.isEmpty() ? Snippets.collapse(String.join(" ", SearchFields.values(d, "body"))) : summary;
        return Snippets.lead(text, EXCERPT_LENGTH);
    }

    private static byte[] manifest(List<SearchDocument> sorted, String version, int shards,
                                   Map<String, String> tagNames, Map<String, Integer> tagCounts) {
        StringBuilder out = new StringBuilder("{\"format\":").append(FORMAT);
        out.append(",\"version\":");
        Json.string(out, version);
        out.append(",\"docs\":").append(sorted.size());
        out.append(",\"shards\":").append(shards);
        out.append(",\"chunk\":").append(CHUNK);
        out.append(",\"fields\":[");
        for (int f = 0; f < FIELDS; f++) {
            if (f > 0) {
                out.append(',');
            }
            Json.string(out, SearchFields.TEXT_FIELDS.get(f));
        }
        out.append("],\"years\":[");
        // Newest first, so each year is one run of document numbers.
        int i = 0;
        boolean first = true;
        while (i < sorted.size() && sorted.get(i).date() != null) {
            int year = sorted.get(i).date().getYear();
            int start = i;
            while (i < sorted.size() && sorted.get(i).date() != null && sorted.get(i).date().getYear() == year) {
                i++;
            }
            out.append(first ? "" : ",").append('[').append(year).append(',').append(start).append(',').append(i - start).append(']');
            first = false;
        }
        out.append("],\"tags\":[");
        List<String> keys = new ArrayList<>(tagCounts.keySet());
        keys.sort(Comparator.<String>comparingInt(tagCounts::get).reversed().thenComparing(Comparator.naturalOrder()));
        for (int t = 0; t < Math.min(TOP_TAGS, keys.size()); t++) {
            if (t > 0) {
                out.append(',');
            }
            out.append('[');
            Json.string(out, tagNames.get(keys.get(t))).append(',').append(tagCounts.get(keys.get(t))).append(']');
        }
        out.append("]}\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String version(Map<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                sha.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(file.getValue());
            }
            return java.util.HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Encoded entries, back to back in {@code data}: entry i is bytes {@code offset[i]..offset[i+1]}
     * and goes to the shard {@code hash[i] & (shards-1)}. Entries come in a fixed order (syllables,
     * spellings, pairs, tags, each by first occurrence in document order), so output is deterministic
     * without sorting millions of keys.
     */
    private static final class Entries {
        final DocSets.Sink data = new DocSets.Sink(1 << 20);
        int[] offset = new int[1 << 12];
        int[] hash = new int[1 << 12];
        int count;
        private final DocSets.Sink body = new DocSets.Sink(1 << 12);

        /** Starts an entry: the caller writes its body into {@link #body} then calls {@link #end}. */
        DocSets.Sink begin() {
            body.size = 0;
            return body;
        }

        void end(byte[] key, int keyHash) {
            if (count + 1 >= offset.length) {
                offset = Arrays.copyOf(offset, offset.length * 2);
                hash = Arrays.copyOf(hash, hash.length * 2);
            }
            offset[count] = data.size;
            hash[count] = keyHash;
            DocSets.varint(data, key.length);
            data.write(key, 0, key.length);
            DocSets.varint(data, body.size);
            data.write(body.bytes, 0, body.size);
            count++;
            offset[count] = data.size;
        }
    }

    /** Every term of every document, with the documents (per field) holding it. */
    private static final class Terms {
        final SearchCorpus corpus;
        /** [field][folded id] */
        final DocSets.Builder[][] syllables = new DocSets.Builder[FIELDS][];
        /** [exact id] */
        final DocSets.Builder[] spellings;
        final SearchCorpus.PairIds pairIds = new SearchCorpus.PairIds();
        /**
         * Pair occurrences, one per (pair, document): pair id, document, mask of fields. Appended in
         * document order, grouped by pair when encoding. Much cheaper than a list per pair.
         */
        int[] logPair = new int[1 << 16];
        int[] logDoc = new int[1 << 16];
        byte[] logMask = new byte[1 << 16];
        int logSize;
        /** pair id → (document+1) << 32 | log index of its latest occurrence. */
        long[] lastSeen = new long[1 << 12];
        final Map<String, DocSets.Builder> tags = new HashMap<>();
        final List<String> tagOrder = new ArrayList<>();
        final Map<String, String> tagNames = new HashMap<>();

        Terms(SearchCorpus corpus) {
            this.corpus = corpus;
            int foldedCount = corpus.foldeds.size();
            spellings = new DocSets.Builder[corpus.exacts.size()];
            for (int f = 0; f < FIELDS; f++) {
                syllables[f] = new DocSets.Builder[foldedCount];
            }
            int[] foldedOf = corpus.foldedOf;
            for (int doc = 0; doc < corpus.size(); doc++) {
                long docTag = (long) (doc + 1) << 32;
                for (int f = 0; f < FIELDS; f++) {
                    DocSets.Builder[] syllablesOfField = syllables[f];
                    byte bit = (byte) (1 << f);
                    int previous = -1;
                    for (int exact : corpus.tokens[doc][f]) {
                        if (exact == SearchCorpus.VALUE_BREAK) {
                            previous = -1;
                            continue;
                        }
                        int folded = foldedOf[exact];
                        add(syllablesOfField, folded, doc);
                        add(spellings, exact, doc);
                        if (previous >= 0) {
                            int pair = pairIds.id(SearchCorpus.PairIds.key(previous, folded));
                            if (pair >= lastSeen.length) {
                                lastSeen = Arrays.copyOf(lastSeen, lastSeen.length * 2);
                            }
                            long seen = lastSeen[pair];
                            if ((seen & 0xffffffff00000000L) == docTag) {
                                logMask[(int) seen] |= bit;
                            } else {
                                if (logSize == logPair.length) {
                                    logPair = Arrays.copyOf(logPair, logSize * 2);
                                    logDoc = Arrays.copyOf(logDoc, logSize * 2);
                                    logMask = Arrays.copyOf(logMask, logSize * 2);
                                }
                                logPair[logSize] = pair;
                                logDoc[logSize] = doc;
                                logMask[logSize] = bit;
                                lastSeen[pair] = docTag | logSize;
                                logSize++;
                            }
                        }
                        previous = folded;
                    }
                }
                for (String tag : SearchFields.values(corpus.docs.get(doc), "tags")) {
                    String key = VietnameseTokens.tagKey(tag);
                    if (!key.isEmpty()) {
                        tagNames.putIfAbsent(key, Snippets.collapse(tag));
                        tags.computeIfAbsent(key, k -> {
                            tagOrder.add(k);
                            return new DocSets.Builder();
                        }).add(doc);
                    }
                }
            }
        }

        private static void add(DocSets.Builder[] builders, int id, int doc) {
            DocSets.Builder b = builders[id];
            if (b == null) {
                b = builders[id] = new DocSets.Builder();
            }
            b.add(doc);
        }

        Map<String, Integer> tagCounts() {
            Map<String, Integer> counts = new HashMap<>();
            tags.forEach((key, docs) -> counts.put(key, docs.size));
            return counts;
        }

        Entries encode() {
            Entries out = new Entries();
            int foldedCount = corpus.foldeds.size();
            byte[][] folded = new byte[foldedCount][];
            int[] foldedHash = new int[foldedCount];
            int[] scratch = new int[Math.max(16, corpus.size())];
            for (int i = 0; i < foldedCount; i++) {
                folded[i] = corpus.foldeds.get(i).getBytes(StandardCharsets.UTF_8);
                foldedHash[i] = fnv1a(folded[i]);
                DocSets.Sink body = out.begin();
                int mask = 0;
                for (int f = 0; f < FIELDS; f++) {
                    if (syllables[f][i] != null) {
                        mask |= 1 << f;
                    }
                }
                body.write(mask);
                for (int f = 0; f < FIELDS; f++) {
                    if (syllables[f][i] != null) {
                        DocSets.write(body, syllables[f][i].docs, syllables[f][i].size);
                    }
                }
                out.end(folded[i], foldedHash[i]);
            }
            for (int i = 0; i < spellings.length; i++) {
                byte[] key = ("=" + corpus.exacts.get(i)).getBytes(StandardCharsets.UTF_8);
                DocSets.write(out.begin(), spellings[i].docs, spellings[i].size);
                out.end(key, fnv1a(key));
            }
            // Group the pair log by pair (counting sort keeps document order within a pair).
            int pairCount = pairIds.size();
            int[] start = new int[pairCount + 1];
            for (int i = 0; i < logSize; i++) {
                start[logPair[i] + 1]++;
            }
            for (int p = 0; p < pairCount; p++) {
                start[p + 1] += start[p];
            }
            int[] fill = Arrays.copyOf(start, pairCount);
            int[] byPair = new int[logSize];
            for (int i = 0; i < logSize; i++) {
                byPair[fill[logPair[i]]++] = i;
            }
            for (int p = 0; p < pairCount; p++) {
                long key = pairIds.pairs[p];
                byte[] first = folded[(int) (key >>> 32)];
                byte[] second = folded[(int) key];
                byte[] bytes = new byte[first.length + 1 + second.length];
                System.arraycopy(first, 0, bytes, 0, first.length);
                bytes[first.length] = ' ';
                System.arraycopy(second, 0, bytes, first.length + 1, second.length);
                DocSets.Sink body = out.begin();
                int mask = 0;
                for (int j = start[p]; j < start[p + 1]; j++) {
                    mask |= logMask[byPair[j]];
                }
                body.write(mask);
                for (int f = 0; f < FIELDS; f++) {
                    if ((mask & (1 << f)) == 0) {
                        continue;
                    }
                    int n = 0;
                    for (int j = start[p]; j < start[p + 1]; j++) {
                        if ((logMask[byPair[j]] & (1 << f)) != 0) {
                            scratch[n++] = logDoc[byPair[j]];
                        }
                    }
                    DocSets.write(body, scratch, n);
                }
                out.end(bytes, fnv1a(bytes));
            }
            for (String tag : tagOrder) {
                byte[] key = ("#" + tag).getBytes(StandardCharsets.UTF_8);
                DocSets.write(out.begin(), tags.get(tag).docs, tags.get(tag).size);
                out.end(key, fnv1a(key));
            }
            return out;
        }
    }
}
