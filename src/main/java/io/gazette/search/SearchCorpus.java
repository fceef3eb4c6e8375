package io.gazette.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Documents tokenized once, as numbers: the static exporter and related articles both walk every
 * syllable of every document, and comparing ints is much cheaper than hashing strings. Numbers are
 * assigned in document order (deterministic) but mean nothing outside this object. A build that
 * needs both should analyze once: {@code var c = SearchCorpus.of(docs);
 * StaticIndexExporter.export(c, out); new RelatedArticles(c).compute(5);}
 */
public final class SearchCorpus {
    /** Separates the values of a multi-valued field in {@link #tokens}: no pair spans two tags. */
    static final int VALUE_BREAK = -1;

    final List<SearchDocument> docs;
    /** exact spelling id → spelling. */
    final List<String> exacts = new ArrayList<>();
    /** folded syllable id → syllable. */
    final List<String> foldeds = new ArrayList<>();
    /** exact spelling id → folded syllable id. */
    int[] foldedOf = new int[256];
    /** [doc][field] → exact spelling ids, {@link #VALUE_BREAK} between values. */
    final int[][][] tokens;

    private final Map<String, Integer> exactIds = new HashMap<>();
    private final Map<String, Integer> foldedIds = new HashMap<>();

    public static SearchCorpus of(List<SearchDocument> docs) {
        return new SearchCorpus(docs);
    }

    SearchCorpus(List<SearchDocument> docs) {
        SearchIndexer.requireUniqueUrls(docs);
        List<SearchDocument> sorted = new ArrayList<>(docs);
        sorted.sort(SearchFields.ORDER);
        this.docs = List.copyOf(sorted);
        int fields = SearchFields.TEXT_FIELDS.size();
        this.tokens = new int[sorted.size()][fields][];
        int[] buffer = new int[1024];
        for (int d = 0; d < sorted.size(); d++) {
            for (int f = 0; f < fields; f++) {
                int n = 0;
                for (String value : SearchFields.values(sorted.get(d), SearchFields.TEXT_FIELDS.get(f))) {
                    List<Syllable> syllables = VietnameseTokens.scan(value);
                    if (buffer.length < n + syllables.size() + 1) {
                        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, n + syllables.size() + 1));
                    }
                    if (n > 0) {
                        buffer[n++] = VALUE_BREAK;
                    }
                    for (Syllable s : syllables) {
                        buffer[n++] = exactId(s);
                    }
                }
                tokens[d][f] = Arrays.copyOf(buffer, n);
            }
        }
    }

    public int size() {
        return docs.size();
    }

    private int exactId(Syllable s) {
        Integer id = exactIds.get(s.exact());
        if (id != null) {
            return id;
        }
        int exact = exacts.size();
        exacts.add(s.exact());
        exactIds.put(s.exact(), exact);
        Integer folded = foldedIds.get(s.folded());
        if (folded == null) {
            folded = foldeds.size();
            foldeds.add(s.folded());
            foldedIds.put(s.folded(), folded);
        }
        if (exact >= foldedOf.length) {
            foldedOf = Arrays.copyOf(foldedOf, foldedOf.length * 2);
        }
        foldedOf[exact] = folded;
        return exact;
    }

    /** Open-addressing map from a pair of syllable ids (packed in a long) to a dense id. */
    static final class PairIds {
        private long[] keys = new long[1 << 16];
        private int[] values = new int[1 << 16];
        private int size;
        long[] pairs = new long[1 << 12];

        static long key(int first, int second) {
            return ((long) first << 32) | (second & 0xffffffffL);
        }

        public int size() {
            return size;
        }

        /** The id of the pair, assigning the next one if new. */
        int id(long key) {
            int mask = keys.length - 1;
            int slot = mix(key) & mask;
            while (true) {
                int v = values[slot];
                if (v == 0) {
                    break;
                }
                if (keys[slot] == key) {
                    return v - 1;
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            values[slot] = ++size;
            if (size > pairs.length - 1) {
                pairs = Arrays.copyOf(pairs, pairs.length * 2);
            }
            pairs[size - 1] = key;
            if (size * 2 > keys.length) {
                grow();
            }
            return size - 1;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldValues.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldValues[i] != 0) {
                    int slot = mix(oldKeys[i]) & mask;
                    while (values[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    values[slot] = oldValues[i];
                }
            }
        }

        private static int mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 29));
        }
    }
}
