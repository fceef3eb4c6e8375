package io.gazette.search;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;

import java.util.Arrays;

/**
 * The distinct terms of one field of one document, each given to Lucene once with its frequency
 * (Lucene's {@link TermFrequencyAttribute}), in one of three forms. A document is scanned once
 * and its syllables feed all three forms. Counting here, in a small table of the syllables'
 * numbers ({@link Counter}), instead of letting Lucene meet every occurrence, matters: Lucene's
 * in-memory postings hash every token's bytes into a table that grows with the vocabulary of the
 * whole segment, which was most of a cold build's search analysis. The index is the same either
 * way: no field indexes positions, so only the set of terms and their frequencies reach it.
 * No pair spans two values of a multi-valued field (tags).
 */
final class SyllableTokens extends TokenStream {
    enum Form {
        /** Lowercase, diacritics kept: {@code đua}. */
        EXACT,
        /** Lowercase, diacritics removed, đ→d: {@code dua}. */
        FOLDED,
        /** Two adjacent folded syllables joined by a space: {@code thi dua}. */
        PAIRS
    }

    // Bytes, not chars: each form's UTF-8 is cached with it, so indexing encodes nothing a token.
    private final BytesTermAttribute term = addAttribute(BytesTermAttribute.class);
    private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
    private final BytesRefBuilder pair = new BytesRefBuilder();
    private final Form form;
    private final VietnameseTokens.Forms[] first;
    private final VietnameseTokens.Forms[] second;
    private final int[] counts;
    private final boolean withCounts;
    private int next;

    private SyllableTokens(Form form, VietnameseTokens.Forms[] first, VietnameseTokens.Forms[] second, int[] counts,
            boolean withCounts) {
        this.form = form;
        this.first = first;
        this.second = second;
        this.counts = counts;
        this.withCounts = withCounts;
    }

    /** How many distinct terms the stream gives. */
    int size() {
        return first.length;
    }

    Form form() {
        return form;
    }

    /**
     * A number naming term {@code i} among the terms of its form (equal terms, equal numbers), or
     * -1 when one of its syllables has no number ({@link VietnameseTokens#NO_ID}).
     */
    long key(int i) {
        return switch (form) {
            case EXACT -> first[i].exactId;
            case FOLDED -> first[i].foldedId;
            case PAIRS -> first[i].foldedId == VietnameseTokens.NO_ID || second[i].foldedId == VietnameseTokens.NO_ID
                    ? -1 : ((long) first[i].foldedId << 32) | second[i].foldedId;
        };
    }

    /** The syllable of term {@code i}, or the first of its pair. */
    VietnameseTokens.Forms first(int i) {
        return first[i];
    }

    /** The second syllable of pair {@code i}; null for the other forms. */
    VietnameseTokens.Forms second(int i) {
        return second == null ? null : second[i];
    }

    /** How many times term {@code i} occurs in the field. */
    int count(int i) {
        return counts[i];
    }

    /** The bytes of term {@code i}; a pair's are valid until the next call. */
    BytesRef bytes(int i) {
        VietnameseTokens.Forms s = first[i];
        return switch (form) {
            case EXACT -> s.exactBytes;
            case FOLDED -> s.foldedBytes;
            case PAIRS -> {
                pair.clear();
                pair.append(s.foldedBytes);
                pair.append((byte) ' ');
                pair.append(second[i].foldedBytes);
                yield pair.get();
            }
        };
    }

    @Override
    public boolean incrementToken() {
        if (next >= first.length) {
            return false;
        }
        clearAttributes();
        VietnameseTokens.Forms s = first[next];
        switch (form) {
            case EXACT -> term.setBytesRef(s.exactBytes);
            case FOLDED -> term.setBytesRef(s.foldedBytes);
            case PAIRS -> {
                BytesRef b = second[next].foldedBytes;
                pair.clear();
                pair.append(s.foldedBytes);
                pair.append((byte) ' ');
                pair.append(b);
                term.setBytesRef(pair.get());
            }
        }
        if (withCounts) {
            frequency.setTermFrequency(counts[next]);
        }
        next++;
        return true;
    }

    @Override
    public void reset() throws java.io.IOException {
        super.reset();
        next = 0;
    }

