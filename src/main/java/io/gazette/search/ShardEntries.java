package io.gazette.search;

import io.gazette.hash.Hashes;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Encodes the static index's term entries straight from the Lucene index, for the shards of one
 * range {@code [from, to)}: the exporter makes as many passes as it needs to bound memory (each
 * pass walks every term, but reads postings only of the terms whose shard is in range).
 *
 * <p>Term keys and bodies are described in {@link StaticIndexExporter}. The work is split into
 * tasks (syllables with prefixes, spellings, ranges of pairs, tags, categories) that run in
 * parallel, each into its own buffers; a shard is its tasks' buffers in task order, so the bytes do
 * not depend on the thread count.
 *
 * <p>One job although it is long: every kind of entry (syllables with their prefixes, spellings,
 * pairs, tags, categories) is written into the same per-task buffers and bucket slots, which
 * apart would have to be handed from class to class.
 */
final class ShardEntries {
    private static final int FIELDS = SearchFields.TEXT_FIELDS.size();
    /** Pair terms are cut into ranges at these first bytes, one task a range. */
    private static final String[] PAIR_SPLITS = {"c", "h", "l", "n", "t"};

    private final IndexReader reader;
    private final DocNumbering numbering;
    private final int shards;
    private final int from;
    private final int to;
    /** [task][shard - from]: encoded entries, or null. */
    private final DocSets.Sink[][] buffers;
    private final int[][] counts;
    /** Syllable and prefix bodies longer than this are split (see {@link StaticIndexExporter}). */
    private final int splitBytes;
    /**
     * The details of split terms, [stage] by FNV-1a-32 of their key: entries, as a shard holds
     * them. Only the syllables-and-prefixes task writes here, in term order.
     */
    @SuppressWarnings("unchecked")
    private final Map<Integer, DocSets.Sink>[] details = new Map[]{
            new TreeMap<>(Integer::compareUnsigned), new TreeMap<>(Integer::compareUnsigned)};
    @SuppressWarnings("unchecked")
    private final Map<Integer, Integer>[] detailCounts = new Map[]{
            new TreeMap<>(Integer::compareUnsigned), new TreeMap<>(Integer::compareUnsigned)};

    private ShardEntries(IndexReader reader, DocNumbering numbering, int shards, int from, int to, int tasks,
            int splitBytes) {
        this.reader = reader;
        this.numbering = numbering;
        this.shards = shards;
        this.from = from;
        this.to = to;
        this.buffers = new DocSets.Sink[tasks][to - from];
        this.counts = new int[tasks][to - from];
        this.splitBytes = splitBytes;
    }

    /**
     * The entries of buckets {@code from..to-1}: for each, how many entries and their bytes (null
     * for a bucket without entries), in a fixed order whatever the thread count; and the detail
     * files of the split terms among them.
     */
    record Buckets(int[] counts, byte[][] entries, List<Detail> details) {
    }

    /**
     * The details of one stage (0: the first fields, 1: the others, see {@link
     * StaticIndexExporter#FIRST_FIELDS}) of the split terms whose keys hash (FNV-1a-32) to
     * {@code hash}.
     */
    record Detail(int stage, int hash, int count, byte[] entries) {
    }

    /** The buckets {@code from..to-1} of {@code shards} hash buckets (a key's bucket: FNV-1a &amp; (shards-1)). */
    static Buckets encode(IndexReader reader, DocNumbering numbering, int shards, int from, int to) {
        return encode(reader, numbering, shards, from, to, Integer.MAX_VALUE);
    }

