package io.gazette.search;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gazette.hash.Hashes;
import io.gazette.json.Json;
import io.gazette.output.TreeDeletion;
import io.gazette.output.DirectorySink;
import io.gazette.output.OutputSink;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Writes the static search index the browser client ({@code js/search.js}) reads, below
 * {@code search/} of the site. A query downloads the manifest, one small shard per query term and
 * the metadata of the documents it shows; nothing else.
 *
 * <h2>Layout</h2>
 * <pre>
 * search/manifest.json           {"format":2,"version":V,"docs":N,"shards":S,"chunk":C,
 *                                 "fields":[...],"years":[[year,firstDoc,count],...],
 *                                 "tags":[[name,count],...],"categories":[[name,count],...]}
 * search/V/t/&lt;hex&gt;.bin           terms whose FNV-1a-32(UTF-8 key) &amp; (S-1) == hex
 * search/V/d/&lt;n&gt;.json            documents n*C .. n*C+C-1: [[url,title,date,[tags],excerpt],...]
 *                                (small chunks: results are scattered, each one costs a chunk)
 * </pre>
 * At 10,000 articles this is a few thousand shards of about 2 KB and 3,334 chunks; shards stop
 * at 16,384 (bigger archives get bigger shards). A further two-syllable query downloads about
 * 15–25 KB: three shards and up to ten chunks.
 * V is a hash of every other file, so a new build never mixes with cached parts of an old one.
 * Documents are numbered in {@link SearchFields#ORDER} (newest first), which makes each year a
 * contiguous range and lets the client break ranking ties by number.
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
 * fixed order (syllables, spellings, pairs, tags, categories, prefixes; each by first
 * occurrence), whatever the thread count.
 *
 * <h2>Shard</h2>
 * <pre>
 * shard   := varint termCount, entry*
 * entry   := varint keyLen, key, varint bodyLen, body
 * body    := syllable, pair: byte fieldMask, docset per set bit (field order)
 *          | prefix: byte fieldMask, docset per set bit (field order)
 *          | spelling, tag, category: docset
 * docset  := 0 varint count, varint first, varint (gap-1)*
 *          | 1 varint start, varint byteLen, bitmap (bit j of byte i = document start+8i+j)
 *          | 2 varint count, varint first, varint (gap-1)*   documents NOT in the set
 * </pre>
 *
 * <p>Everything here is a pure function of the corpus; building runs on the common fork-join pool
 * and may be called from any thread, concurrently with other work.
 */
public final class StaticIndexExporter {
    public static final String DIR = "search";
    static final int FORMAT = 2;
    /**
     * Documents per metadata file. A page of 10 scattered results fetches 10 of them, so this is
     * the main lever between bytes per query (about 3 × 450 B × 10) and file count (N / 3).
     */
    static final int CHUNK = 3;
    static final int EXCERPT_LENGTH = 140;
    static final int TOP_TAGS = 60;
    /**
     * Average shard size aimed at: each query term costs its own data plus, on average, this much
     * of the terms sharing its shard.
     */
    private static final int SHARD_TARGET_BYTES = 2048;
    private static final int MAX_SHARDS = 1 << 14;
    private static final int FIELDS = SearchFields.TEXT_FIELDS.size();
    /**
     * Pairs are grouped in this many partitions (by a cheap hash of the two syllable numbers), each
     * grouped by one thread; shards are assigned afterwards from each distinct pair's key.
     */
    private static final int PARTITIONS = 64;
    /** Pair occurrences collected per pass over the corpus; bounds memory on big archives. */
    private static final long PAIRS_PER_PASS = 24_000_000;

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
     * Writes the index through {@code sink}: {@code search/manifest.json} and everything below
     * {@code search/<version>/}. Deletes nothing: files of an older export are the sink's business.
     * Byte-identical output for the same documents.
     */
    public static Result export(SearchCorpus corpus, OutputSink sink) throws IOException {
        Map<String, byte[]> files = build(corpus);
        List<String> paths = new ArrayList<>(files.keySet());
        try {
            paths.parallelStream().forEach(path -> {
                try {
                    sink.write(path, files.get(path));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        long bytes = files.values().stream().mapToLong(b -> b.length).sum();
        String manifest = DIR + "/manifest.json";
        String version = paths.stream().filter(p -> !p.equals(manifest)).findFirst()
                .map(p -> p.substring(DIR.length() + 1, p.indexOf('/', DIR.length() + 1))).orElse("");
        paths.sort(Comparator.naturalOrder());
        return new Result(version, files.size(), bytes, paths);
    }

    /** Replaces {@code <outputRoot>/search/} with the index of {@code docs} (tests, tools). */
    public static Result export(List<SearchDocument> docs, Path outputRoot) throws IOException {
        TreeDeletion.delete(outputRoot.resolve(DIR));
        return export(SearchCorpus.of(docs), new DirectorySink(outputRoot));
    }

    /** FNV-1a, 32 bit, over the UTF-8 bytes; search.js computes the same. */
    static int fnv1a(String key) {
        return Hashes.fnv1a32(key);
    }

    static int shardOf(String key, int shards) {
        return fnv1a(key) & (shards - 1);
    }

    /** Site-relative path → content, manifest first, then shards, then document chunks. */
    static Map<String, byte[]> build(SearchCorpus corpus) {
        List<SearchDocument> sorted = corpus.docs;
        Terms terms = new Terms(corpus);
        List<Arena> arenas = terms.encode();
        long total = 0;
        int entryCount = 0;
        for (Arena a : arenas) {
            total += a.data.size;
            entryCount += a.count;
        }
        int shards = 1;
        while (shards < MAX_SHARDS && total / shards > SHARD_TARGET_BYTES) {
            shards <<= 1;
        }
        // Entries grouped by shard, each group in arena order then entry order: deterministic.
        int[] shardStart = new int[shards + 1];
        for (Arena a : arenas) {
            for (int i = 0; i < a.count; i++) {
                shardStart[(a.hash[i] & (shards - 1)) + 1]++;
            }
        }
        for (int s = 0; s < shards; s++) {
            shardStart[s + 1] += shardStart[s];
        }
        long[] refs = new long[entryCount];
        int[] fill = Arrays.copyOf(shardStart, shards);
        for (int ai = 0; ai < arenas.size(); ai++) {
            Arena a = arenas.get(ai);
            for (int i = 0; i < a.count; i++) {
                refs[fill[a.hash[i] & (shards - 1)]++] = ((long) ai << 32) | i;
            }
        }
        int shardCount = shards;
        byte[][] shardFiles = new byte[shards][];
        IntStream.range(0, shards).parallel().forEach(s -> {
            int from = shardStart[s];
            int to = shardStart[s + 1];
            if (from == to) {
                return;
            }
            int size = DocSets.varintSize(to - from);
            for (int k = from; k < to; k++) {
                Arena a = arenas.get((int) (refs[k] >>> 32));
                int i = (int) refs[k];
                size += a.offset[i + 1] - a.offset[i];
            }
            DocSets.Sink out = new DocSets.Sink(size);
            DocSets.varint(out, to - from);
            for (int k = from; k < to; k++) {
                Arena a = arenas.get((int) (refs[k] >>> 32));
                int i = (int) refs[k];
                out.write(a.data.bytes, a.offset[i], a.offset[i + 1] - a.offset[i]);
            }
            shardFiles[s] = out.bytes.length == out.size ? out.bytes : out.toByteArray();
        });
        int chunks = (sorted.size() + CHUNK - 1) / CHUNK;
        byte[][] chunkFiles = new byte[chunks][];
        IntStream.range(0, chunks).parallel().forEach(c -> chunkFiles[c] = docChunk(sorted, c));

        List<String> names = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        for (int s = 0; s < shardCount; s++) {
            if (shardFiles[s] != null) {
                names.add("t/" + Integer.toHexString(s) + ".bin");
                contents.add(shardFiles[s]);
            }
        }
        for (int c = 0; c < chunks; c++) {
            names.add("d/" + c + ".json");
            contents.add(chunkFiles[c]);
        }
        String version = version(names, contents);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(DIR + "/manifest.json", manifest(sorted, version, shards, terms));
        for (int i = 0; i < names.size(); i++) {
            files.put(DIR + "/" + version + "/" + names.get(i), contents.get(i));
        }
        return files;
    }

    private static byte[] docChunk(List<SearchDocument> sorted, int chunk) {
        StringWriter text = new StringWriter(CHUNK * 512);
        // One document a line: readable diffs of the index.
        try (JsonGenerator json = Json.lineWriter(text)) {
            json.writeStartArray();
            for (int i = chunk * CHUNK; i < Math.min(sorted.size(), (chunk + 1) * CHUNK); i++) {
                SearchDocument d = sorted.get(i);
                json.writeStartArray();
                json.writeString(d.url());
                json.writeString(Snippets.collapse(String.join(" ", SearchFields.values(d, "title"))));
                json.writeString(d.date() == null ? "" : d.date().toString());
                json.writeStartArray();
                for (String tag : SearchFields.values(d, "tags")) {
                    json.writeString(Snippets.collapse(tag));
                }
                json.writeEndArray();
                json.writeString(excerpt(d));
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String excerpt(SearchDocument d) {
        String summary = Snippets.collapse(String.join(" ", SearchFields.values(d, "summary")));
        if (!summary.isEmpty()) {
            return Snippets.lead(summary, EXCERPT_LENGTH);
        }
        return Snippets.lead(bodyHead(d.body() == null ? "" : d.body(), EXCERPT_LENGTH + 2), EXCERPT_LENGTH);
    }

    /**
     * {@code Snippets.collapsedHead(nfc(body), length)} without normalizing and copying the whole
     * body: the prefix up to a space (where NFC cannot join across) normalizes the same.
     */
    private static String bodyHead(String body, int length) {
        int cut = body.indexOf(' ', 3 * length);
        if (cut > 0) {
            String head = Snippets.collapsedHead(SearchFields.nfc(body.substring(0, cut)), length);
            if (head.length() >= length) {
                return head;
            }
        }
        return body.isBlank() ? "" : Snippets.collapsedHead(SearchFields.nfc(body), length);
    }

    private static byte[] manifest(List<SearchDocument> sorted, String version, int shards, Terms terms) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.writer(text)) {
            json.writeStartObject();
            json.writeNumberField("format", FORMAT);
            json.writeStringField("version", version);
            json.writeNumberField("docs", sorted.size());
            json.writeNumberField("shards", shards);
            json.writeNumberField("chunk", CHUNK);
            json.writeArrayFieldStart("fields");
            for (int f = 0; f < FIELDS; f++) {
                json.writeString(SearchFields.TEXT_FIELDS.get(f));
            }
            json.writeEndArray();
            json.writeArrayFieldStart("years");
            // Newest first, so each year is one run of document numbers.
            int i = 0;
            while (i < sorted.size() && sorted.get(i).date() != null) {
                int year = sorted.get(i).date().getYear();
                int start = i;
                while (i < sorted.size() && sorted.get(i).date() != null && sorted.get(i).date().getYear() == year) {
                    i++;
                }
                json.writeArray(new int[] {year, start, i - start}, 0, 3);
            }
            json.writeEndArray();
            counted(json, "tags", terms.tagNames, terms.tagCounts, TOP_TAGS);
            counted(json, "categories", terms.categoryNames, terms.categoryCounts, Integer.MAX_VALUE);
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code "field":[[name,count],...]}: the {@code limit} most used, most used first. */
    private static void counted(JsonGenerator json, String field, Map<String, String> names, Map<String, Integer> counts,
            int limit) throws IOException {
        json.writeArrayFieldStart(field);
        List<String> keys = new ArrayList<>(counts.keySet());
        keys.sort(Comparator.<String>comparingInt(counts::get).reversed().thenComparing(Comparator.naturalOrder()));
        for (int t = 0; t < Math.min(limit, keys.size()); t++) {
            json.writeStartArray();
            json.writeString(names.get(keys.get(t)));
            json.writeNumber(counts.get(keys.get(t)));
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    /**
     * A hash of every file's name and content. Only names a cache generation, so a fast 64-bit
     * hash per file (in parallel) is enough; SHA-256 over the names and those gives the version.
     */
    private static String version(List<String> names, List<byte[]> contents) {
        long[] hashes = new long[names.size()];
        IntStream.range(0, names.size()).parallel().forEach(i -> hashes[i] = hash64(contents.get(i)));
        MessageDigest sha = Hashes.sha256();
        for (int i = 0; i < names.size(); i++) {
            sha.update(names.get(i).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            for (int b = 0; b < 8; b++) {
                sha.update((byte) (hashes[i] >>> (8 * b)));
            }
        }
        return Hashes.hex(sha.digest()).substring(0, 12);
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** Multiply-mix over 8-byte words, then the tail and the length. */
    static long hash64(byte[] bytes) {
        long h = 0x9E3779B97F4A7C15L ^ bytes.length;
        int i = 0;
        for (; i + 8 <= bytes.length; i += 8) {
            h = (h ^ (long) LONGS.get(bytes, i)) * 0xFF51AFD7ED558CCDL;
            h ^= h >>> 32;
        }
        for (; i < bytes.length; i++) {
            h = (h ^ (bytes[i] & 0xff)) * 0xC4CEB9FE1A85EC53L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        return h ^ (h >>> 33);
    }

    /**
     * Encoded entries, back to back in {@code data}: entry i is bytes {@code offset[i]..offset[i+1]}
     * and goes to the shard {@code hash[i] & (shards-1)}. Each arena is filled by one thread.
     */
    private static final class Arena {
        final DocSets.Sink data;
        int[] offset = new int[64];
        int[] hash = new int[64];
        int count;
        private final DocSets.Sink body = new DocSets.Sink(1 << 12);

        Arena(int capacity) {
            data = new DocSets.Sink(capacity);
        }

        /** Starts an entry: the caller writes its body into the returned sink, then calls {@link #end}. */
        DocSets.Sink begin() {
            body.size = 0;
            return body;
        }

        void end(byte[] key, int keyLength, int keyHash) {
            if (count + 1 >= offset.length) {
                offset = Arrays.copyOf(offset, offset.length * 2);
                hash = Arrays.copyOf(hash, hash.length * 2);
            }
            offset[count] = data.size;
            hash[count] = keyHash;
            DocSets.varint(data, keyLength);
            data.write(key, 0, keyLength);
            DocSets.varint(data, body.size);
            data.write(body.bytes, 0, body.size);
            count++;
            offset[count] = data.size;
        }
    }

    /** A growable list of (term, document, field mask) occurrences, one per term and document. */
    private static final class Occurrences {
        long[] term;
        int[] doc;
        byte[] mask;
        int size;

        Occurrences(int capacity) {
            term = new long[Math.max(16, capacity)];
            doc = new int[term.length];
            mask = new byte[term.length];
        }

        int add(long t, int d, int m) {
            if (size == term.length) {
                term = Arrays.copyOf(term, size * 2);
                doc = Arrays.copyOf(doc, size * 2);
                mask = Arrays.copyOf(mask, size * 2);
            }
            term[size] = t;
            doc[size] = d;
            mask[size] = (byte) m;
            return size++;
        }
    }

    /** Every term of every document, with the documents (per field) holding it. */
    private static final class Terms {
        final SearchCorpus corpus;
        final int docCount;
        final byte[][] foldedBytes;
        final Map<String, String> tagNames = new HashMap<>();
        final Map<String, Integer> tagCounts = new HashMap<>();
        final Map<String, String> categoryNames = new HashMap<>();
        final Map<String, Integer> categoryCounts = new HashMap<>();
        /** Document ranges walked in parallel. */
        final int rangeSize;
        final int ranges;

        Terms(SearchCorpus corpus) {
            this.corpus = corpus;
            this.docCount = corpus.size();
            int foldedCount = corpus.foldeds.size();
            foldedBytes = new byte[foldedCount][];
            for (int i = 0; i < foldedCount; i++) {
                foldedBytes[i] = corpus.foldeds.get(i).getBytes(StandardCharsets.UTF_8);
            }
            rangeSize = Math.max(64, (docCount + 15) / 16);
            ranges = (docCount + rangeSize - 1) / rangeSize;
        }

        /** Every entry, in arenas: syllables, spellings, pairs (one arena a partition), tags. */
        List<Arena> encode() {
            long tokenCount = 0;
            for (int[][] doc : corpus.tokens) {
                for (int[] field : doc) {
                    tokenCount += field.length;
                }
            }
            int passes = (int) Math.min(PARTITIONS, Math.max(1, (tokenCount + PAIRS_PER_PASS - 1) / PAIRS_PER_PASS));
            Arena[] syllables = new Arena[1];
            Arena[] spellings = new Arena[1];
            Arena[] pairs = new Arena[PARTITIONS];
            Arena[] tags = new Arena[1];
            Arena[] categories = new Arena[1];
            Arena[] prefixes = new Arena[1];
            for (int pass = 0; pass < passes; pass++) {
                int firstPartition = pass * PARTITIONS / passes;
                int endPartition = (pass + 1) * PARTITIONS / passes;
                boolean firstPass = pass == 0;
                Occurrences[][] pairLogs = new Occurrences[ranges][];
                Occurrences[] syllableLogs = new Occurrences[ranges];
                Occurrences[] spellingLogs = new Occurrences[ranges];
                IntStream.range(0, ranges).parallel().forEach(r -> {
                    // Sized from the token count, so that logs rarely grow (copies of big arrays).
                    long tokens = 0;
                    for (int doc = r * rangeSize; doc < Math.min(docCount, (r + 1) * rangeSize); doc++) {
                        for (int[] field : corpus.tokens[doc]) {
                            tokens += field.length;
                        }
                    }
                    Occurrences[] logs = new Occurrences[PARTITIONS];
                    for (int p = firstPartition; p < endPartition; p++) {
                        logs[p] = new Occurrences((int) (tokens * 3 / 4 / PARTITIONS));
                    }
                    pairLogs[r] = logs;
                    if (firstPass) {
                        syllableLogs[r] = new Occurrences((int) (tokens / 2));
                        spellingLogs[r] = new Occurrences((int) (tokens / 2));
                    }
                    collect(r, firstPartition, endPartition, logs, syllableLogs[r], spellingLogs[r]);
                });
                List<Runnable> tasks = new ArrayList<>();
                if (firstPass) {
                    tasks.add(() -> {
                        Grouped grouped = Grouped.of(syllableLogs, corpus.foldeds.size());
                        syllables[0] = encodeSyllables(grouped);
                        prefixes[0] = encodePrefixes(grouped);
                    });
                    tasks.add(() -> categories[0] = encodeCategories());
                    tasks.add(() -> spellings[0] = encodeSpellings(spellingLogs));
                    tasks.add(() -> tags[0] = encodeTags());
                }
                for (int p = firstPartition; p < endPartition; p++) {
                    int partition = p;
                    tasks.add(() -> pairs[partition] = encodePairs(pairLogs, partition));
                }
                tasks.parallelStream().forEach(Runnable::run);
            }
            List<Arena> arenas = new ArrayList<>();
            arenas.add(syllables[0]);
            arenas.add(spellings[0]);
            arenas.addAll(Arrays.asList(pairs));
            arenas.add(tags[0]);
            arenas.add(categories[0]);
            arenas.add(prefixes[0]);
            return arenas;
        }

        /**
         * Walks the documents of range {@code r}: one occurrence per (syllable, document), per
         * (spelling, document) and per (pair, document) whose partition is in [from, to).
         */
        private void collect(int r, int from, int to, Occurrences[] pairLogs, Occurrences syllableLog, Occurrences spellingLog) {
            int[] foldedOf = corpus.foldedOf;
            int[] syllableSeen = syllableLog == null ? null : new int[corpus.foldeds.size()];
            int[] syllableAt = syllableLog == null ? null : new int[corpus.foldeds.size()];
            int[] spellingSeen = spellingLog == null ? null : new int[corpus.exacts.size()];
            PerDocument pairsSeen = new PerDocument();
            for (int doc = r * rangeSize; doc < Math.min(docCount, (r + 1) * rangeSize); doc++) {
                int stamp = doc + 1;
                pairsSeen.clear();
                for (int f = 0; f < FIELDS; f++) {
                    int bit = 1 << f;
                    int previous = -1;
                    for (int exact : corpus.tokens[doc][f]) {
                        if (exact == SearchCorpus.VALUE_BREAK) {
                            previous = -1;
                            continue;
                        }
                        int folded = foldedOf[exact];
                        if (syllableLog != null) {
                            if (syllableSeen[folded] != stamp) {
                                syllableSeen[folded] = stamp;
                                syllableAt[folded] = syllableLog.add(folded, doc, bit);
                            } else {
                                syllableLog.mask[syllableAt[folded]] |= (byte) bit;
                            }
                            if (spellingSeen[exact] != stamp) {
                                spellingSeen[exact] = stamp;
                                spellingLog.add(exact, doc, 1);
                            }
                        }
                        if (previous >= 0) {
                            long key = SearchCorpus.PairIds.key(previous, folded);
                            int slot = pairsSeen.find(key);
                            if (slot >= 0) {
                                int p = pairsSeen.partition[slot];
                                if (p >= 0) {
                                    pairLogs[p].mask[pairsSeen.at[slot]] |= (byte) bit;
                                }
                            } else {
                                int p = PerDocument.mix(key) & (PARTITIONS - 1);
                                boolean mine = p >= from && p < to;
                                pairsSeen.put(key, mine ? p : -1, mine ? pairLogs[p].add(key, doc, bit) : 0);
                            }
                        }
                        previous = folded;
                    }
                }
            }
        }

        private Arena encodeSyllables(Grouped g) {
            int count = corpus.foldeds.size();
            Arena out = new Arena(1 << 20);
            int[] scratch = new int[Math.max(16, docCount)];
            for (int id = 0; id < count; id++) {
                if (g.start[id] == g.start[id + 1]) {
                    continue; // only in too-long tokens' company: cannot happen, but harmless
                }
                writeFieldSets(out.begin(), g, id, scratch);
                out.end(foldedBytes[id], foldedBytes[id].length, Hashes.fnv1a32(foldedBytes[id]));
            }
            return out;
        }

        private Arena encodeSpellings(Occurrences[] logs) {
            int count = corpus.exacts.size();
            Grouped g = Grouped.of(logs, count);
            Arena out = new Arena(1 << 20);
            for (int id = 0; id < count; id++) {
                if (g.start[id] == g.start[id + 1]) {
                    continue;
                }
                DocSets.write(out.begin(), g.docs, g.start[id], g.start[id + 1] - g.start[id], docCount);
                byte[] key = ("=" + corpus.exacts.get(id)).getBytes(StandardCharsets.UTF_8);
                out.end(key, key.length, Hashes.fnv1a32(key));
            }
            return out;
        }

        private Arena encodePairs(Occurrences[][] logs, int partition) {
            // Number the partition's pairs by first occurrence (ranges in order, so document order).
            int total = 0;
            for (Occurrences[] perRange : logs) {
                total += perRange[partition].size;
            }
            SearchCorpus.PairIds ids = new SearchCorpus.PairIds(Math.max(16, total / 2));
            int[] idOf = new int[total];
            int k = 0;
            for (Occurrences[] perRange : logs) {
                Occurrences log = perRange[partition];
                for (int i = 0; i < log.size; i++) {
                    idOf[k++] = ids.id(log.term[i]);
                }
            }
            int pairCount = ids.size();
            int[] start = new int[pairCount + 1];
            for (int i = 0; i < total; i++) {
                start[idOf[i] + 1]++;
            }
            for (int p = 0; p < pairCount; p++) {
                start[p + 1] += start[p];
            }
            int[] fill = Arrays.copyOf(start, pairCount);
            int[] docs = new int[total];
            byte[] masks = new byte[total];
            k = 0;
            for (Occurrences[] perRange : logs) {
                Occurrences log = perRange[partition];
                for (int i = 0; i < log.size; i++, k++) {
                    int at = fill[idOf[k]]++;
                    docs[at] = log.doc[i];
                    masks[at] = log.mask[i];
                }
                perRange[partition] = null; // free as we go
            }
            Grouped g = new Grouped(start, docs, masks);
            Arena out = new Arena(Math.max(1 << 12, total * 8));
            int[] scratch = new int[Math.max(16, docCount)];
            byte[] key = new byte[64];
            for (int p = 0; p < pairCount; p++) {
                long pair = ids.pairs[p];
                byte[] first = foldedBytes[(int) (pair >>> 32)];
                byte[] second = foldedBytes[(int) pair];
                int length = first.length + 1 + second.length;
                if (key.length < length) {
                    key = new byte[length * 2];
                }
                System.arraycopy(first, 0, key, 0, first.length);
                key[first.length] = ' ';
                System.arraycopy(second, 0, key, first.length + 1, second.length);
                writeFieldSets(out.begin(), g, p, scratch);
                out.end(key, length, Hashes.fnv1a32(key, 0, length));
            }
            return out;
        }

        private Arena encodeTags() {
            Map<String, DocSets.Builder> tags = new LinkedHashMap<>();
            for (int doc = 0; doc < docCount; doc++) {
                List<String> values = SearchFields.values(corpus.docs.get(doc), "tags");
                String[] keys = corpus.tagKeys[doc];
                for (int t = 0; t < keys.length; t++) {
                    if (!keys[t].isEmpty()) {
                        tagNames.putIfAbsent(keys[t], Snippets.collapse(values.get(t)));
                        tags.computeIfAbsent(keys[t], x -> new DocSets.Builder()).add(doc);
                    }
                }
            }
            Arena out = new Arena(1 << 16);
            tags.forEach((tag, docs) -> {
                tagCounts.put(tag, docs.size);
                DocSets.write(out.begin(), docs.docs, 0, docs.size, docCount);
                byte[] key = ("#" + tag).getBytes(StandardCharsets.UTF_8);
                out.end(key, key.length, Hashes.fnv1a32(key));
            });
            return out;
        }

        private Arena encodeCategories() {
            Map<String, DocSets.Builder> categories = new LinkedHashMap<>();
            for (int doc = 0; doc < docCount; doc++) {
                String category = corpus.docs.get(doc).category();
                String key = category == null ? "" : VietnameseTokens.tagKey(category);
                if (!key.isEmpty()) {
                    categoryNames.putIfAbsent(key, Snippets.collapse(category));
                    categories.computeIfAbsent(key, x -> new DocSets.Builder()).add(doc);
                }
            }
            Arena out = new Arena(1 << 12);
            categories.forEach((category, docs) -> {
                categoryCounts.put(category, docs.size);
                DocSets.write(out.begin(), docs.docs, 0, docs.size, docCount);
                byte[] key = ("@" + category).getBytes(StandardCharsets.UTF_8);
                out.end(key, key.length, Hashes.fnv1a32(key));
            });
            return out;
        }

        /**
         * One entry per proper start (two characters or more) of a folded syllable: the union of
         * the field sets of the syllables it starts. Syllables are a few letters long, so there
         * are a few times as many starts as syllables, most of them shared.
         */
        private Arena encodePrefixes(Grouped g) {
            Map<String, List<Integer>> starts = new LinkedHashMap<>();
            for (int id = 0; id < corpus.foldeds.size(); id++) {
                String folded = corpus.foldeds.get(id);
                if (g.start[id] == g.start[id + 1]) {
                    continue;
                }
                for (int end = 2; end < folded.length(); end++) {
                    if (Character.isHighSurrogate(folded.charAt(end - 1))) {
                        continue; // never split a character
                    }
                    starts.computeIfAbsent(folded.substring(0, end), x -> new ArrayList<>()).add(id);
                }
            }
            Arena out = new Arena(1 << 16);
            byte[] masks = new byte[docCount];
            int[] touched = new int[Math.max(16, docCount)];
            int[] scratch = new int[Math.max(16, docCount)];
            starts.forEach((prefix, ids) -> {
                int n = 0;
                for (int id : ids) {
                    for (int j = g.start[id]; j < g.start[id + 1]; j++) {
                        int doc = g.docs[j];
                        if (masks[doc] == 0) {
                            touched[n++] = doc;
                        }
                        masks[doc] |= g.masks[j];
                    }
                }
                Arrays.sort(touched, 0, n);
                int[] docs = Arrays.copyOf(touched, n);
                byte[] docMasks = new byte[n];
                for (int i = 0; i < n; i++) {
                    docMasks[i] = masks[docs[i]];
                    masks[docs[i]] = 0;
                }
                writeFieldSets(out.begin(), new Grouped(new int[] {0, n}, docs, docMasks), 0, scratch);
                byte[] key = (">" + prefix).getBytes(StandardCharsets.UTF_8);
                out.end(key, key.length, Hashes.fnv1a32(key));
            });
            return out;
        }

        /** byte fieldMask, then for each field in it the documents having the term there. */
        private void writeFieldSets(DocSets.Sink body, Grouped g, int id, int[] scratch) {
            int from = g.start[id];
            int to = g.start[id + 1];
            int mask = 0;
            for (int j = from; j < to; j++) {
                mask |= g.masks[j];
            }
            body.write(mask);
            for (int f = 0; f < FIELDS; f++) {
                if ((mask & (1 << f)) == 0) {
                    continue;
                }
                if (mask == 1 << f) {
                    DocSets.write(body, g.docs, from, to - from, docCount);
                    continue;
                }
                int n = 0;
                for (int j = from; j < to; j++) {
                    if ((g.masks[j] & (1 << f)) != 0) {
                        scratch[n++] = g.docs[j];
                    }
                }
                DocSets.write(body, scratch, 0, n, docCount);
            }
        }
    }

    /** Occurrences grouped by term: those of term i are {@code start[i]..start[i+1]}, by document. */
    private record Grouped(int[] start, int[] docs, byte[] masks) {
        /** Groups logs of dense term ids (counting sort; logs in document order stay so). */
        static Grouped of(Occurrences[] logs, int terms) {
            int[] start = new int[terms + 1];
            int total = 0;
            for (Occurrences log : logs) {
                for (int i = 0; i < log.size; i++) {
                    start[(int) log.term[i] + 1]++;
                }
                total += log.size;
            }
            for (int t = 0; t < terms; t++) {
                start[t + 1] += start[t];
            }
            int[] fill = Arrays.copyOf(start, terms);
            int[] docs = new int[total];
            byte[] masks = new byte[total];
            for (Occurrences log : logs) {
                for (int i = 0; i < log.size; i++) {
                    int at = fill[(int) log.term[i]]++;
                    docs[at] = log.doc[i];
                    masks[at] = log.mask[i];
                }
            }
            return new Grouped(start, docs, masks);
        }
    }

    /** The pairs seen in the current document: open addressing, emptied per document. */
    private static final class PerDocument {
        long[] keys = new long[1 << 12];
        int[] partition = new int[1 << 12];
        int[] at = new int[1 << 12];
        int[] stamp = new int[1 << 12];
        int current = 1;
        int size;

        void clear() {
            current++;
            size = 0;
        }

        int find(long key) {
            int mask = keys.length - 1;
            for (int slot = mix(key) & mask; stamp[slot] == current; slot = (slot + 1) & mask) {
                if (keys[slot] == key) {
                    return slot;
                }
            }
            return -1;
        }

        void put(long key, int p, int index) {
            if (++size * 2 > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int slot = mix(key) & mask;
            while (stamp[slot] == current) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            partition[slot] = p;
            at[slot] = index;
            stamp[slot] = current;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldPartition = partition;
            int[] oldAt = at;
            int[] oldStamp = stamp;
            keys = new long[oldKeys.length * 2];
            partition = new int[keys.length];
            at = new int[keys.length];
            stamp = new int[keys.length];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldStamp[i] == current) {
                    int slot = mix(oldKeys[i]) & mask;
                    while (stamp[slot] == current) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    partition[slot] = oldPartition[i];
                    at[slot] = oldAt[i];
                    stamp[slot] = current;
                }
            }
        }

        static int mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 29));
        }
    }
}