    /**
     * Counts the terms of one field of one document (one thread, reused for field after field):
     * a single syllable's place in the output is found by its number in an array indexed by it
     * (numbers are dense, a vocabulary's worth: no hashing for the two forms met at every
     * token), a pair's in an open-addressing table from its two numbers.
     */
    static final class Counter {
        private final Form form;
        /** Per syllable number, the syllable's place in the output + 1 (0: not in this field yet). */
        private int[] placeOfId = new int[1024];
        private long[] keys = new long[1024];
        private int[] places = new int[1024];
        /** Slots in use, to clear only those. */
        private int[] used = new int[512];
        private int usedCount;
        private VietnameseTokens.Forms[] first = new VietnameseTokens.Forms[512];
        private VietnameseTokens.Forms[] second = new VietnameseTokens.Forms[512];
        private int[] counts = new int[512];
        private int size;
        private VietnameseTokens.Forms previous;

        Counter(Form form) {
            this.form = form;
            Arrays.fill(keys, -1);
        }

        /** Starts a new value of the field: no pair joins its first syllable to the last one's. */
        void startValue() {
            previous = null;
        }

        /** One syllable of the current value, in order. */
        void add(VietnameseTokens.Forms s) {
            if (form == Form.PAIRS) {
                VietnameseTokens.Forms before = previous;
                previous = s;
                if (before != null) {
                    count(before, s, before.foldedId == VietnameseTokens.NO_ID || s.foldedId == VietnameseTokens.NO_ID
                            ? -1 : ((long) before.foldedId << 32) | s.foldedId);
                }
            } else {
                countSyllable(s, form == Form.EXACT ? s.exactId : s.foldedId);
            }
        }

        /** A single syllable's term named by its number {@code id}, or always a new one when it has none. */
        private void countSyllable(VietnameseTokens.Forms s, int id) {
            if (id < 0) {
                append(s, null);
                return;
            }
            if (id >= placeOfId.length) {
                placeOfId = Arrays.copyOf(placeOfId, Math.max(id + 1, placeOfId.length * 2));
            }
            int place = placeOfId[id];
            if (place != 0) {
                counts[place - 1]++;
                return;
            }
            placeOfId[id] = size + 1;
            append(s, null);
        }

        boolean isEmpty() {
            return size == 0;
        }

        /** The counted terms as a token stream; the counter is empty again afterwards. */
        SyllableTokens drain() {
            SyllableTokens tokens = new SyllableTokens(form, Arrays.copyOf(first, size),
                    form == Form.PAIRS ? Arrays.copyOf(second, size) : null, Arrays.copyOf(counts, size),
                    form == Form.PAIRS);
            for (int i = 0; i < usedCount; i++) {
                keys[used[i]] = -1;
            }
            if (form != Form.PAIRS) {
                for (int i = 0; i < size; i++) {
                    int id = form == Form.EXACT ? first[i].exactId : first[i].foldedId;
                    if (id >= 0) {
                        placeOfId[id] = 0;
                    }
                }
            }
            Arrays.fill(first, 0, size, null);
            Arrays.fill(second, 0, size, null);
            usedCount = 0;
            size = 0;
            previous = null;
            return tokens;
        }

        /** A term named by {@code key} (≥ 0), or always a new one when the key is negative. */
        private void count(VietnameseTokens.Forms a, VietnameseTokens.Forms b, long key) {
            if (key < 0) {
                append(a, b);
                return;
            }
            if (usedCount * 2 >= keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int slot = (int) mix(key) & mask;
            while (keys[slot] != -1) {
                if (keys[slot] == key) {
                    counts[places[slot]]++;
                    return;
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            places[slot] = size;
            if (usedCount == used.length) {
                used = Arrays.copyOf(used, usedCount * 2);
            }
            used[usedCount++] = slot;
            append(a, b);
        }

        private void append(VietnameseTokens.Forms a, VietnameseTokens.Forms b) {
            if (size == first.length) {
                first = Arrays.copyOf(first, size * 2);
                second = Arrays.copyOf(second, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            first[size] = a;
            second[size] = b;
            counts[size] = 1;
            size++;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldPlaces = places;
            keys = new long[oldKeys.length * 2];
            places = new int[oldKeys.length * 2];
            Arrays.fill(keys, -1);
            int mask = keys.length - 1;
            int count = 0;
            for (int i = 0; i < usedCount; i++) {
                long key = oldKeys[used[i]];
                int slot = (int) mix(key) & mask;
                while (keys[slot] != -1) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                places[slot] = oldPlaces[used[i]];
                used[count++] = slot;
            }
        }

        private static long mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 29);
        }
    }
}