    /** Same, splitting syllable and prefix bodies longer than {@code splitBytes}. */
    static Buckets encode(IndexReader reader, DocNumbering numbering, int shards, int from, int to, int splitBytes) {
        List<String> folded = SearchFields.TEXT_FIELDS.stream().map(SearchFields::folded).toList();
        List<String> pairs = SearchFields.TEXT_FIELDS.stream().map(SearchFields::pairs).toList();
        List<Task> tasks = new ArrayList<>();
        tasks.add(e -> e.syllablesAndPrefixes(0, folded));
        tasks.add(e -> e.singleSets(1, SearchFields.EXACT, "="));
        for (int r = 0; r <= PAIR_SPLITS.length; r++) {
            BytesRef start = r == 0 ? null : new BytesRef(PAIR_SPLITS[r - 1]);
            BytesRef end = r == PAIR_SPLITS.length ? null : new BytesRef(PAIR_SPLITS[r]);
            int index = 2 + r;
            tasks.add(e -> e.fieldSets(index, pairs, start, end));
        }
        int tagTask = tasks.size();
        tasks.add(e -> e.singleSets(tagTask, SearchFields.TAG_KEY, "#"));
        int categoryTask = tasks.size();
        tasks.add(e -> e.singleSets(categoryTask, SearchFields.CATEGORY_KEY, "@"));
        ShardEntries entries = new ShardEntries(reader, numbering, shards, from, to, tasks.size(), splitBytes);
        tasks.parallelStream().forEach(task -> {
            try {
                task.run(entries);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        byte[][] files = new byte[to - from][];
        int[] counts = new int[to - from];
        IntStream.range(0, to - from).parallel().forEach(s -> {
            counts[s] = entries.count(s);
            files[s] = entries.bucketEntries(s);
        });
        List<Detail> details = new ArrayList<>();
        for (int stage = 0; stage < 2; stage++) {
            int st = stage;
            entries.details[stage].forEach((hash, sink) ->
                    details.add(new Detail(st, hash, entries.detailCounts[st].get(hash), sink.toByteArray())));
        }
        return new Buckets(counts, files, details);
    }

    /**
     * The postings of the walk's current term in every field that holds it, each document marked
     * with its field's bit, sorted by document number ({@link MergedTerms} reuses one postings
     * enum per field).
     */
    private void gather(MergedTerms terms, int fieldCount, TermPostings postings) throws IOException {
        postings.clear();
        for (int f = 0; f < fieldCount; f++) {
            if (terms.in(f)) {
                postings.add(terms.postings(f, PostingsEnum.NONE), numbering, 1 << f);
            }
        }
        postings.sort();
    }

    @FunctionalInterface
    private interface Task {
        void run(ShardEntries entries) throws IOException;
    }

    private int count(int s) {
        int count = 0;
        for (int[] task : counts) {
            count += task[s];
        }
        return count;
    }

    /** The entries of bucket {@code s} (relative to from), task after task; null when none. */
    private byte[] bucketEntries(int s) {
        int size = 0;
        for (DocSets.Sink[] task : buffers) {
            size += task[s] == null ? 0 : task[s].size;
        }
        if (size == 0) {
            return null;
        }
        DocSets.Sink out = new DocSets.Sink(size);
        for (DocSets.Sink[] task : buffers) {
            if (task[s] != null) {
                out.write(task[s].bytes, 0, task[s].size);
            }
        }
        return out.toByteArray();
    }

    /** The shard of a key, relative to {@link #from}, or -1 when it is not in this pass's range. */
    private int slot(byte[] key, int length) {
        int shard = Hashes.fnv1a32(key, 0, length) & (shards - 1);
        return shard >= from && shard < to ? shard - from : -1;
    }

    /** Appends one entry: varint keyLen, key, varint bodyLen, body. */
    private void append(int task, int slot, byte[] key, int keyLength, DocSets.Sink body) {
        DocSets.Sink out = buffers[task][slot];
        if (out == null) {
            out = buffers[task][slot] = new DocSets.Sink(keyLength + body.size + 8);
        }
        DocSets.varint(out, keyLength);
        out.write(key, 0, keyLength);
        DocSets.varint(out, body.size);
        out.write(body.bytes, 0, body.size);
        counts[task][slot]++;
    }

    private static byte[] key(byte[] key, String marker, BytesRef term) {
        int length = marker.length() + term.length;
        byte[] out = key.length >= length ? key : new byte[length * 2];
        for (int i = 0; i < marker.length(); i++) {
            out[i] = (byte) marker.charAt(i);
        }
        System.arraycopy(term.bytes, term.offset, out, marker.length(), term.length);
        return out;
    }

    /** Pairs (or any per-field terms without prefixes): {@code fieldMask, docset per field}. */
    private void fieldSets(int task, List<String> fields, BytesRef start, BytesRef end) throws IOException {
        MergedTerms terms = new MergedTerms(reader, fields, start, end);
        TermPostings postings = new TermPostings();
        DocSets.Sink body = new DocSets.Sink(1 << 12);
        int[] scratch = new int[Math.max(16, numbering.size())];
        byte[] key = new byte[64];
        while (terms.next()) {
            key = key(key, "", terms.term());
            int slot = slot(key, terms.term().length);
            if (slot < 0) {
                continue;
            }
            gather(terms, fields.size(), postings);
            if (postings.size == 0) {
                continue; // only in deleted documents
            }
            body.size = 0;
            postings.writeFieldSets(body, FIELDS, scratch);
            append(task, slot, key, terms.term().length, body);
        }
    }

    /** Spellings, tags, categories: {@code marker + term}, one docset whatever the field. */
    private void singleSets(int task, String field, String marker) throws IOException {
        MergedTerms terms = new MergedTerms(reader, List.of(field), null, null);
        TermPostings postings = new TermPostings();
        DocSets.Sink body = new DocSets.Sink(1 << 12);
        byte[] key = new byte[64];
        while (terms.next()) {
            key = key(key, marker, terms.term());
            int length = marker.length() + terms.term().length;
            int slot = slot(key, length);
            if (slot < 0) {
                continue;
            }
            postings.clear();
            postings.add(terms.postings(0, PostingsEnum.NONE), numbering, 1);
            postings.sort();
            if (postings.size == 0) {
                continue;
            }
            body.size = 0;
            DocSets.write(body, postings.docs, 0, postings.size);
            append(task, slot, key, length, body);
        }
    }

    /**
     * Syllables, and the prefix entries made from them: {@code >} + each proper start (two chars
     * or more) of a syllable, the union of the field sets of the syllables it starts. Terms come
     * sorted, so the syllables sharing a start are consecutive: open starts are a stack, and a
     * start's entry is written when the walk leaves it.
     */
    private void syllablesAndPrefixes(int task, List<String> fields) throws IOException {
        MergedTerms terms = new MergedTerms(reader, fields, null, null);
        TermPostings postings = new TermPostings();
        DocSets.Sink body = new DocSets.Sink(1 << 12);
        int[] scratch = new int[Math.max(16, numbering.size())];
        byte[] key = new byte[64];
        List<Prefix> open = new ArrayList<>();
        List<Prefix> spare = new ArrayList<>();
        while (terms.next()) {
            String syllable = terms.term().utf8ToString();
            while (!open.isEmpty() && !startsProperly(syllable, open.get(open.size() - 1).prefix)) {
                Prefix done = open.remove(open.size() - 1);
                writePrefix(task, done, body, scratch);
                spare.add(done);
            }
            int depth = open.isEmpty() ? 0 : open.get(open.size() - 1).prefix.length();
            for (int end = Math.max(2, depth + 1); end < syllable.length(); end++) {
                if (Character.isHighSurrogate(syllable.charAt(end - 1))) {
                    continue; // never split a character
                }
                Prefix p = spare.isEmpty() ? new Prefix(numbering.size()) : spare.remove(spare.size() - 1);
                p.start(syllable.substring(0, end), this);
                open.add(p);
            }
            key = key(key, "", terms.term());
            int slot = slot(key, terms.term().length);
            boolean prefixesWant = open.stream().anyMatch(p -> p.slot >= 0);
            if (slot < 0 && !prefixesWant) {
                continue;
            }
            gather(terms, fields.size(), postings);
            if (postings.size == 0) {
                continue;
            }
            for (Prefix p : open) {
                if (p.slot >= 0) {
                    p.add(postings);
                }
            }
            if (slot >= 0) {
                appendSplittable(task, slot, key, terms.term().length, postings, body, scratch);
            }
        }
        while (!open.isEmpty()) {
            writePrefix(task, open.remove(open.size() - 1), body, scratch);
        }
    }

    private static boolean startsProperly(String syllable, String prefix) {
        return syllable.length() > prefix.length() && syllable.startsWith(prefix);
    }

    private void writePrefix(int task, Prefix p, DocSets.Sink body, int[] scratch) {
        if (p.slot < 0 || p.touched == 0) {
            return;
        }
        appendSplittable(task, p.slot, p.key, p.key.length, p.drain(), body, scratch);
    }

    /**
     * A syllable's or prefix's entry: its field sets, or, when they are longer than {@link
     * #splitBytes} and name more than one field, only the documents holding the term in any
     * field (flag {@link StaticIndexExporter#SPLIT} on the field mask), the field sets going to
     * the term's two detail files (the first fields, the others) as sets of positions in that
     * union.
     */
    private void appendSplittable(int task, int slot, byte[] key, int keyLength, TermPostings postings,
            DocSets.Sink body, int[] scratch) {
        DocSets.Sink[] detail = detailScratch.get();
        if (encodeSplittable(postings, splitBytes, body, detail, scratch)) {
            int hash = Hashes.fnv1a32(key, 0, keyLength);
            for (int stage = 0; stage < 2; stage++) {
                if (detail[stage].size == 0) {
                    continue;
                }
                int length = detail[stage].size;
                DocSets.Sink out = details[stage].computeIfAbsent(hash, h -> new DocSets.Sink(length + keyLength + 8));
                DocSets.varint(out, keyLength);
                out.write(key, 0, keyLength);
                DocSets.varint(out, length);
                out.write(detail[stage].bytes, 0, length);
                detailCounts[stage].merge(hash, 1, Integer::sum);
            }
        }
        append(task, slot, key, keyLength, body);
    }

    private final ThreadLocal<DocSets.Sink[]> detailScratch =
            ThreadLocal.withInitial(() -> new DocSets.Sink[]{new DocSets.Sink(1 << 12), new DocSets.Sink(1 << 12)});

    /**
     * A syllable's or prefix's body into {@code body}: its field sets, or, when they are longer
     * than {@code splitBytes} and name more than one field, only the documents holding the term
     * in any field (flag {@link StaticIndexExporter#SPLIT} on the field mask), the field sets
     * going to {@code details} (the first fields, the others; size 0 for none) as sets of
     * positions in that union. Returns whether it split.
     */
    static boolean encodeSplittable(TermPostings postings, int splitBytes, DocSets.Sink body,
            DocSets.Sink[] details, int[] scratch) {
        body.size = 0;
        details[0].size = 0;
        details[1].size = 0;
        postings.writeFieldSets(body, FIELDS, scratch);
        int mask = body.bytes[0] & 0xff;
        if (body.size <= splitBytes || Integer.bitCount(mask) <= 1) {
            return false;
        }
        int first = (1 << StaticIndexExporter.FIRST_FIELDS) - 1;
        for (int stage = 0; stage < 2; stage++) {
            if (stage == 1 && (mask & ~first) == 0) {
                break; // nothing past the first fields
            }
            postings.writeFieldRanks(details[stage], stage == 0 ? 0 : StaticIndexExporter.FIRST_FIELDS,
                    stage == 0 ? StaticIndexExporter.FIRST_FIELDS : FIELDS, scratch);
        }
        body.size = 0;
        body.write(StaticIndexExporter.SPLIT | mask);
        DocSets.write(body, postings.docs, 0, postings.size);
        return true;
    }

    /** One open prefix: the union, per document, of the field masks of the syllables it starts. */
    private static final class Prefix {
        final byte[] masks;
        int[] touchedDocs = new int[64];
        int touched;
        String prefix;
        byte[] key;
        int slot;
        final TermPostings out = new TermPostings();

        Prefix(int universe) {
            masks = new byte[universe];
        }

        void start(String prefix, ShardEntries entries) {
            this.prefix = prefix;
            this.key = (">" + prefix).getBytes(StandardCharsets.UTF_8);
            this.slot = entries.slot(key, key.length);
            this.touched = 0;
        }

        void add(TermPostings syllable) {
            for (int j = 0; j < syllable.size; j++) {
                int doc = syllable.docs[j];
                if (masks[doc] == 0) {
                    if (touched == touchedDocs.length) {
                        touchedDocs = java.util.Arrays.copyOf(touchedDocs, touched * 2);
                    }
                    touchedDocs[touched++] = doc;
                }
                masks[doc] |= syllable.masks[j];
            }
        }

        /** The union as sorted postings; clears the masks for reuse. */
        TermPostings drain() {
            out.clear();
            for (int i = 0; i < touched; i++) {
                int doc = touchedDocs[i];
                out.add(doc, masks[doc]);
                masks[doc] = 0;
            }
            touched = 0;
            out.sort();
            return out;
        }
    }
}
