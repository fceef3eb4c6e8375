package io.gazette.search;

import io.gazette.text.VietnameseText;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one tokenizer behind the Lucene analyzer, the static index and (re-implemented line by line)
 * the browser client in {@code search.js}. Change one, change the other and regenerate
 * {@code analyzer-vectors.json}.
 *
 * <p>Rules: NFC; a token is a maximal run of letters (L*), marks (M*) and decimal digits (Nd);
 * everything else separates. Exact form = NFC(lowercase(token)); folded form = exact with every
 * non-spacing mark removed after NFD and đ→d, re-composed to NFC. Tokens longer than
 * {@link #MAX_TOKEN_LENGTH} UTF-16 units are dropped (base64 blobs, not words).
 */
public final class VietnameseTokens {
    public static final int MAX_TOKEN_LENGTH = 64;
    private static final int CACHE_LIMIT = 200_000;
    private static final Map<String, Forms> FORMS = new ConcurrentHashMap<>();

    private VietnameseTokens() {
    }

    /** Tokens of {@code text}; offsets point into {@code VietnameseText.nfc(text)}. */
    public static List<Syllable> scan(String text) {
        String nfc = VietnameseText.nfc(text == null ? "" : text);
        List<Syllable> out = new ArrayList<>();
        scan(nfc, (start, end, forms) -> out.add(new Syllable(start, end, forms.exact, forms.folded)));
        return out;
    }

    /** Receives the tokens of a text: where each is and its forms. */
    @FunctionalInterface
    interface Visitor {
        void token(int start, int end, Forms forms);
    }

    /**
     * The tokens of {@code nfc}, which must be NFC already: the indexing path, with no
     * normalizing pass and no object per token beyond the (cached) forms.
     */
    static void scan(String nfc, Visitor visitor) {
        scan(nfc.toCharArray(), visitor); // array reads, not String.charAt's checks a char
    }

    /** {@link #scan(String, Visitor)} of the NFC text whose chars are {@code chars} (not changed). */
    static void scan(char[] chars, Visitor visitor) {
        int n = chars.length;
        RecentForms recent = RECENT.get();
        int i = 0;
        while (i < n) {
            char c = chars[i];
            int step = Character.isSurrogate(c) ? tokenCodePointAt(chars, i, n) : isTokenChar(c) ? 1 : -1;
            if (step <= 0) {
                i -= step;
                continue;
            }
            int start = i;
            int hash = 0;
            while (true) {
                // String.hashCode of the token, as its chars pass: the cache is asked without a substring.
                for (int k = 0; k < step; k++) {
                    hash = 31 * hash + chars[i + k];
                }
                i += step;
                if (i >= n) {
                    break;
                }
                c = chars[i];
                step = Character.isSurrogate(c) ? tokenCodePointAt(chars, i, n) : isTokenChar(c) ? 1 : -1;
                if (step <= 0) {
                    break;
                }
            }
            Forms forms = recent.get(chars, start, i, hash);
            if (forms != null) {
                visitor.token(start, i, forms);
            }
        }
    }

    /**
     * The length in chars of the code point at surrogate {@code i} of {@code chars[0..n)}:
     * positive when it is a token char, negated when it is not. A surrogate pair is tested as
     * one code point; a lone surrogate separates.
     */
    private static int tokenCodePointAt(char[] chars, int i, int n) {
        int cp = Character.codePointAt(chars, i, n);
        int count = Character.charCount(cp);
        return isTokenCodePoint(cp) ? count : -count;
    }

    private static final ThreadLocal<RecentForms> RECENT = ThreadLocal.withInitial(RecentForms::new);

    /**
     * One thread's table of the raw tokens it met and their {@link Forms}, asked with a token's
     * chars where they lie: indexing scans millions of tokens, and making each a String to ask
     * {@link #forms} (a substring, its hash, a lookup in a table shared by the threads) was most
     * of the scan. The forms are {@link #forms}'s own objects; a full table starts again empty.
     *
     * <p>A slot holds the token's hash and where its chars are in one pool, side by side in one
     * long; the pool holds the tokens one after the other in the order met (the common ones
     * first, close together). Each token its own char array, found through an array of
     * references, cost a cache miss or two a token: a quarter of the scan's time.
     */
    private static final class RecentForms {
        private static final int MAX_SLOTS = 1 << 18;
        /** Per slot: the token's String hash in the high half, its place in {@link #pool} + 1 in the low (0: free). */
        private long[] slots = new long[1 << 12];
        private Forms[] values = new Forms[1 << 12];
        /** The tokens' chars, each after a char holding its length (at most {@link #MAX_TOKEN_LENGTH}). */
        private char[] pool = new char[1 << 14];
        private int poolSize;
        private int size;

        /** The forms of the token {@code chars[start..end)}, whose String hash is {@code hash}; null when too long. */
        Forms get(char[] chars, int start, int end, int hash) {
            int mask = slots.length - 1;
            int slot = mix(hash) & mask;
            int length = end - start;
            for (long entry; (entry = slots[slot]) != 0; slot = (slot + 1) & mask) {
                if ((int) (entry >>> 32) == hash && sameChars(pool, (int) entry - 1, chars, start, length)) {
                    return values[slot];
                }
            }
            Forms forms = forms(new String(chars, start, length));
            if (forms == null || length > MAX_TOKEN_LENGTH) {
                return forms; // too long: not a word, and rarely seen again (nor a length a pool char holds)
            }
            if ((size + 1) * 2 > slots.length) {
                if (slots.length >= MAX_SLOTS) {
                    clear();
                } else {
                    grow();
                }
                mask = slots.length - 1;
                slot = mix(hash) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
            }
            if (poolSize + 1 + length > pool.length) {
                pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + 1 + length));
            }
            int at = poolSize;
            pool[at] = (char) length;
            System.arraycopy(chars, start, pool, at + 1, length);
            poolSize += 1 + length;
            slots[slot] = ((long) hash << 32) | (at + 1);
            values[slot] = forms;
            size++;
            return forms;
        }

        /** Whether the token at {@code at} of the pool is {@code chars[start..start + length)}. */
        private static boolean sameChars(char[] pool, int at, char[] chars, int start, int length) {
            if (pool[at] != length) {
                return false;
            }
            for (int k = 0; k < length; k++) {
                if (pool[at + 1 + k] != chars[start + k]) {
                    return false;
                }
            }
            return true;
        }

        private static int mix(int hash) {
            int h = hash * 0x9E3779B9;
            return h ^ (h >>> 16);
        }

        private void clear() {
            Arrays.fill(slots, 0);
            Arrays.fill(values, null);
            poolSize = 0;
            size = 0;
        }

        private void grow() {
            long[] oldSlots = slots;
            Forms[] oldValues = values;
            slots = new long[oldSlots.length * 2];
            values = new Forms[oldSlots.length * 2];
            int mask = slots.length - 1;
            for (int j = 0; j < oldSlots.length; j++) {
                if (oldSlots[j] != 0) {
                    int slot = mix((int) (oldSlots[j] >>> 32)) & mask;
                    while (slots[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    slots[slot] = oldSlots[j];
                    values[slot] = oldValues[j];
                }
            }
        }
    }

    /** The indexed forms of one raw token, with their UTF-8 bytes (what Lucene stores). */
    static final class Forms {
        final String exact;
        final String folded;
        final org.apache.lucene.util.BytesRef exactBytes;
        final org.apache.lucene.util.BytesRef foldedBytes;
        /**
         * Small numbers naming the exact and the folded string (equal strings, equal numbers), so
         * that indexing counts a document's terms in a table of ints instead of hashing bytes;
         * {@link #NO_ID} when the vocabulary outgrew the table (the term is then not merged with
         * its other occurrences, which costs time, never correctness).
         */
        final int exactId;
        final int foldedId;

        Forms(String exact, String folded) {
            this.exact = exact;
            this.folded = folded;
            this.exactBytes = new org.apache.lucene.util.BytesRef(exact);
            this.foldedBytes = new org.apache.lucene.util.BytesRef(folded);
            this.exactId = idOf(exact);
            this.foldedId = idOf(folded);
        }
    }

    static final int NO_ID = -1;
    /** string → id for {@link Forms}; bounded like the cache of forms. */
    private static final Map<String, Integer> IDS = new ConcurrentHashMap<>();

    private static int idOf(String form) {
        Integer id = IDS.get(form);
        if (id != null) {
            return id;
        }
        if (IDS.size() >= CACHE_LIMIT * 2) {
            return NO_ID;
        }
        // Ids are only compared with each other: any unique number does, whatever the order.
        return IDS.computeIfAbsent(form, f -> NEXT_ID.getAndIncrement());
    }

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_ID = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * {exact, folded} of a raw token, or null when it is too long. Cached: a corpus has a few
     * thousand distinct syllables and millions of occurrences, and normalizing is the slow part.
     */
    static Forms forms(String raw) {
        Forms cached = FORMS.get(raw);
        if (cached != null) {
            return cached;
        }
        String exact = exact(raw);
        Forms forms = exact.length() > MAX_TOKEN_LENGTH ? null : new Forms(exact, fold(exact));
        if (forms != null && FORMS.size() < CACHE_LIMIT) {
            FORMS.put(raw, forms);
        }
        return forms;
    }

    /** Whether each BMP char is a token char: one bit a char, looked up instead of asking Character. */
    private static final long[] TOKEN_CHARS = new long[1 << 10];

    static {
        for (int c = 0; c < 1 << 16; c++) {
            if (!Character.isSurrogate((char) c) && isTokenCodePoint(c)) {
                TOKEN_CHARS[c >>> 6] |= 1L << c;
            }
        }
    }

    /** Token char test for a BMP char that is not a surrogate. */
    static boolean isTokenChar(char c) {
        return (TOKEN_CHARS[c >>> 6] & (1L << c)) != 0;
    }

    private static boolean isTokenCodePoint(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    static String exact(String token) {
        return VietnameseText.nfc(token.toLowerCase(Locale.ROOT));
    }

    /**
     * Folds an already lowercased token. Works on code points (not chars) so that it removes
     * exactly what the browser's {@code /\p{Mn}/gu} removes.
     */
    static String fold(String exact) {
        String decomposed = Normalizer.normalize(exact, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(cp -> {
            if (Character.getType(cp) == Character.NON_SPACING_MARK) {
                return;
            }
            out.appendCodePoint(switch (cp) {
                case 'đ' -> 'd';
                case 'Đ' -> 'D';
                default -> cp;
            });
        });
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /**
     * The key a tag is filtered by: its exact tokens joined by single spaces, so that the browser
     * computes the same key with the tokenizer it already has ("Hội  Nghị" and "hội nghị" match).
     */
    public static String tagKey(String tag) {
        StringBuilder key = new StringBuilder();
        for (Syllable s : scan(tag)) {
            if (key.length() > 0) {
                key.append(' ');
            }
            key.append(s.exact());
        }
        return key.toString();
    }
}
