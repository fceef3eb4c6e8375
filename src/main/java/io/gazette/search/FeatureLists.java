package io.gazette.search;

import java.util.Arrays;

/**
 * Inverted lists over the documents' strongest features ({@link StrongestFeatures} slots
 * {@code d * FEATURES_PER_DOC + i}): for a feature, the slots that hold it, so that a document is
 * scored against those sharing one of its features. One sorted {@code long} per slot: the
 * feature id's high bits above the slot number; the few groups where two features share those
 * bits are sorted again by the whole id, so each feature's slots are one run.
 */
final class FeatureLists {
    private static final int F = RelatedArticles.FEATURES_PER_DOC;
    private final StrongestFeatures tops;
    private final int slotBits;
    private final long slotMask;
    /** (id's high bits, slot), sorted; a feature's slots are contiguous. */
    private final long[] keys;

    FeatureLists(StrongestFeatures tops, int n) {
        this.tops = tops;
        this.slotBits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1L, (long) n * F)));
        this.slotMask = (1L << slotBits) - 1;
        int total = 0;
        for (int d = 0; d < n; d++) {
            total += tops.size[d];
        }
        long[] all = new long[total];
        int k = 0;
        for (int d = 0; d < n; d++) {
            for (int i = 0; i < tops.size[d]; i++) {
                int slot = d * F + i;
                all[k++] = high(tops.feature[slot]) | slot;
            }
        }
        Arrays.parallelSort(all);
        // Where two features share the high bits, order that group by the whole id (then slot).
        for (int start = 0; start < total; ) {
            int end = start + 1;
            boolean mixed = false;
            long id = tops.feature[slot(all[start])];
            while (end < total && (all[end] & ~slotMask) == (all[start] & ~slotMask)) {
                mixed |= tops.feature[slot(all[end])] != id;
                end++;
            }
            if (mixed) {
                Long[] group = new Long[end - start];
                for (int j = start; j < end; j++) {
                    group[j - start] = all[j];
                }
                Arrays.sort(group, (a, b) -> {
                    int c = Long.compare(tops.feature[slot(a)], tops.feature[slot(b)]);
                    return c != 0 ? c : Long.compare(a, b);
                });
                for (int j = start; j < end; j++) {
                    all[j] = group[j - start];
                }
            }
            start = end;
        }
        this.keys = all;
    }

    private FeatureLists(StrongestFeatures tops, int slotBits, long[] keys) {
        this.tops = tops;
        this.slotBits = slotBits;
        this.slotMask = (1L << slotBits) - 1;
        this.keys = keys;
    }

    /**
     * The lists of {@code tops} (over {@code n} documents) made from {@code old}, the lists of the
     * documents before some of their features changed, or null when the slots do not line up
     * (then use the constructor): {@code newOf[o]} is the number now of old document o (-1: gone),
     * and {@code same[d]} says document d holds the same features as its old number did in
     * {@code old}'s strongest features; every other document is inverted afresh and merged in.
     * Entries are ordered by (id's high bits, id, slot), exactly as the constructor orders them,
     * so both give the same array; the old entries keep their order under numbers that keep the
     * documents' order (a deletion moves every newer document down one), so {@code newOf} must
     * be increasing where it keeps a document (else null). Sorting the 4 million entries of
     * 100,000 articles took a second of every preview search follow-up; this is linear.
     */
    static FeatureLists patched(FeatureLists old, StrongestFeatures tops, int n, int[] newOf,
            java.util.function.IntPredicate same) {
        int slotBits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1L, (long) n * F)));
        if (old == null || old.slotBits != slotBits || !EntryRenumbering.increasing(newOf)) {
            return null;
        }
        long mask = (1L << slotBits) - 1;
        // Asked once a document, not once an entry: 4 million entries at 100,000 articles.
        boolean[] kept = new boolean[n];
        int keptSize = 0;
        int freshSize = 0;
        for (int d = 0; d < n; d++) {
            kept[d] = same.test(d);
            if (kept[d]) {
                keptSize += tops.size[d];
            } else {
                freshSize += tops.size[d];
            }
        }
        Long[] fresh = new Long[freshSize];
        int k = 0;
        for (int d = 0; d < n; d++) {
            if (!kept[d]) {
                for (int i = 0; i < tops.size[d]; i++) {
                    int slot = d * F + i;
                    fresh[k++] = (tops.feature[slot] & ~mask) | slot;
                }
            }
        }
        FeatureLists lists = new FeatureLists(tops, slotBits, new long[keptSize + freshSize]);
        java.util.Comparator<Long> order = (a, b) -> lists.compare(a, b);
        Arrays.sort(fresh, order);
        // One pass over the old entries: those of kept documents, in order, with the fresh ones merged in.
        long[] all = lists.keys;
        int j = 0;
        int o = 0;
        for (long oldKey : old.keys) {
            int oldSlot = (int) (oldKey & mask);
            int was = oldSlot / F;
            int d = was < newOf.length ? newOf[was] : -1;
            if (d < 0 || d >= n || !kept[d]) {
                continue;
            }
            long key = (oldKey & ~mask) | ((long) d * F + oldSlot % F);
            while (j < freshSize && lists.compare(fresh[j], key) < 0) {
                all[o++] = fresh[j++];
            }
            if (o == all.length - (freshSize - j)) {
                return null; // more old entries for kept documents than they have features: make them afresh
            }
            all[o++] = key;
        }
        while (j < freshSize) {
            all[o++] = fresh[j++];
        }
        if (o != all.length) {
            return null; // the old lists did not hold every kept document's features: make them afresh
        }
        return lists;
    }

    /**
     * The entries, in order: what a kept state writes ({@link RelatedState#write}) so that the
     * next process patches them ({@link #patched}) instead of sorting every feature again. The
     * array itself, not a copy: never change it.
     */
    long[] entries() {
        return keys;
    }

    /**
     * The lists of {@code tops} (over {@code n} documents) given back their {@link #entries}, as a
     * state file kept them beside those features (summed with them); null when they cannot be
     * those lists: not one entry per kept feature (a slot outside the documents' features, or
     * twice), or out of order by the ids' high bits. Checked in one pass in the entries' order:
     * the whole order (by id within a group of high bits) would read a feature per entry at
     * random, 0.25 s at 100,000 articles, more than the sort the kept lists spare.
     */
    static FeatureLists of(StrongestFeatures tops, int n, long[] entries) {
        int slotBits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1L, (long) n * F)));
        long mask = (1L << slotBits) - 1;
        long total = 0;
        for (int d = 0; d < n; d++) {
            total += tops.size[d];
        }
        if (entries.length != total) {
            return null;
        }
        java.util.BitSet seen = new java.util.BitSet(n * F);
        long high = Long.MIN_VALUE;
        for (long entry : entries) {
            long slot = entry & mask;
            if (slot >= (long) n * F || slot % F >= tops.size[(int) (slot / F)] || seen.get((int) slot)
                    || (entry & ~mask) < high) {
                return null;
            }
            seen.set((int) slot);
            high = entry & ~mask;
        }
        return new FeatureLists(tops, slotBits, entries);
    }

    /** The constructor's order: the id's high bits, then the whole id, then the slot. */
    private int compare(long a, long b) {
        long ha = a & ~slotMask;
        long hb = b & ~slotMask;
        if (ha != hb) {
            return Long.compare(ha, hb);
        }
        int c = Long.compare(tops.feature[slot(a)], tops.feature[slot(b)]);
        return c != 0 ? c : Long.compare(a, b);
    }

    private long high(long id) {
        return id & ~slotMask;
    }

    int slot(long key) {
        return (int) (key & slotMask);
    }

    /** How many (feature, slot) entries. */
    int size() {
        return keys.length;
    }

    /** The slot of entry {@code j}. */
    int slotAt(int j) {
        return slot(keys[j]);
    }

    /**
     * The entries of feature {@code id}: {@code [start, end)} packed as {@code start << 32 | end},
     * empty when no document keeps it.
     */
    long run(long id) {
        long h = high(id);
        int lo = 0;
        int hi = keys.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] < h) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        // The group of h starts at lo (its keys are h plus a slot); the run of id is in it.
        int start = lo;
        while (start < keys.length && (keys[start] & ~slotMask) == h && tops.feature[slot(keys[start])] != id) {
            start++;
        }
        int end = start;
        while (end < keys.length && (keys[end] & ~slotMask) == h && tops.feature[slot(keys[end])] == id) {
            end++;
        }
        return ((long) start << 32) | end;
    }

    /**
     * Fills {@code start}/{@code end} (indexed by slot) with each slot's run: the whole-archive
     * scoring asks every slot's, and a pass over the entries is cheaper than a search each.
     */
    void runsBySlot(int[] start, int[] end) {
        for (int s = 0; s < keys.length; ) {
            long id = tops.feature[slot(keys[s])];
            int e = s + 1;
            while (e < keys.length && tops.feature[slot(keys[e])] == id) {
                e++;
            }
            for (int j = s; j < e; j++) {
                start[slot(keys[j])] = s;
                end[slot(keys[j])] = e;
            }
            s = e;
        }
    }
}
