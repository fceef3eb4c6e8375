package io.gazette.search;

import io.gazette.hash.Hashes;
import io.gazette.threads.BackgroundWork;
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
import java.util.concurrent.CompletableFuture;

/**
 * Brings the static index of the last export ({@link ExportState}, its files read back through
 * {@link PreviousFiles}) to the documents of {@code reader}, rewriting only what a full export
 * would write differently: the entries of the keys of the documents that changed (their old
 * versions' keys, captured before the index changed, and their new ones'), seeked in the index
 * one key at a time instead of walking every term, and the shards, detail files, document chunks
 * and passage packs holding them. The files' bytes are a full export's, byte for byte.
 *
 * <h2>What an edit costs</h2>
 * Documents are numbered oldest first ({@link DocNumbering}): an edited article keeps its number,
 * a new title too (a day's articles are ordered by their files, not their slugs),
 * and a new one, the newest, takes the next; both cost their own keys. A document whose number
 * moves (an article dated before others, a deletion, a changed date) moves every document after
 * it: all of them count as changed, and past {@link #MAX_DOCUMENTS} the update instead re-encodes
 * every entry of the last export with the numbers now ({@link #renumbered}), while few documents
 * changed their content and the archive is small enough; otherwise the export is a full one.
 * A change in the number of documents alone changes no entry: a set's bytes are a function of the
 * set ({@link DocSets#write}), so a new article costs the entries of its own keys only.
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
    /**
     * Documents changed or renumbered above which the update re-encodes every entry of the last
     * export from its own bytes with the documents' numbers now ({@link #renumbered}) instead of
     * reading each moved document's keys (tests set 0 to take that path for every edit).
     */
    static volatile int renumberFrom = MAX_DOCUMENTS;
    /**
     * Entries, and their bytes, above which a renumbering is a full export after all:
     * {@link #renumbered} holds every entry of the archive at once (its bytes and about 60 bytes
     * more each), where a full export holds a pass of buckets. The 10,000 real articles' index
     * has about 25 MB of entries: the bounds stop the path at a few times that, well before
     * 100,000 articles.
     */
    static final long RENUMBER_MAX_ENTRIES = 3_000_000;
    static final long RENUMBER_MAX_BYTES = 64L << 20;
    private static final int FIELDS = SearchFields.TEXT_FIELDS.size();
    private static final int BUCKETS = StaticIndexExporter.BUCKETS;

    /**
     * The update, or why it could not be made (then nothing was written).
     *
     * @param sourceOf by document number now, the number under which the last export holds the
     *                 same document, or -1 for one changed or new (what the passages are copied by)
     */
    record Outcome(StaticIndexExporter.Result result, BitSet changedNumbers, int previousDocuments, int[] sourceOf,
            String reason) {
        static Outcome refused(String reason) {
            return new Outcome(null, null, 0, null, reason);
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
    /** Updates made by {@link #renumbered}: what a test checks to know that it took that path. */
    static final java.util.concurrent.atomic.AtomicInteger renumberings = new java.util.concurrent.atomic.AtomicInteger();
    /** Split entries made by {@link #appendedToSplit}: what a test checks to know that it took that path. */
    static final java.util.concurrent.atomic.AtomicInteger appendedSplits = new java.util.concurrent.atomic.AtomicInteger();

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
        // too: a changed date moves its article among those of the days between only. With
        // another count, every number after p moves.
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
        // Changed in place: a changed document at the same number in both exports, under the
        // same url or, where numbers moved, under another whose old holder changed or went too
        // (a title edit: a new slug at its article's number, the old one gone). Its entries change
        // only where the two versions' keys differ, whatever the urls.
        BitSet inPlace = new BitSet(n);
        for (int i = 0; i < shared; i++) {
            boolean sameUrl = i < p || i >= n - kept;
            if (changedUrls.containsKey(hashes[i]) && (sameUrl || changedUrls.containsKey(old.urlHashes[i]))) {
                removed.set(i);
                added.set(i);
                inPlace.set(i);
            }
        }
        removed.set(p, nOld - kept);
        added.set(p, n - kept);
        int moved = removed.cardinality() + added.cardinality();
        if (moved > renumberFrom) {
            Outcome renumbered = renumbered(hashes, nOld, changedUrls, removed, added, inPlace, files);
            if (renumbered != null) {
                return renumbered;
            }
        }
        if (moved > MAX_DOCUMENTS) {
            return Outcome.refused((nOld - p - kept) + " articles were renumbered (a new article dated before others, a"
                    + " deleted one or a changed date moves every newer one) and " + changedUrls.size() + " changed");
        }
        // The documents taken out lose their numbers; every other keeps its own.
        int[] newOf = new int[nOld];
        for (int o = 0; o < nOld; o++) {
            newOf[o] = removed.get(o) ? -1 : o;
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
                // Only a touched key is looked up; a key of another bucket (most of a shard's) cannot be one,
                // and is not made a string.
                for (ShardFile.KeyBody e : entries) {
                    if (touchedBuckets.get(bucket(e.key()))) {
                        oldEntries.put(new String(e.key(), StandardCharsets.UTF_8), e);
                    }
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
        Map<String, ShardFile.KeyBody> newEntries = new HashMap<>();
        Map<Long, Map<String, byte[]>> newDetails = new TreeMap<>();
        Set<Long> touchedDetails = new TreeSet<>();
        TermPostings postings = new TermPostings();
        EntryRenumbering sets = new EntryRenumbering(newOf, old.splitBytes);
        // Nothing taken out, every number kept: only new documents, numbered after the others.
        boolean appendOnly = removed.isEmpty();
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
            byte[] made = null; // the body now, when made from the old one's sets
            if (appendOnly && before != null && splittable && (before.body()[0] & StaticIndexExporter.SPLIT) != 0) {
                // A split entry that only gains documents after its last stays split: its union
                // and the positions in it are the old ones with the new documents at their end.
                made = appendedToSplit(key, before, hash, additions.get(key), touchedDetails, newDetails);
            }
            if (made == null && (kind == DocKeys.Kind.PREFIX || (before != null && before.body().length >= patchFrom))) {
                // The old entry less the documents taken out, plus those put in: a long entry
                // (a common syllable, bitmaps of 12.5 KB at 100,000 articles) decodes far faster
                // than its postings are read from every field of the index.
                if (before != null && EntryRenumbering.applies(kind, before.body())) {
                    made = sets.body(kind, before.body(), additions.get(key));
                }
                if (made == null) {
                    boolean patched = before == null || switch (kind) {
                        case SYLLABLE, PAIR, PREFIX -> patchOld(key, before, hash, newOf, postings);
                        default -> patchSingle(before, newOf, postings);
                    };
                    if (!patched) {
                        return Outcome.refused("a detail file of the last search export is missing");
                    }
                    for (int[] add : additions.getOrDefault(key, List.of())) {
                        postings.add(add[0], add[1]);
                    }
                }
            } else if (made == null) {
                seek(kind, key, postings);
            }
            if (made == null) {
                postings.sort();
            }
            if (before != null) {
                sizes[bucket] -= before.size();
                counts[bucket]--;
            }
            if (made == null ? postings.size == 0 : made.length == 0) {
                continue; // no document holds the key any more
            }
            ShardFile.KeyBody entry = new ShardFile.KeyBody(bytes, made != null ? made
                    : encode(key, kind, hash, postings, body, detail, touchedDetails, newDetails));
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
                    if (b >= from && b < to && !(touchedBuckets.get(b)
                            && touched.contains(new String(e.key(), StandardCharsets.UTF_8)))) {
                        entries.add(e);
                    }
                }
            }
            // Grouped by bucket: going through every new entry for every shard rewritten cost a
            // minute when ~100 articles were renumbered (a title edit did, when a day was ordered by url).
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

        return complete(out, stored, added, sourceOf(newOf, n), nOld, hashes, sizes, counts, starts,
                detailIds.stream().mapToLong(Long::longValue).toArray(),
                new Counts(added.cardinality(), touched.size(), written, shardsKept), files);
    }

    /**
     * The update of an edit that renumbered many documents (a deletion, an article dated before
     * others, a changed date) but changed few: every
     * entry of the last export is decoded, its documents given their numbers now (set by set,
     * {@link EntryRenumbering}; a split entry through {@link #patchOld} with the map), the changed
     * documents' keys taken out and put in, and encoded again where its numbers moved, then cut
     * into shards as a full export would. Nothing is read from the index but the changed
     * documents: the renumbered ones' rows and passages come from the last export's files, where
     * a full export walks every term and every stored document. Null when it does not apply: more
     * changed documents than an update takes, or more entries than it holds at once.
     */
    private Outcome renumbered(long[] hashes, int nOld, Map<Long, String> changedUrls, BitSet removed, BitSet added,
            BitSet inPlace, IndexFiles files) throws IOException {
        long entries = 0;
        long bytes = 0;
        for (int b = 0; b < BUCKETS; b++) {
            entries += old.bucketCounts[b];
            bytes += old.bucketSizes[b];
        }
        if (entries > RENUMBER_MAX_ENTRIES || bytes > RENUMBER_MAX_BYTES) {
            return null;
        }
        // Numbers now of the documents that moved but did not change, by url hash; the changed ones are read.
        Map<Long, Integer> numberNow = new HashMap<>();
        BitSet fresh = new BitSet(n);
        for (int a = added.nextSetBit(0); a >= 0; a = added.nextSetBit(a + 1)) {
            if (inPlace.get(a) || changedUrls.containsKey(hashes[a])) {
                fresh.set(a);
            } else {
                numberNow.put(hashes[a], a);
            }
        }
        if (2 * fresh.cardinality() > MAX_DOCUMENTS) {
            return null;
        }
        int[] newOf = new int[nOld];
        BitSet reached = new BitSet(n);
        for (int o = 0; o < nOld; o++) {
            if (!removed.get(o)) {
                newOf[o] = o;
            } else if (inPlace.get(o) || changedUrls.containsKey(old.urlHashes[o])) {
                newOf[o] = -1; // changed or gone: its keys now (if any) come from the index
            } else {
                Integer now = numberNow.get(old.urlHashes[o]);
                if (now == null || reached.get(now)) {
                    return Outcome.refused("an article of the last search export cannot be found in the index");
                }
                newOf[o] = now;
                reached.set(now);
            }
        }
        if (reached.cardinality() != numberNow.size()) {
            return Outcome.refused("an article of the index is new to the search export but not among the changes");
        }
        StoredFields stored = reader.storedFields();
        Map<String, List<int[]>> additions = new java.util.concurrent.ConcurrentHashMap<>();
        for (int a = fresh.nextSetBit(0); a >= 0; a = fresh.nextSetBit(a + 1)) {
            int number = a;
            DocKeys.of(SearchFields.fromStored(stored.document(numbering.luceneDoc(a)))).forEach((key, mask) ->
                    additions.computeIfAbsent(key, k -> new ArrayList<>()).add(new int[] {number, mask}));
        }

        BitSet withAdditions = new BitSet(BUCKETS);
        for (String key : additions.keySet()) {
            withAdditions.set(bucket(key.getBytes(StandardCharsets.UTF_8)));
        }
        Renumbered to = new Renumbered();
        // Entries made from their old sets on two threads, half the shards each (their buckets
        // are apart; a deletion at 10,000 articles goes through 600,000 entries while the other
        // core, once the pages are written, has nothing to do); those that need their postings
        // (split ones) afterwards on this thread.
        boolean ordered = EntryRenumbering.increasing(newOf);
        List<List<Deferred>> halves = java.util.Arrays.asList(null, null);
        onBothCores(old.starts.length, (which, from, until) ->
                halves.set(which, fromOldSets(from, until, newOf, ordered, additions, withAdditions, to)));
        if (halves.get(0) == null || halves.get(1) == null) {
            return Outcome.refused("a shard of the last search export is missing");
        }
        List<Deferred> deferred = new ArrayList<>(halves.get(0));
        deferred.addAll(halves.get(1));
        for (Deferred d : deferred) {
            to.postings.clear();
            boolean patched = switch (d.kind()) {
                case SYLLABLE, PAIR, PREFIX -> patchOld(d.key(), d.before(), d.hash(), newOf, to.postings);
                default -> patchSingle(d.before(), newOf, to.postings);
            };
            if (!patched) {
                return Outcome.refused("a detail file of the last search export is missing");
            }
            to.put(d.key(), d.before().key(), d.hash(), d.kind(), d.putIn());
        }
        oldFiles.clear(); // detail files read for the split entries
        for (Map.Entry<String, List<int[]>> newKey : new TreeMap<>(additions).entrySet()) {
            byte[] key = newKey.getKey().getBytes(StandardCharsets.UTF_8);
            to.postings.clear();
            to.put(newKey.getKey(), key, Hashes.fnv1a32(key, 0, key.length), DocKeys.Kind.of(newKey.getKey()),
                    newKey.getValue());
        }

        int[] starts = ShardCutter.plan(old.targetBytes, to.sizes, to.counts, BUCKETS / StaticIndexExporter.passes(n));
        Out[] shards = new Out[starts.length];
        onBothCores(starts.length, (which, from, until) -> {
            for (int s = from; s < until; s++) {
                int end = s + 1 < starts.length ? starts[s + 1] : BUCKETS;
                List<ShardFile.KeyBody> shard = new ArrayList<>();
                for (int b = starts[s]; b < end; b++) {
                    if (to.byBucket[b] != null) {
                        shard.addAll(to.byBucket[b]);
                        to.byBucket[b] = null;
                    }
                }
                shards[s] = new Out(StaticIndexExporter.shardPath(starts[s]), ShardFile.encode(shard));
            }
        });
        List<Out> out = new ArrayList<>(Arrays.asList(shards));
        for (Map.Entry<Long, Map<String, byte[]>> file : to.details.entrySet()) {
            List<ShardFile.KeyBody> detailEntries = new ArrayList<>();
            file.getValue().forEach((key, body) ->
                    detailEntries.add(new ShardFile.KeyBody(key.getBytes(StandardCharsets.UTF_8), body)));
            out.add(new Out(ExportState.detailPath(file.getKey()), ShardFile.encode(detailEntries)));
        }
        renumberings.incrementAndGet();
        return complete(out, stored, added, sourceOf(newOf, n), nOld, hashes, to.sizes, to.counts, starts,
                to.details.keySet().stream().mapToLong(Long::longValue).toArray(),
                new Counts(added.cardinality(), to.keys.get(), starts.length, 0), files);
    }

    private static void write(Out o, IndexFiles files) throws IOException {
        if (o.content() == null) {
            files.keep(o.path());
        } else {
            files.write(o.path(), o.content());
        }
    }

    /** Work on the items {@code from..until-1} of a count, half {@code which} (0 or 1) of it. */
    @FunctionalInterface
    private interface Half {
        void run(int which, int from, int until) throws IOException;
    }

    /**
     * Runs {@code work} on items {@code 0..count-1} in two halves, the second on a thread of its
     * own, and returns when both are done (the first failure thrown). The update runs on one
     * thread beside the pages; once they are written the other core would be idle: after a title
     * edit at 10,000 articles the build waited ~0.3 s for the shards' encoding and writing alone.
     */
    private static void onBothCores(int count, Half work) throws IOException {
        int half = count / 2;
        CompletableFuture<Void> second = BackgroundWork.start("gazette-search-renumbering", () -> {
            work.run(1, half, count);
            return null;
        });
        Throwable failed = null;
        try {
            work.run(0, 0, half);
        } catch (IOException | RuntimeException | Error e) {
            failed = e;
        }
        try {
            BackgroundWork.await(second); // also after a failure here: the other half writes files too
        } catch (IOException | RuntimeException | Error e) {
            if (failed == null) {
                failed = e;
            } else {
                failed.addSuppressed(e);
            }
        }
        if (failed instanceof IOException io) {
            throw io;
        } else if (failed instanceof RuntimeException runtime) {
            throw runtime;
        } else if (failed != null) {
            throw (Error) failed;
        }
    }

    /** An old entry that {@link EntryRenumbering} does not make: made from its postings. */
    private record Deferred(ShardFile.KeyBody before, String key, int hash, DocKeys.Kind kind, List<int[]> putIn) {
    }

    /**
     * Puts into {@code to} the entries of the last export's shards {@code from..to-1} that can be
     * made from their old sets ({@code ordered}: {@code newOf} keeps the documents' order),
     * taking their documents put in from {@code additions}; returns the others, or null when a
     * shard is missing. Safe beside another call on other shards.
     */
    private List<Deferred> fromOldSets(int from, int to, int[] newOf, boolean ordered,
            Map<String, List<int[]>> additions, BitSet withAdditions, Renumbered into) throws IOException {
        EntryRenumbering sets = ordered ? new EntryRenumbering(newOf, old.splitBytes) : null;
        List<Deferred> deferred = new ArrayList<>();
        for (int s = from; s < to; s++) {
            byte[] content = previous.read(StaticIndexExporter.shardPath(old.starts[s]));
            if (content == null) {
                return null;
            }
            for (ShardFile.KeyBody before : ShardFile.decode(content)) {
                // Most entries are kept as they were: their key is looked at as bytes, made a
                // string only when the documents put in name it or the entry is deferred.
                byte[] keyBytes = before.key();
                int hash = Hashes.fnv1a32(keyBytes, 0, keyBytes.length);
                DocKeys.Kind kind = kindOf(keyBytes);
                List<int[]> putIn = withAdditions.get(hash & (BUCKETS - 1))
                        ? additions.remove(new String(keyBytes, StandardCharsets.UTF_8)) : null;
                byte[] body = sets != null && EntryRenumbering.applies(kind, before.body())
                        ? sets.body(kind, before.body(), putIn) : null;
                if (body != null) {
                    into.put(before, body, hash);
                } else {
                    deferred.add(new Deferred(before, new String(keyBytes, StandardCharsets.UTF_8), hash, kind, putIn));
                }
            }
        }
        return deferred;
    }

    /** What {@link #renumbered} encodes: every entry by bucket, with the sizes and counts the shards are cut by. */
    private final class Renumbered {
        final TermPostings postings = new TermPostings();
        final DocSets.Sink body = new DocSets.Sink(1 << 12);
        final DocSets.Sink[] detail = {new DocSets.Sink(1 << 12), new DocSets.Sink(1 << 12)};
        @SuppressWarnings("unchecked")
        final List<ShardFile.KeyBody>[] byBucket = new List[BUCKETS];
        final int[] sizes = new int[BUCKETS];
        final int[] counts = new int[BUCKETS];
        final Map<Long, Map<String, byte[]>> details = new TreeMap<>();
        final Set<Long> detailFiles = new TreeSet<>();
        final java.util.concurrent.atomic.AtomicInteger keys = new java.util.concurrent.atomic.AtomicInteger();

        /**
         * The entry of {@code before}'s key now, {@code body} (empty: none); from two threads at
         * once, on buckets apart ({@link #keys} counts them).
         */
        void put(ShardFile.KeyBody before, byte[] body, int hash) {
            keys.incrementAndGet();
            if (body.length == 0) {
                return;
            }
            add(hash, body == before.body() ? before : new ShardFile.KeyBody(before.key(), body));
        }

        /** The entry of {@code key} from the postings gathered so far and {@code additions} (null: none). */
        void put(String key, byte[] bytes, int hash, DocKeys.Kind kind, List<int[]> additions) {
            if (additions != null) {
                for (int[] add : additions) {
                    postings.add(add[0], add[1]);
                }
            }
            postings.sort();
            keys.incrementAndGet();
            if (postings.size == 0) {
                return;
            }
            add(hash, new ShardFile.KeyBody(bytes, encode(key, kind, hash, postings, body, detail, detailFiles, details)));
        }

        private void add(int hash, ShardFile.KeyBody entry) {
            int bucket = hash & (BUCKETS - 1);
            if (byBucket[bucket] == null) {
                byBucket[bucket] = new ArrayList<>(2);
            }
            byBucket[bucket].add(entry);
            sizes[bucket] += entry.size();
            counts[bucket]++;
        }
    }

    /**
     * The rest of an update once its shards and detail files are in {@code out}: the document
     * chunks holding a number of {@code changed} (and the last one when the count moved), the
     * shard table and the manifest; then, when every file kept is there, every file written or
     * kept, and the state of this export.
     */
    private Outcome complete(List<Out> out, StoredFields stored, BitSet changed, int[] sourceOf, int nOld,
            long[] hashes, int[] sizes, int[] counts, int[] starts, long[] details,
            Counts work, IndexFiles files) throws IOException {
        BitSet chunks = new BitSet();
        for (int a = changed.nextSetBit(0); a >= 0; a = changed.nextSetBit(a + 1)) {
            chunks.set(a / DocChunks.CHUNK);
        }
        if (n != nOld && n > 0) {
            chunks.set((n - 1) / DocChunks.CHUNK);
        }
        int chunkCount = DocChunks.count(numbering);
        DocChunks.OldRows oldRows = new DocChunks.OldRows(previous, nOld);
        for (int c = 0; c < chunkCount; c++) {
            out.add(new Out(DocChunks.path(c), chunks.get(c) ? DocChunks.chunk(stored, numbering, c, sourceOf, oldRows) : null));
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
        java.util.BitSet packs = PassageExporter.changedPacks(changed, n, nOld);
        for (int k = 0; k < PassageExporter.packCount(n); k++) {
            if (!packs.get(k) && !previous.has(PassageExporter.packPath(k))) {
                return Outcome.refused("the last search export's " + PassageExporter.packPath(k) + " is missing");
            }
        }
        // Written on both cores (after a deletion at 10,000 articles ~8,500 shards change, and
        // the pages are done meanwhile), the manifest last.
        int last = out.size() - 1;
        onBothCores(last, (which, from, until) -> {
            for (Out o : out.subList(from, until)) {
                write(o, files);
            }
        });
        write(out.get(last), files);
        long bytes = 0;
        List<String> paths = new ArrayList<>(out.size());
        for (Out o : out) {
            bytes += o.content() == null ? 0 : o.content().length;
            paths.add(o.path());
        }
        paths.sort(null);
        lastCounts = work;
        ExportState state = new ExportState(old.layout, old.targetBytes, old.splitBytes, -1, ExportState.fingerprint(manifest),
                hashes, sizes, counts, starts, details);
        return new Outcome(new StaticIndexExporter.Result(version, paths.size(), bytes, paths, state), changed, nOld,
                sourceOf, null);
    }

    /**
     * The body of {@code key}'s entry from its sorted {@code postings}, as a full export encodes
     * it; a split syllable's or prefix's detail sets go to {@code newDetails} (their files to
     * {@code touchedDetails}).
     */
    private byte[] encode(String key, DocKeys.Kind kind, int hash, TermPostings postings, DocSets.Sink body,
            DocSets.Sink[] detail, Set<Long> touchedDetails, Map<Long, Map<String, byte[]>> newDetails) {
        body.size = 0;
        switch (kind) {
            case SYLLABLE, PREFIX -> {
                if (ShardEntries.encodeSplittable(postings, old.splitBytes, body, detail, scratch)) {
                    for (int stage = 0; stage < 2; stage++) {
                        if (detail[stage].size > 0) {
                            long id = ExportState.detailId(stage, hash);
                            touchedDetails.add(id);
                            newDetails.computeIfAbsent(id, x -> new TreeMap<>()).put(key, detail[stage].toByteArray());
                        }
                    }
                }
            }
            case PAIR -> postings.writeFieldSets(body, FIELDS, scratch);
            default -> DocSets.write(body, postings.docs, 0, postings.size);
        }
        return body.toByteArray();
    }

    /** By number now, the old number of the same document ({@code newOf} inverted), or -1 for a changed or new one. */
    private static int[] sourceOf(int[] newOf, int n) {
        int[] sourceOf = new int[n];
        Arrays.fill(sourceOf, -1);
        for (int o = 0; o < newOf.length; o++) {
            if (newOf[o] >= 0) {
                sourceOf[newOf[o]] = o;
            }
        }
        return sourceOf;
    }

    private static int bucket(byte[] key) {
        return Hashes.fnv1a32(key, 0, key.length) & (BUCKETS - 1);
    }

    /** {@link DocKeys.Kind#of} of a key's UTF-8 bytes: its marks are ASCII, and so is the space of a pair. */
    static DocKeys.Kind kindOf(byte[] key) {
        switch (key[0]) {
            case DocKeys.PREFIX:
                return DocKeys.Kind.PREFIX;
            case DocKeys.SPELLING:
                return DocKeys.Kind.SPELLING;
            case DocKeys.TAG:
                return DocKeys.Kind.TAG;
            case DocKeys.CATEGORY:
                return DocKeys.Kind.CATEGORY;
            default:
                for (byte b : key) {
                    if (b == ' ') {
                        return DocKeys.Kind.PAIR;
                    }
                }
                return DocKeys.Kind.SYLLABLE;
        }
    }

    /** The shard (index into {@code starts}) holding bucket {@code b}. */
    private static int shardOf(int[] starts, int b) {
        int at = Arrays.binarySearch(starts, b);
        return at >= 0 ? at : -at - 2;
    }

    /**
     * The detail sets (positions in its union, by field) of the split entry of {@code key} in
     * stage {@code stage}'s detail file of the last export, or null when that file or entry is missing.
     */
    private byte[] oldDetail(int stage, int hash, byte[] key) throws IOException {
        List<ShardFile.KeyBody> detail = readOld(ExportState.detailPath(ExportState.detailId(stage, hash)));
        byte[] ranks = null;
        for (ShardFile.KeyBody e : detail == null ? List.<ShardFile.KeyBody>of() : detail) {
            if (Arrays.equals(e.key(), key)) {
                ranks = e.body();
            }
        }
        return ranks;
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
     * Adds the documents of an old syllable, pair or prefix entry that kept their content, under
     * their number now ({@code newOf}: old number to new, -1 for a document taken out), with
     * their field masks, reading a split entry's fields from its detail files; false when one is
     * missing.
     */
    private boolean patchOld(String key, ShardFile.KeyBody before, int hash, int[] newOf, TermPostings postings)
            throws IOException {
        byte[] body = before.body();
        int[] at = {1};
        int mask = body[0] & 0xff;
        if ((mask & StaticIndexExporter.SPLIT) == 0) {
            for (int f = 0; f < FIELDS; f++) {
                if ((mask & (1 << f)) != 0) {
                    for (int doc : DocSets.read(body, at)) {
                        if (newOf[doc] >= 0) {
                            postings.add(newOf[doc], 1 << f);
                        }
                    }
                }
            }
            return true;
        }
        int[] union = DocSets.read(body, at);
        int fields = mask & ~StaticIndexExporter.SPLIT;
        int[] masks = new int[union.length];
        int first = (1 << StaticIndexExporter.FIRST_FIELDS) - 1;
        for (int stage = 0; stage < 2; stage++) {
            if (stage == 1 && (fields & ~first) == 0) {
                break;
            }
            byte[] ranks = oldDetail(stage, hash, before.key());
            if (ranks == null) {
                return false;
            }
            int[] rat = {1};
            for (int f = stage == 0 ? 0 : StaticIndexExporter.FIRST_FIELDS;
                    f < (stage == 0 ? StaticIndexExporter.FIRST_FIELDS : FIELDS); f++) {
                if ((fields & (1 << f)) != 0) {
                    for (int rank : DocSets.read(ranks, rat)) {
                        masks[rank] |= 1 << f;
                    }
                }
            }
        }
        for (int i = 0; i < union.length; i++) {
            if (newOf[union[i]] >= 0) {
                postings.add(newOf[union[i]], masks[i]);
            }
        }
        return true;
    }

    /**
     * The body now of a split entry whose documents all keep their numbers and which gains only
     * {@code additions} ({number, field mask} each, numbered after every document it holds, or
     * null for none), with its detail sets put in {@code newDetails} (their files in {@code
     * touchedDetails}); null when it does not apply
     * (a new document numbered before its last, or a detail file missing: then it is patched from
     * postings). What a full export makes of the same documents, without them: an entry's sets
     * are functions of their documents alone ({@link DocSets#write}), and a set only grows when
     * documents are added after its last, so an entry split stays split ({@link
     * ShardEntries#encodeSplittable}). At 100,000 articles an added one holds ~450 split keys,
     * each a union of tens of thousands of documents: patched through postings (every document
     * added, sorted, each field set written to learn the entry's size) they took ~2 s of the
     * export's thread.
     */
    private byte[] appendedToSplit(String key, ShardFile.KeyBody before, int hash, List<int[]> additions,
            Set<Long> touchedDetails, Map<Long, Map<String, byte[]>> newDetails) throws IOException {
        byte[] body = before.body();
        int[] at = {1};
        int[] union = DocSets.read(body, at);
        int oldFields = body[0] & ~StaticIndexExporter.SPLIT & 0xff;
        List<int[]> adds = additions == null ? List.of() : additions;
        int fields = oldFields;
        int last = union[union.length - 1];
        for (int[] add : adds) {
            if (add[0] <= last) {
                return null;
            }
            last = add[0];
            fields |= add[1];
        }
        int first = (1 << StaticIndexExporter.FIRST_FIELDS) - 1;
        byte[][] stages = new byte[2][];
        DocSets.Sink out = new DocSets.Sink(1 << 10);
        for (int stage = 0; stage < 2; stage++) {
            boolean hadStage = stage == 0 || (oldFields & ~first) != 0;
            if (stage == 1 && (fields & ~first) == 0) {
                break; // nothing past the first fields, as before
            }
            byte[] ranks = hadStage ? oldDetail(stage, hash, before.key()) : null;
            if (hadStage && ranks == null) {
                return null;
            }
            out.size = 0;
            out.write(fields);
            int[] rat = {1};
            for (int f = stage == 0 ? 0 : StaticIndexExporter.FIRST_FIELDS;
                    f < (stage == 0 ? StaticIndexExporter.FIRST_FIELDS : FIELDS); f++) {
                int bit = 1 << f;
                if ((fields & bit) == 0) {
                    continue;
                }
                int[] set = hadStage && (oldFields & bit) != 0 ? DocSets.read(ranks, rat) : new int[0];
                int size = set.length;
                for (int i = 0; i < adds.size(); i++) {
                    if ((adds.get(i)[1] & bit) != 0) {
                        if (size == set.length) {
                            set = Arrays.copyOf(set, Math.max(4, size + adds.size()));
                        }
                        set[size++] = union.length + i; // the new documents' positions, after the old union's
                    }
                }
                DocSets.write(out, set, 0, size);
            }
            stages[stage] = out.toByteArray();
        }
        int[] grown = Arrays.copyOf(union, union.length + adds.size());
        for (int i = 0; i < adds.size(); i++) {
            grown[union.length + i] = adds.get(i)[0];
        }
        for (int stage = 0; stage < 2; stage++) {
            if (stages[stage] != null) {
                touchedDetails.add(ExportState.detailId(stage, hash));
                newDetails.computeIfAbsent(ExportState.detailId(stage, hash), x -> new TreeMap<>()).put(key, stages[stage]);
            }
        }
        out.size = 0;
        out.write(StaticIndexExporter.SPLIT | fields);
        DocSets.write(out, grown, 0, grown.length);
        appendedSplits.incrementAndGet();
        return out.toByteArray();
    }

    /** Adds the documents of an old spelling, tag or category entry that kept their content, under their number now. */
    private boolean patchSingle(ShardFile.KeyBody before, int[] newOf, TermPostings postings) {
        for (int doc : DocSets.read(before.body(), new int[] {0})) {
            if (newOf[doc] >= 0) {
                postings.add(newOf[doc], 1);
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
