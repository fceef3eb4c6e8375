package io.gazette.search;

import io.gazette.text.VietnameseText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Documents tokenized once, as numbers: the static exporter, related articles and the Lucene
 * indexer all walk every syllable of every document, and comparing ints is much cheaper than
 * hashing strings. Numbers are assigned in order of first occurrence in document order, so they
 * are the same whatever the number of threads, but mean nothing outside this object. A build that
 * needs several should analyze once: {@code var c = SearchCorpus.of(docs);
 * StaticIndexExporter.export(c, sink); RelatedArticles.of(c).compute(5);}
 *
 * <p>Immutable once built, so any number of threads may read it.
 */
public final class SearchCorpus {
    /** Separates the values of a multi-valued field in {@link #tokens}: no pair spans two tags. */
    static final int VALUE_BREAK = -1;
    /** A raw token whose exact form is too long to index (see {@link VietnameseTokens#MAX_TOKEN_LENGTH}). */
    private static final int DROPPED = -2;
    private static final int FIELDS = SearchFields.TEXT_FIELDS.size();

    final List<SearchDocument> docs;
    /** exact spelling id → spelling. */
    final List<String> exacts;
    /** folded syllable id → syllable. */
    final List<String> foldeds;
    /** exact spelling id → folded syllable id. */
    final int[] foldedOf;
    /** [doc][field] → exact spelling ids, {@link #VALUE_BREAK} between values. */
    final int[][][] tokens;
    /** [doc] → {@link VietnameseTokens#tagKey} of each tag value ({@code ""} when it has no word). */
    final String[][] tagKeys;

    public static SearchCorpus of(List<SearchDocument> docs) {
        return new SearchCorpus(docs);
    }

    private SearchCorpus(List<SearchDocument> input) {
        SearchIndexer.requireUniqueUrls(input);
        List<SearchDocument> sorted = new ArrayList<>(input);
        sorted.sort(SearchFields.ORDER);
        this.docs = List.copyOf(sorted);
        int n = sorted.size();
        this.tokens = new int[n][][];
        this.tagKeys = new String[n][];

        // Each range of documents is tokenized on its own (in parallel) into local raw-token ids;
        // the ranges' dictionaries are then merged in document order, which numbers tokens exactly
        // as one thread walking every document would.
        int rangeSize = Math.max(64, (n + 15) / 16);
        int ranges = (n + rangeSize - 1) / rangeSize;
        RawTokens[] local = new RawTokens[ranges];
        IntStream.range(0, ranges).parallel().forEach(r ->
                local[r] = tokenize(r * rangeSize, Math.min(n, (r + 1) * rangeSize)));

        Map<String, Integer> idOfRaw = new HashMap<>();
        Map<String, Integer> exactIds = new HashMap<>();
        Map<String, Integer> foldedIds = new HashMap<>();
        List<String> exactList = new ArrayList<>();
        List<String> foldedList = new ArrayList<>();
        int[] foldedOfExact = new int[256];
        int[][] globalOf = new int[ranges][];
        for (int r = 0; r < ranges; r++) {
            RawTokens raw = local[r];
            int[] global = new int[raw.size];
            for (int id = 0; id < raw.size; id++) {
                String token = raw.string(id);
                Integer known = idOfRaw.get(token);
                if (known == null) {
                    String exact = VietnameseTokens.exact(token);
                    if (exact.length() > VietnameseTokens.MAX_TOKEN_LENGTH) {
                        known = DROPPED;
                    } else {
                        known = exactIds.get(exact);
                        if (known == null) {
                            known = exactList.size();
                            exactList.add(exact);
                            exactIds.put(exact, known);
                            String fold = VietnameseTokens.fold(exact);
                            Integer folded = foldedIds.get(fold);
                            if (folded == null) {
                                folded = foldedList.size();
                                foldedList.add(fold);
                                foldedIds.put(fold, folded);
                            }
                            if (known >= foldedOfExact.length) {
                                foldedOfExact = Arrays.copyOf(foldedOfExact, foldedOfExact.length * 2);
                            }
                            foldedOfExact[known] = folded;
                        }
                    }
                    idOfRaw.put(token, known);
                }
                global[id] = known;
            }
            globalOf[r] = global;
        }
        this.exacts = List.copyOf(exactList);
        this.foldeds = List.copyOf(foldedList);
        this.foldedOf = Arrays.copyOf(foldedOfExact, exactList.size());

        IntStream.range(0, ranges).parallel().forEach(r -> {
            int[] global = globalOf[r];
            for (int d = r * rangeSize; d < Math.min(n, (r + 1) * rangeSize); d++) {
                int[][] fields = tokens[d];
                for (int f = 0; f < fields.length; f++) {
                    int[] field = fields[f];
                    int kept = 0;
                    for (int t : field) {
                        int id = t == VALUE_BREAK ? VALUE_BREAK : global[t];
                        if (id != DROPPED) {
                            field[kept++] = id;
                        }
                    }
                    if (kept < field.length) {
                        fields[f] = Arrays.copyOf(field, kept); // a too-long token was dropped
                    }
                }
            }
        });
    }

