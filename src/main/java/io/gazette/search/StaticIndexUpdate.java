package io.gazette.search;

import io.gazette.hash.Hashes;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Brings the static index of the last export ({@link ExportState}, its files read back through
 * {@link PreviousFiles}) to the documents of {@code reader}, rewriting only what a full export
 * would write differently: the entries of the keys of the documents that changed (their old
 * versions' keys, captured before the index changed, and their new ones'), seeked in the index
 * one key at a time instead of walking every term, and the shards, detail files, document chunks
 * and passage packs holding them. The files' bytes are a full export's, byte for byte.
 *
 * <h2>What an edit costs</h2>
 * Documents are numbered oldest first ({@link DocNumbering}): an edited article keeps its number
 * and a new one, the newest, takes the next; both cost their own keys. A document whose number
 * moves (an article dated before others, a deletion, a changed date) moves every document after
 * it: all of them count as changed, and past {@link #MAX_DOCUMENTS} the export is a full one.
 * A change in the number of documents also re-encodes the keys held by half the documents or
 * more ({@link ExportState#common}: their sets may be written as the documents missing, which
 * a new document changes even when it does not hold the key).
 *
 * <p>A prefix entry ({@code >th}) unites every syllable starting so, thousands at two letters:
 * seeking them all would read most of the index, so a prefix's entry is the old one (read back
 * from its shard) with the changed documents' old bits taken out and their new ones put in.
 */
final class StaticIndexUpdate {
    /** Documents changed or renumbered above which the export is a full one. */
    static final int MAX_DOCUMENTS = 100;
    /**
     * Entries of at least this many bytes are patched from their old bytes rather than seeked
     * again (the same result; tests set 0 to patch every entry, which small fixtures never reach).
     */
    static volatile int patchFrom = 256;
    private static final int FIELDS = SearchFields.TEXT_FIELDS.size();
    private static final int BUCKETS = StaticIndexExporter.BUCKETS;

    /** The update, or why it could not be made (then nothing was written). */
    record Outcome(StaticIndexExporter.Result result, BitSet changedNumbers, int previousDocuments, String reason) {
        static Outcome refused(String reason) {
            return new Outcome(null, null, 0, reason);
        }
    }

    /** Work counters: what a test checks to know that the update did not walk everything. */
    record Counts(int documents, int keys, int shardsWritten, int shardsKept) {
    }

    private final IndexReader reader;
    private final DocNumbering numbering;
    private final ExportState old;
    private final IndexFiles.Previous previous;
    private final int n;
    private final int[] scratch;
    private final Map<String, TermsEnum> enums = new HashMap<>();
    private final Map<String, PostingsEnum> reuse = new HashMap<>();
    /** Old files read, by path: shards and detail files, decoded. */
    private final Map<String, List<ShardFile.KeyBody>> oldFiles = new HashMap<>();
    static volatile Counts lastCounts;

    private StaticIndexUpdate(IndexReader reader, DocNumbering numbering, ExportState old, IndexFiles.Previous previous) {
        this.reader = reader;
        this.numbering = numbering;
        this.old = old;
        this.previous = previous;
        this.n = numbering.size();
        this.scratch = new int[Math.max(16, n)];
    }

    /** A file to write, or to keep (content null). */
    private record Out(String path, byte[] content) {
    }

    static Outcome update(IndexReader reader, DocNumbering numbering, ExportState old, IndexChanges changes,
            IndexFiles.Previous previous, IndexFiles files) throws IOException {
        if (!old.layout.equals(StaticIndexExporter.layout())) {
            return Outcome.refused("the last search export has another layout");
        }
        return new StaticIndexUpdate(reader, numbering, old, previous).run(changes, files);
    }

    private Outcome run(IndexChanges changes, IndexFiles files) throws IOException {
        int nOld = old.documents();
        if (Math.min(n, nOld) < 2 * old.commonFrom) {
            // Keys in commonFrom or more documents are kept as common; under twice that many
            // articles a few edits can move any key across the line, so the export starts over.
            return Outcome.refused("the archive has " + Math.min(n, nOld) + " articles, under twice the "
                    + old.commonFrom + " that make a search key common");
        }
        long[] hashes = new long[n];
        for (int j = 0; j < n; j++) {
            hashes[j] = ExportState.urlHash(numbering.url(j));
        }
        int p = 0;
        int shared = Math.min(n, nOld);
        while (p < shared && old.urlHashes[p] == hashes[p]) {
            p++;
        }
        // With as many documents as before, those after the last moved one keep their numbers
        // too: a changed url (a title edit changes the slug) moves its article among those of
        // its day only. With another count, every number after p moves.
        int kept = 0;
        if (n == nOld) {
            while (kept < n - p && old.urlHashes[n - 1 - kept] == hashes[n - 1 - kept]) {
                kept++;
            }
        }
        Map<Long, String> changedUrls = new HashMap<>();
        for (String url : changes.urls()) {
            changedUrls.put(ExportState.urlHash(url), url);
        }
        // Removed: old numbers whose documents' entries are taken out; added: new numbers put in.
        BitSet removed = new BitSet(nOld);
        BitSet added = new BitSet(n);
        // Changed in place: the same url at the same number in both exports.
        BitSet inPlace = new BitSet(n);
        for (int i = 0; i < shared; i++) {
            if ((i < p || i >= n - kept) && changedUrls.containsKey(hashes[i])) {
                removed.set(i);
                added.set(i);
                inPlace.set(i);
            }
        }
        removed.set(p, nOld - kept);
        added.set(p, n - kept);
        if (removed.cardinality() + added.cardinality() > MAX_DOCUMENTS) {
            return Outcome.refused((nOld - p - kept) + " articles were renumbered (a new article dated before others, a"
                    + " deleted one or a changed date moves every newer one) and " + changedUrls.size() + " changed");
        }
        StoredFields stored = reader.storedFields();
        Map<Long, Map<String, Integer>> keysNow = new HashMap<>();
        Map<String, List<int[]>> additions = new HashMap<>();
        Set<String> touched = new HashSet<>();
        for (int a = added.nextSetBit(0); a >= 0; a = added.nextSetBit(a + 1)) {
            Map<String, Integer> keys = DocKeys.of(SearchFields.fromStored(stored.document(numbering.luceneDoc(a))));
            keysNow.put(hashes[a], keys);
            if (!inPlace.get(a)) {
                touched.addAll(keys.keySet());
            }
            int number = a;
            keys.forEach((key, mask) -> additions.computeIfAbsent(key, k -> new ArrayList<>()).add(new int[] {number, mask}));
        }
        for (int r = removed.nextSetBit(0); r >= 0; r = removed.nextSetBit(r + 1)) {
            String url = changedUrls.get(old.urlHashes[r]);
            Map<String, Integer> keys = url != null ? changes.keysBefore(url) : keysNow.get(old.urlHashes[r]);
            if (keys == null) {
                return Outcome.refused("an article of the last search export cannot be found in the index");
            }
            if (inPlace.get(r)) {
                // Same number before and after: an entry changes only where the article's fields
                // holding the key did (a saved body keeps most of its ~2,000 keys as they were;
                // re-encoding them all cost seconds after a burst of saves at 100,000 articles).
                Map<String, Integer> now = keysNow.get(hashes[r]);
                keys.forEach((key, mask) -> {
                    if (!mask.equals(now.get(key))) {
                        touched.add(key);
                    }
                });
                now.forEach((key, mask) -> {
                    if (!keys.containsKey(key)) {
                        touched.add(key);
                    }
                });
            } else {
                touched.addAll(keys.keySet());
            }
        }
        if (n != nOld) {
            old.common.forEach((key, documents) -> {
                if (2L * documents + 1 >= shared) {
                    touched.add(key);
                }
            });
        }

        // Old entries of the touched buckets' shards.
        Map<String, byte[]> keyBytes = new TreeMap<>();
        BitSet touchedBuckets = new BitSet(BUCKETS);
        for (String key : touched) {
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            keyBytes.put(key, bytes);
            touchedBuckets.set(bucket(bytes));
        }
        Map<String, ShardFile.KeyBody> oldEntries = new HashMap<>();
        for (int b = touchedBuckets.nextSetBit(0); b >= 0; b = touchedBuckets.nextSetBit(b + 1)) {
            int shard = shardOf(old.starts, b);
            String path = StaticIndexExporter.shardPath(old.starts[shard]);
            if (!oldFiles.containsKey(path)) {
                List<ShardFile.KeyBody> entries = readOld(path);
                if (entries == null) {
                    return Outcome.refused("the last search export's " + path + " is missing");
                }
                for (ShardFile.KeyBody e : entries) {
                    oldEntries.put(new String(e.key(), StandardCharsets.UTF_8), e);
                }
            }
        }
        Set<Long> detailIds = new TreeSet<>();
        for (long id : old.details) {
            detailIds.add(id);
        }

        // New entries of the touched keys.
        int[] sizes = old.bucketSizes.clone();
        int[] counts = old.bucketCounts.clone();
        Map<String, Integer> common = new HashMap<>(old.common);
        Map<String, ShardFile.KeyBody> newEntries = new HashMap<>();
        Map<Long, Map<String, byte[]>> newDetails = new TreeMap<>();
        Set<Long> touchedDetails = new TreeSet<>();
        TermPostings postings = new TermPostings();
        DocSets.Sink body = new DocSets.Sink(1 << 12);
        DocSets.Sink[] detail = {new DocSets.Sink(1 << 12), new DocSets.Sink(1 << 12)};
        for (Map.Entry<String, byte[]> k : keyBytes.entrySet()) {
            String key = k.getKey();
            byte[] bytes = k.getValue();
            int bucket = bucket(bytes);
            int hash = Hashes.fnv1a32(bytes, 0, bytes.length);
            ShardFile.KeyBody before = oldEntries.get(key);
            DocKeys.Kind kind = DocKeys.Kind.of(key);
            boolean splittable = kind == DocKeys.Kind.SYLLABLE || kind == DocKeys.Kind.PREFIX;
            if (before != null && splittable && (before.body()[0] & StaticIndexExporter.SPLIT) != 0) {
                for (int stage = 0; stage < 2; stage++) {
                    long id = ExportState.detailId(stage, hash);
                    if (detailIds.contains(id)) {
                        touchedDetails.add(id);
                    }
                }
            }
            postings.clear();
            if (kind == DocKeys.Kind.PREFIX || (before != null && before.body().length >= patchFrom)) {
                // The old entry less the documents taken out, plus those put in: a long entry
                // (a common syllable, bitmaps of 12.5 KB at 100,000 articles) decodes far faster
                // than its postings are read from every field of the index.
                boolean patched = before == null || switch (kind) {
                    case SYLLABLE, PAIR, PREFIX -> patchOld(key, before, hash, removed, postings);
                    default -> patchSingle(before, removed, postings);
                };
                if (!patched) {
                    return Outcome.refused("a detail file of the last search export is missing");
                }
                for (int[] add : additions.getOrDefault(key, List.of())) {
                    postings.add(add[0], add[1]);
                }
            } else {
                seek(kind, key, postings);
            }
            postings.sort();
            if (before != null) {
                sizes[bucket] -= before.size();
                counts[bucket]--;
            }
            common.remove(key);
            if (postings.size == 0) {
                continue;
            }
            if (postings.size >= old.commonFrom) {
                common.put(key, postings.size);
            }
            body.size = 0;
            switch (kind) {
                case SYLLABLE, PREFIX -> {
                    if (ShardEntries.encodeSplittable(postings, n, old.splitBytes, body, detail, scratch)) {
                        for (int stage = 0; stage < 2; stage++) {
                            if (detail[stage].size > 0) {
                                long id = ExportState.detailId(stage, hash);
                                touchedDetails.add(id);
                                newDetails.computeIfAbsent(id, x -> new TreeMap<>()).put(key, detail[stage].toByteArray());
                            }
                        }
                    }
                }
                case PAIR -> postings.writeFieldSets(body, n, FIELDS, scratch);
                default -> DocSets.write(body, postings.docs, 0, postings.size, n);
            }
            ShardFile.KeyBody entry = new ShardFile.KeyBody(bytes, body.toByteArray());
            newEntries.put(key, entry);
            sizes[bucket] += entry.size();
            counts[bucket]++;
        }

        // Shards: cut as a full export would; those whose buckets and bounds did not move stay.
        int[] starts = ShardCutter.plan(old.targetBytes, sizes, counts,
                BUCKETS / StaticIndexExporter.passes(n));
        TreeMap<Integer, List<ShardFile.KeyBody>> newByBucket = new TreeMap<>();
        for (ShardFile.KeyBody e : newEntries.values()) {
            newByBucket.computeIfAbsent(bucket(e.key()), b -> new ArrayList<>()).add(e);
        }
        List<Out> out = new ArrayList<>();
        int written = 0;
        int shardsKept = 0;
        for (int s = 0; s < starts.length; s++) {
            int from = starts[s];
            int to = s + 1 < starts.length ? starts[s + 1] : BUCKETS;
            String path = StaticIndexExporter.shardPath(from);
            int at = Arrays.binarySearch(old.starts, from);
            int oldEnd = at < 0 ? -1 : at + 1 < old.starts.length ? old.starts[at + 1] : BUCKETS;
            int firstTouched = touchedBuckets.nextSetBit(from);
            if (at >= 0 && oldEnd == to && (firstTouched < 0 || firstTouched >= to)) {
                out.add(new Out(path, null));
                shardsKept++;
                continue;
            }
            List<ShardFile.KeyBody> entries = new ArrayList<>();
            for (int o = shardOf(old.starts, from); o < old.starts.length && old.starts[o] < to; o++) {
                String oldPath = StaticIndexExporter.shardPath(old.starts[o]);
                List<ShardFile.KeyBody> oldShard = readOld(oldPath);
                if (oldShard == null) {
                    return Outcome.refused("the last search export's " + oldPath + " is missing");
                }
                for (ShardFile.KeyBody e : oldShard) {
                    int b = bucket(e.key());
                    if (b >= from && b < to && !touched.contains(new String(e.key(), StandardCharsets.UTF_8))) {
                        entries.add(e);
                    }
                }
            }
            // Grouped by bucket: going through every new entry for every shard rewritten cost a
            // minute when a title edit renumbered the ~100 articles of its day.
            newByBucket.subMap(from, to).values().forEach(entries::addAll);
            int expected = 0;
            for (int b = from; b < to; b++) {
                expected += counts[b];
            }
            if (entries.size() != expected) {
                return Outcome.refused("the last search export's shards do not hold what its state says");
            }
            out.add(new Out(path, ShardFile.encode(entries)));
            written++;
        }

        // Detail files of split keys.
        for (long id : touchedDetails) {
            String path = ExportState.detailPath(id);
            List<ShardFile.KeyBody> entries = new ArrayList<>();
            if (detailIds.contains(id)) {
                List<ShardFile.KeyBody> before = readOld(path);
                if (before == null) {
                    return Outcome.refused("the last search export's " + path + " is missing");
                }
                for (ShardFile.KeyBody e : before) {
                    if (!touched.contains(new String(e.key(), StandardCharsets.UTF_8))) {
                        entries.add(e);
                    }
                }
            }
            newDetails.getOrDefault(id, Map.of()).forEach((key, content) ->
                    entries.add(new ShardFile.KeyBody(keyBytes.get(key), content)));
            if (entries.isEmpty()) {
                detailIds.remove(id);
            } else {
                detailIds.add(id);
                out.add(new Out(path, ShardFile.encode(entries)));
            }
        }
        for (long id : detailIds) {
            if (!touchedDetails.contains(id)) {
                out.add(new Out(ExportState.detailPath(id), null));
            }
        }

        // Document chunks holding a changed number, and the last one when the count moved.
        BitSet chunks = new BitSet();
        for (int a = added.nextSetBit(0); a >= 0; a = added.nextSetBit(a + 1)) {
            chunks.set(a / DocChunks.CHUNK);
        }
        if (n != nOld && n > 0) {
            chunks.set((n - 1) / DocChunks.CHUNK);
        }
        int chunkCount = DocChunks.count(numbering);
        for (int c = 0; c < chunkCount; c++) {
            out.add(new Out(DocChunks.path(c), chunks.get(c) ? DocChunks.chunk(stored, numbering, c) : null));
        }

        // Written last, as a full export does: a client reading the manifest finds every file it names.
        String version = StaticIndexExporter.version(numbering);
        List<Integer> startList = Arrays.stream(starts).boxed().toList();
        out.add(new Out(StaticIndexExporter.TABLE, ShardCutter.table(startList, BUCKETS)));
        byte[] manifest = IndexManifest.json(reader, numbering, version, starts.length);
        out.add(new Out(StaticIndexExporter.MANIFEST, manifest));

        // Every file kept must be there: checked before anything is written.
        for (Out o : out) {
            if (o.content() == null && !previous.has(o.path())) {
                return Outcome.refused("the last search export's " + o.path() + " is missing");
            }
        }
        java.util.BitSet packs = PassageExporter.changedPacks(added, n, nOld);
        for (int k = 0; k < PassageExporter.packCount(n); k++) {
            if (!packs.get(k) && !previous.has(PassageExporter.packPath(k))) {
                return Outcome.refused("the last search export's " + PassageExporter.packPath(k) + " is missing");
            }
        }
        long bytes = 0;
        List<String> paths = new ArrayList<>(out.size());
        for (Out o : out) {
            if (o.content() == null) {
                files.keep(o.path());
            } else {
                files.write(o.path(), o.content());
                bytes += o.content().length;
            }
            paths.add(o.path());
        }
        paths.sort(null);
        lastCounts = new Counts(added.cardinality(), touched.size(), written, shardsKept);
        ExportState state = new ExportState(old.layout, old.targetBytes, old.splitBytes, -1, ExportState.fingerprint(manifest), hashes, old.commonFrom,
                common, sizes, counts, starts, detailIds.stream().mapToLong(Long::longValue).toArray());
        return new Outcome(new StaticIndexExporter.Result(version, paths.size(), bytes, paths, state), added, nOld, null);
    }

    private static int bucket(byte[] key) {
        return Hashes.fnv1a32(key, 0, key.length) & (BUCKETS - 1);
    }

    /** The shard (index into {@code starts}) holding bucket {@code b}. */
    private static int shardOf(int[] starts, int b) {
        int at = Arrays.binarySearch(starts, b);
        return at >= 0 ? at : -at - 2;
    }

    private List<ShardFile.KeyBody> readOld(String path) throws IOException {
        List<ShardFile.KeyBody> entries = oldFiles.get(path);
        if (entries == null) {
            byte[] content = previous.read(path);
            if (content == null) {
                return null;
            }
            entries = ShardFile.decode(content);
            oldFiles.put(path, entries);
        }
        return entries;
    }

    /**
     * Adds the documents of an old prefix entry that kept their number and content, with their
     * field masks, reading a split entry's fields from its detail files; false when one is missing.
     */
    private boolean patchOld(String key, ShardFile.KeyBody before, int hash, BitSet removed, TermPostings postings)
            throws IOException {
        byte[] body = before.body();
        int[] at = {1};
        int mask = body[0] & 0xff;
        int universe = old.documents();
        if ((mask & StaticIndexExporter.SPLIT) == 0) {
            for (int f = 0; f < FIELDS; f++) {
                if ((mask & (1 << f)) != 0) {
                    for (int doc : DocSets.read(body, at, universe)) {
                        if (!removed.get(doc)) {
                            postings.add(doc, 1 << f);
                        }
                    }
                }
            }
            return true;
        }
        int[] union = DocSets.read(body, at, universe);
        int fields = mask & ~StaticIndexExporter.SPLIT;
        int[] masks = new int[union.length];
        int first = (1 << StaticIndexExporter.FIRST_FIELDS) - 1;
        for (int stage = 0; stage < 2; stage++) {
            if (stage == 1 && (fields & ~first) == 0) {
                break;
            }
            List<ShardFile.KeyBody> detail = readOld(ExportState.detailPath(ExportState.detailId(stage, hash)));
            byte[] ranks = null;
            for (ShardFile.KeyBody e : detail == null ? List.<ShardFile.KeyBody>of() : detail) {
                if (Arrays.equals(e.key(), before.key())) {
                    ranks = e.body();
                }
            }
            if (ranks == null) {
                return false;
            }
            int[] rat = {1};
            for (int f = stage == 0 ? 0 : StaticIndexExporter.FIRST_FIELDS;
                    f < (stage == 0 ? StaticIndexExporter.FIRST_FIELDS : FIELDS); f++) {
                if ((fields & (1 << f)) != 0) {
                    for (int rank : DocSets.read(ranks, rat, union.length)) {
                        masks[rank] |= 1 << f;
                    }
                }
            }
        }
        for (int i = 0; i < union.length; i++) {
            if (!removed.get(union[i])) {
                postings.add(union[i], masks[i]);
            }
        }
        return true;
    }

    /** Adds the documents of an old spelling, tag or category entry that kept their number and content. */
    private boolean patchSingle(ShardFile.KeyBody before, BitSet removed, TermPostings postings) {
        for (int doc : DocSets.read(before.body(), new int[] {0}, old.documents())) {
            if (!removed.get(doc)) {
                postings.add(doc, 1);
            }
        }
        return true;
    }

    /** The postings of a key of the index of record, seeked field by field. */
    private void seek(DocKeys.Kind kind, String key, TermPostings postings) throws IOException {
        switch (kind) {
            case SYLLABLE, PAIR -> {
                BytesRef term = new BytesRef(key);
                for (int f = 0; f < FIELDS; f++) {
                    String field = SearchFields.TEXT_FIELDS.get(f);
                    seekField(kind == DocKeys.Kind.SYLLABLE ? SearchFields.folded(field) : SearchFields.pairs(field),
                            term, 1 << f, postings);
                }
            }
            case SPELLING -> seekField(SearchFields.EXACT, new BytesRef(key.substring(1)), 1, postings);
            case TAG -> seekField(SearchFields.TAG_KEY, new BytesRef(key.substring(1)), 1, postings);
            case CATEGORY -> seekField(SearchFields.CATEGORY_KEY, new BytesRef(key.substring(1)), 1, postings);
            default -> throw new IllegalArgumentException(key);
        }
    }

    private void seekField(String field, BytesRef term, int bit, TermPostings postings) throws IOException {
        TermsEnum terms = enums.computeIfAbsent(field, f -> {
            try {
                Terms t = MultiTerms.getTerms(reader, f);
                return t == null ? null : t.iterator();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (terms == null || !terms.seekExact(term)) {
            return;
        }
        PostingsEnum p = terms.postings(reuse.get(field), PostingsEnum.NONE);
        reuse.put(field, p);
        postings.add(p, numbering, bit);
    }
}
