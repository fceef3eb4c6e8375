package io.gazette.search;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The live document frequency of every related-article feature (pair or tag, by its
 * {@link RelatedWeights} id) that at least two documents of one index version hold: what a
 * feature's weight depends on, so that an update makes an article's features again from its text
 * alone ({@link RelatedUpdate}). Looking each of an article's ~1,500 pairs up in the index instead
 * seeks every segment and field and walks postings where a segment has deletions: ~15 ms an article
 * at 10,000, ~115 ms at 100,000, the bulk of an update.
 *
 * <p>The whole computation ({@link RelatedArticles}) counts every such feature anyway and records
 * it here; an update knows exactly how each frequency moved (the changed articles holding it less
 * the gone ones) and makes the next version's with {@link #with}, an overlay of the few changed
 * entries on the same base, so a preview session's follow-up copies nothing of the base. A feature
 * absent here is held by fewer than two documents (no weight).
 *
 * <p>Immutable once made (the hash index over the base is built on first look-up, once, or by
 * {@link #indexed} ahead of it, and shared by the versions {@link #with} makes over the same base).
 */
final class FeatureFrequencies {
    /** Overlays are folded into a new base past this many entries (or a sixteenth of the base). */
    private static final int MAX_OVERLAY = 4096;

    /** Base entries, in no order: ids and their frequencies (each ≥ 2). */
    private final long[] ids;
    private final int[] frequencies;
    private final int baseSize;
    /** Changes since the base: id → frequency, 0 meaning fewer than two documents. */
    private final Map<Long, Integer> overlay;
    /** Open addressing over the base: position + 1 (0: empty), by the id's low bits; built on first use. */
    private volatile int[] slots;

    private FeatureFrequencies(long[] ids, int[] frequencies, int baseSize, Map<Long, Integer> overlay) {
        this(ids, frequencies, baseSize, overlay, null);
    }

    private FeatureFrequencies(long[] ids, int[] frequencies, int baseSize, Map<Long, Integer> overlay, int[] slots) {
        this.ids = ids;
        this.frequencies = frequencies;
        this.baseSize = baseSize;
        this.overlay = overlay;
        this.slots = slots;
    }

    /** Collects a computation's features, one range of terms at a time (not thread-safe: one per thread). */
    static final class Recorder {
        private long[] ids = new long[1024];
        private int[] frequencies = new int[1024];
        private int size;

        /** Feature {@code id} is held by {@code df} (≥ 2) live documents. */
        void add(long id, int df) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                frequencies = Arrays.copyOf(frequencies, size * 2);
            }
            ids[size] = id;
            frequencies[size] = df;
            size++;
        }
    }

    /** The table of what the recorders saw, each feature once (the ranges of terms do not overlap). */
    static FeatureFrequencies of(Recorder... recorders) {
        int total = 0;
        for (Recorder r : recorders) {
            total += r == null ? 0 : r.size;
        }
        long[] ids = new long[total];
        int[] frequencies = new int[total];
        int at = 0;
        for (Recorder r : recorders) {
            if (r != null) {
                System.arraycopy(r.ids, 0, ids, at, r.size);
                System.arraycopy(r.frequencies, 0, frequencies, at, r.size);
                at += r.size;
            }
        }
        return new FeatureFrequencies(ids, frequencies, total, Map.of());
    }

    /** How many documents hold feature {@code id}, or 0 when fewer than two do. */
    int df(long id) {
        Integer changed = overlay.get(id);
        if (changed != null) {
            return changed;
        }
        int[] index = index();
        int mask = index.length - 1;
        for (int i = spread(id) & mask; index[i] != 0; i = (i + 1) & mask) {
            int position = index[i] - 1;
            if (ids[position] == id) {
                return frequencies[position];
            }
        }
        return 0;
    }

    /**
     * This table with the frequencies of {@code changed} (id → frequency, below 2 meaning fewer
     * than two documents) replaced; this one is unchanged.
     */
    FeatureFrequencies with(Map<Long, Integer> changed) {
        if (changed.isEmpty()) {
            return this;
        }
        Map<Long, Integer> next = new HashMap<>(overlay);
        changed.forEach((id, df) -> next.put(id, df < 2 ? 0 : df));
        if (next.size() <= Math.max(MAX_OVERLAY, baseSize / 16)) {
            // The same base: its hash index too (a session's next update would otherwise build it again).
            return new FeatureFrequencies(ids, frequencies, baseSize, next, slots);
        }
        return new FeatureFrequencies(ids, frequencies, baseSize, next).folded();
    }

    /** The same frequencies as one base, no overlay. */
    private FeatureFrequencies folded() {
        long[] newIds = new long[baseSize + overlay.size()];
        int[] newFrequencies = new int[newIds.length];
        int size = 0;
        // The base's ids looked up among the overlay's sorted, not boxed: a Long for each of the
        // base's entries was 5-10 MB of an edit's garbage at 10,000 articles.
        long[] replaced = new long[overlay.size()];
        int r = 0;
        for (long id : overlay.keySet()) {
            replaced[r++] = id;
        }
        Arrays.sort(replaced);
        for (int i = 0; i < baseSize; i++) {
            if (Arrays.binarySearch(replaced, ids[i]) < 0) {
                newIds[size] = ids[i];
                newFrequencies[size++] = frequencies[i];
            }
        }
        for (Map.Entry<Long, Integer> e : overlay.entrySet()) {
            if (e.getValue() >= 2) {
                newIds[size] = e.getKey();
                newFrequencies[size++] = e.getValue();
            }
        }
        return new FeatureFrequencies(newIds, newFrequencies, size, Map.of());
    }

    /** Every entry, id → frequency (tests and the file). */
    Map<Long, Integer> asMap() {
        FeatureFrequencies whole = overlay.isEmpty() ? this : folded();
        Map<Long, Integer> map = new HashMap<>(whole.baseSize * 2);
        for (int i = 0; i < whole.baseSize; i++) {
            map.put(whole.ids[i], whole.frequencies[i]);
        }
        return map;
    }

    void write(DataOutput out) throws IOException {
        FeatureFrequencies whole = overlay.isEmpty() ? this : folded();
        out.writeInt(whole.baseSize);
        for (int i = 0; i < whole.baseSize; i++) {
            out.writeLong(whole.ids[i]);
            out.writeInt(whole.frequencies[i]);
        }
    }

    /**
     * Reads what {@link #write} wrote; null when it cannot be right (a damaged file): a count
     * above {@code atMost} (what the rest of the file could hold), or a frequency below 2.
     */
    static FeatureFrequencies read(DataInput in, long atMost) throws IOException {
        int size = in.readInt();
        if (size < 0 || size > atMost) {
            return null;
        }
        long[] ids = new long[size];
        int[] frequencies = new int[size];
        for (int i = 0; i < size; i++) {
            ids[i] = in.readLong();
            frequencies[i] = in.readInt();
            if (frequencies[i] < 2) {
                return null;
            }
        }
        return new FeatureFrequencies(ids, frequencies, size, Map.of());
    }

    /**
     * This table with its hash index built now: what the kept state's reading thread calls, beside the
     * content stage, so that the update's first look-up on the main thread does not build it (one entry
     * a feature two articles share, in a loop that runs once a process, mostly in the interpreter: 30-60 ms
     * of an added article's build).
     */
    FeatureFrequencies indexed() {
        index();
        return this;
    }

    private int[] index() {
        int[] built = slots;
        return built != null ? built : buildIndex();
    }

    private synchronized int[] buildIndex() {
        if (slots == null) {
            // At most two thirds full: linear probing stays short.
            int capacity = Integer.highestOneBit(Math.max(2, baseSize + baseSize / 2)) << 1;
            int[] index = new int[capacity];
            int mask = capacity - 1;
            for (int position = 0; position < baseSize; position++) {
                int i = spread(ids[position]) & mask;
                while (index[i] != 0) {
                    i = (i + 1) & mask;
                }
                index[i] = position + 1;
            }
            slots = index;
        }
        return slots;
    }

    /** Ids are hashes already (RelatedWeights): their low bits are as good as any. */
    private static int spread(long id) {
        return (int) (id ^ (id >>> 32));
    }
}