    public int size() {
        return docs.size();
    }

    /** The documents, in {@link SearchFields#ORDER}: document number i is {@code documents().get(i)}. */
    public List<SearchDocument> documents() {
        return docs;
    }

    /** Tokenizes documents {@code from..to} into {@link #tokens} (local ids) and {@link #tagKeys}. */
    private RawTokens tokenize(int from, int to) {
        RawTokens raw = new RawTokens();
        char[] chars = new char[4096];
        int[] buffer = new int[1024];
        for (int d = from; d < to; d++) {
            SearchDocument doc = docs.get(d);
            int[][] fields = new int[FIELDS][];
            for (int f = 0; f < FIELDS; f++) {
                int n = 0;
                for (String value : SearchFields.rawValues(doc, SearchFields.TEXT_FIELDS.get(f))) {
                    if (value == null) {
                        continue;
                    }
                    // Raw text first: most text is NFC-stable char by char (the scan checks), and
                    // normalizing only what is not saves a pass over every article.
                    for (int attempt = 0; attempt < 2; attempt++) {
                        boolean normalized = attempt == 1;
                        String text = normalized ? VietnameseText.nfc(value) : value;
                        int length = text.length();
                        if (chars.length < length) {
                            chars = new char[Math.max(length, chars.length * 2)];
                        }
                        text.getChars(0, length, chars, 0);
                        // At most one token every two chars, plus the break.
                        if (buffer.length < n + length / 2 + 2) {
                            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, n + length / 2 + 2));
                        }
                        int at = n > 0 ? n + 1 : n;
                        int end = raw.scan(chars, length, buffer, at, normalized);
                        if (end >= 0) {
                            if (end > at) {
                                if (at > n) {
                                    buffer[n] = VALUE_BREAK;
                                }
                                n = end;
                            }
                            break;
                        }
                    }
                }
                fields[f] = Arrays.copyOf(buffer, n);
            }
            tokens[d] = fields;
            List<String> tags = SearchFields.values(doc, "tags");
            String[] keys = new String[tags.size()];
            for (int t = 0; t < keys.length; t++) {
                keys[t] = VietnameseTokens.tagKey(tags.get(t));
            }
            tagKeys[d] = keys;
        }
        return raw;
    }

    /**
     * Distinct raw tokens (as written, before lowercasing and normalizing) of one range of
     * documents, interned by their chars so that scanning allocates nothing per token: an
     * open-addressing table of ids keyed by char ranges of one growing char pool.
     */
    private static final class RawTokens {
        char[] pool = new char[1 << 14];
        int poolSize;
        int[] start = new int[1 << 10];
        int[] length = new int[1 << 10];
        int[] hash = new int[1 << 10];
        int size;
        /** id + 1, 0 = free. */
        int[] slots = new int[1 << 12];

        /**
         * Appends the local ids of the tokens of {@code text[0..limit)} to {@code out} from
         * {@code n}; returns the new end, or -1 when the text is not known to be NFC (a char that
         * NFC may change) and {@code normalized} is false. Ids interned before giving up stay:
         * they are real tokens of some text, merely unused.
         */
        int scan(char[] text, int limit, int[] out, int n, boolean normalized) {
            int i = 0;
            while (i < limit) {
                char c = text[i];
                if (!normalized && !SearchFields.nfcStable(c)) {
                    return -1;
                }
                if (!Character.isSurrogate(c) && !VietnameseTokens.isTokenChar(c)) {
                    i++;
                    continue;
                }
                int step = VietnameseTokens.tokenCharAt(text, i, limit);
                if (step < 0) {
                    i -= step;
                    continue;
                }
                int begin = i;
                int h = 0;
                while (i < limit) {
                    c = text[i];
                    if (!normalized && !SearchFields.nfcStable(c)) {
                        return -1;
                    }
                    if (!Character.isSurrogate(c)) {
                        if (!VietnameseTokens.isTokenChar(c)) {
                            break;
                        }
                        h = 31 * h + c;
                        i++;
                    } else {
                        step = VietnameseTokens.tokenCharAt(text, i, limit);
                        if (step < 0) {
                            break;
                        }
                        for (int k = 0; k < step; k++) {
                            h = 31 * h + text[i + k];
                        }
                        i += step;
                    }
                }
                out[n++] = id(text, begin, i, h);
            }
            return n;
        }

        private int id(char[] text, int from, int to, int h) {
            int mix = h * 0x9E3779B9;
            int mask = slots.length - 1;
            int slot = (mix ^ (mix >>> 16)) & mask;
            int len = to - from;
            while (true) {
                int v = slots[slot];
                if (v == 0) {
                    break;
                }
                int id = v - 1;
                if (hash[id] == h && length[id] == len && sameChars(start[id], text, from, len)) {
                    return id;
                }
                slot = (slot + 1) & mask;
            }
            if (size == start.length) {
                start = Arrays.copyOf(start, size * 2);
                length = Arrays.copyOf(length, size * 2);
                hash = Arrays.copyOf(hash, size * 2);
            }
            if (poolSize + len > pool.length) {
                pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
            }
            System.arraycopy(text, from, pool, poolSize, len);
            start[size] = poolSize;
            length[size] = len;
            hash[size] = h;
            poolSize += len;
            slots[slot] = ++size;
            if (size * 2 > slots.length) {
                rehash();
            }
            return size - 1;
        }

        /** A plain loop: tokens are a few chars, too short for Arrays.equals' vector setup to pay. */
        private boolean sameChars(int at, char[] text, int from, int len) {
            char[] p = pool;
            for (int k = 0; k < len; k++) {
                if (p[at + k] != text[from + k]) {
                    return false;
                }
            }
            return true;
        }

        private void rehash() {
            slots = new int[slots.length * 2];
            int mask = slots.length - 1;
            for (int id = 0; id < size; id++) {
                int mix = hash[id] * 0x9E3779B9;
                int slot = (mix ^ (mix >>> 16)) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = id + 1;
            }
        }

        String string(int id) {
            return new String(pool, start[id], length[id]);
        }
    }

    /** Open-addressing map from a pair of syllable ids (packed in a long) to a dense id. */
    static final class PairIds {
        private long[] keys;
        private int[] values;
        private int size;
        long[] pairs;

        PairIds() {
            this(1 << 12);
        }

        PairIds(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) * 2;
            keys = new long[capacity];
            values = new int[capacity];
            pairs = new long[Math.max(16, expected)];
        }

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

        /** The id of the pair, or -1. */
        int find(long key) {
            int mask = keys.length - 1;
            int slot = mix(key) & mask;
            while (true) {
                int v = values[slot];
                if (v == 0) {
                    return -1;
                }
                if (keys[slot] == key) {
                    return v - 1;
                }
                slot = (slot + 1) & mask;
            }
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
