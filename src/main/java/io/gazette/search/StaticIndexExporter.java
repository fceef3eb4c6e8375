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
import java.util.LinkedHashMap;
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
 * </pre>
 * V is a hash of every other file, so a new build never mixes with cached parts of an old one.
 * Documents are numbered in {@link SearchFields#ORDER} (newest first), which makes each year a
 * contiguous range and lets the client break ranking ties by number.
 *
 * <h2>Term keys</h2>
 * folded syllable ({@code dua}); two adjacent folded syllables of one field value joined by a space
 * ({@code thi dua}) — phrases without positions; {@code #} + {@link VietnameseTokens#tagKey} for a
 * tag filter.
 *
 * <h2>Shard</h2>
 * <pre>
 * shard   := varint termCount, entry*            (entries sorted by key)
 * entry   := varint keyLen, key, varint bodyLen, body
 * body    := tag: docset
 *          | pair: byte fieldMask, docset per set bit (field order)
 *          | syllable: byte fieldMask, docset per set bit, varint variants,
 *                      (varint len, exact spelling, docset)*   (documents with that spelling)
 * docset  := 0 varint count, varint first, varint (gap-1)*
 *          | 1 varint start, varint byteLen, bitmap (bit j of byte i = document start+8i+j)
 * </pre>
 */
public final class StaticIndexExporter {
    public static final String DIR = "search";
    static final int FORMAT = 1;
    static final int CHUNK = 8;
    static final int EXCERPT_LENGTH = 200;
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
        SearchIndexer.requireUniqueUrls(docs);
        List<SearchDocument> sorted = new ArrayList<>(docs);
        sorted.sort(SearchFields.ORDER);

        Map<String, byte[]> files = new TreeMap<>();
        Terms terms = collectTerms(sorted);
        Map<String, byte[]> entries = terms.encode();
        int shards = shardCount(entries);
        Map<Integer, List<String>> byShard = new TreeMap<>();
        for (String key : entries.keySet()) {
            byShard.computeIfAbsent(shardOf(key, shards), s -> new ArrayList<>()).add(key);
        }
        for (Map.Entry<Integer, List<String>> shard : byShard.entrySet()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DocSets.varint(out, shard.getValue().size());
            for (String key : shard.getValue()) {
                byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
                byte[] body = entries.get(key);
                DocSets.varint(out, keyBytes.length);
                out.write(keyBytes, 0, keyBytes.length);
                DocSets.varint(out, body.length);
                out.write(body, 0, body.length);
            }
            files.put("t/" + Integer.toHexString(shard.getKey()) + ".bin", out.toByteArray());
        }
        for (int chunk = 0; chunk * CHUNK < sorted.size(); chunk++) {
            files.put("d/" + chunk + ".json", docChunk(sorted, chunk));
        }
        String version = version(files);
        byte[] manifest = manifest(sorted, version, shards, terms.tagNames, terms.tagCounts());

        Path root = outputRoot.resolve(DIR);
        deleteTree(root);
        long bytes = manifest.length;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = root.resolve(version).resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
            bytes += file.getValue().length;
        }
        Files.write(root.resolve("manifest.json"), manifest);
        return new Result(version, files.size() + 1, bytes);
    }

    /** FNV-1a, 32 bit, over the UTF-8 bytes; search.js computes the same. */
    static int fnv1a(String key) {
        int hash = 0x811c9dc5;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return hash;
    }

    static int shardOf(String key, int shards) {
        return fnv1a(key) & (shards - 1);
    }

    private static int shardCount(Map<String, byte[]> entries) {
        long total = 0;
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            total += e.getKey().length() + e.getValue().length + 4;
        }
        int shards = 1;
        while (shards < MAX_SHARDS && total / shards > SHARD_TARGET_BYTES) {
            shards <<= 1;
        }
        return shards;
    }

    /** Every term of every document, with the documents (per field, per spelling) holding it. */
    private static Terms collectTerms(List<SearchDocument> sorted) {
        Terms terms = new Terms();
        for (int doc = 0; doc < sorted.size(); doc++) {
            SearchDocument d = sorted.get(doc);
            for (int f = 0; f < FIELDS; f++) {
                for (String value : SearchFields.values(d, SearchFields.TEXT_FIELDS.get(f))) {
                    Syllable previous = null;
                    for (Syllable s : VietnameseTokens.scan(value)) {
                        Term unigram = terms.syllable(s.folded());
                        unigram.add(f, doc);
                        unigram.addVariant(s.exact(), doc);
                        if (previous != null) {
                            terms.pair(previous.folded(), s.folded()).add(f, doc);
                        }
                        previous = s;
                    }
                }
            }
            for (String tag : SearchFields.values(d, "tags")) {
                String key = VietnameseTokens.tagKey(tag);
                if (!key.isEmpty()) {
                    terms.tag(key, tag.strip()).add(0, doc);
                }
            }
        }
        return terms;
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

    /** The term dictionary being built. */
    private static final class Terms {
        final Map<String, Term> syllables = new HashMap<>();
        final Map<String, Map<String, Term>> pairs = new HashMap<>();
        final Map<String, Term> tags = new HashMap<>();
        final Map<String, String> tagNames = new HashMap<>();

        Term syllable(String folded) {
            return syllables.computeIfAbsent(folded, k -> new Term(true));
        }

        Term pair(String first, String second) {
            return pairs.computeIfAbsent(first, k -> new HashMap<>()).computeIfAbsent(second, k -> new Term(false));
        }

        Term tag(String key, String name) {
            tagNames.putIfAbsent(key, name);
            return tags.computeIfAbsent(key, k -> new Term(false));
        }

        /** Tag key → number of documents carrying it. */
        Map<String, Integer> tagCounts() {
            Map<String, Integer> counts = new HashMap<>();
            tags.forEach((key, term) -> counts.put(key, term.fields[0].size));
            return counts;
        }

        /** key → encoded body, keys in sorted order. */
        Map<String, byte[]> encode() {
            Map<String, byte[]> out = new TreeMap<>();
            for (Map.Entry<String, Term> e : syllables.entrySet()) {
                out.put(e.getKey(), e.getValue().encodeFields(true));
            }
            for (Map.Entry<String, Map<String, Term>> first : pairs.entrySet()) {
                for (Map.Entry<String, Term> second : first.getValue().entrySet()) {
                    out.put(first.getKey() + " " + second.getKey(), second.getValue().encodeFields(false));
                }
            }
            for (Map.Entry<String, Term> e : tags.entrySet()) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                DocSets.Builder docs = e.getValue().fields[0];
                DocSets.write(body, docs.docs, docs.size);
                out.put("#" + e.getKey(), body.toByteArray());
            }
            return out;
        }
    }

    private static class Term {
        final DocSets.Builder[] fields = new DocSets.Builder[FIELDS];
        final Map<String, DocSets.Builder> variants;

        Term(boolean withVariants) {
            variants = withVariants ? new HashMap<>(4) : null;
        }

        void add(int field, int doc) {
            DocSets.Builder b = fields[field];
            if (b == null) {
                b = fields[field] = new DocSets.Builder();
            }
            b.add(doc);
        }

        void addVariant(String exact, int doc) {
            variants.computeIfAbsent(exact, k -> new DocSets.Builder()).add(doc);
        }

        byte[] encodeFields(boolean withVariants) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int mask = 0;
            for (int f = 0; f < FIELDS; f++) {
                if (fields[f] != null) {
                    mask |= 1 << f;
                }
            }
            out.write(mask);
            for (int f = 0; f < FIELDS; f++) {
                if (fields[f] != null) {
                    DocSets.write(out, fields[f].docs, fields[f].size);
                }
            }
            if (withVariants) {
                String[] spellings = variants.keySet().toArray(new String[0]);
                Arrays.sort(spellings);
                DocSets.varint(out, spellings.length);
                for (String spelling : spellings) {
                    byte[] bytes = spelling.getBytes(StandardCharsets.UTF_8);
                    DocSets.varint(out, bytes.length);
                    out.write(bytes, 0, bytes.length);
                    DocSets.Builder docs = variants.get(spelling);
                    DocSets.write(out, docs.docs, docs.size);
                }
            }
            return out.toByteArray();
        }
    }
}
