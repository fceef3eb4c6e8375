package io.gazette.search;

import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.search.DocIdSetIterator;

import java.io.IOException;
import java.util.Arrays;

/**
 * The documents holding one term, by static document number, each with the mask of the fields
 * holding it there: reused from term to term, so it grows to the largest term and no further.
 */
final class TermPostings {
    private long[] packed = new long[64];
    private int added;
    /** After {@link #sort}: document numbers, increasing, and their field masks. */
    int[] docs = new int[64];
    byte[] masks = new byte[64];
    int size;

    /** The highest number added since {@link #clear}, or -1. */
    private int highest = -1;
    /** Per number, the merged field masks of a dense term: zero between uses. */
    private byte[] dense = new byte[0];
    /** Whether a document was added without a field bit (kept by the sort, not by the masks). */
    private boolean unmasked;

    void clear() {
        added = 0;
        size = 0;
        highest = -1;
        unmasked = false;
    }

    /** Adds the live documents of {@code postings} with field bit {@code bit}. */
    void add(PostingsEnum postings, DocNumbering numbering, int bit) throws IOException {
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
            int number = numbering.number(doc);
            if (number >= 0) {
                add(number, bit);
            }
        }
    }

    void add(int number, int bit) {
        if (added == packed.length) {
            packed = Arrays.copyOf(packed, added * 2);
        }
        packed[added++] = ((long) number << 8) | (bit & 0xff);
        if (number > highest) {
            highest = number;
        }
        if ((bit & 0xff) == 0) {
            unmasked = true;
        }
    }

    /**
     * Orders by document and merges each document's fields into one mask. A term in many of the
     * documents (a common syllable: hundreds of thousands of postings at 100,000 articles) is
     * merged through a mask per number instead of sorted: linear, and the same result; sorting
     * them was most of what an export in proportion to one edit cost at that size.
     */
    void sort() {
        if (docs.length < added) {
            docs = new int[packed.length];
            masks = new byte[packed.length];
        }
        if (added >= 256 && highest < 8L * added && !unmasked) {
            mergeDense();
            return;
        }
        Arrays.sort(packed, 0, added);
        int n = 0;
        for (int i = 0; i < added; i++) {
            int doc = (int) (packed[i] >>> 8);
            byte mask = (byte) packed[i];
            if (n > 0 && docs[n - 1] == doc) {
                masks[n - 1] |= mask;
            } else {
                docs[n] = doc;
                masks[n] = mask;
                n++;
            }
        }
        size = n;
    }

    private void mergeDense() {
        if (dense.length <= highest) {
            dense = new byte[Math.max(highest + 1, dense.length * 2)];
        }
        for (int i = 0; i < added; i++) {
            dense[(int) (packed[i] >>> 8)] |= (byte) packed[i];
        }
        int n = 0;
        for (int doc = 0; doc <= highest; doc++) {
            byte mask = dense[doc];
            if (mask != 0) {
                docs[n] = doc;
                masks[n] = mask;
                dense[doc] = 0;
                n++;
            }
        }
        size = n;
    }

    /**
     * {@code byte fieldMask}, then for each field in it the documents having the term there (the
     * static index's syllable, pair and prefix body).
     */
    void writeFieldSets(DocSets.Sink body, int fields, int[] scratch) {
        int mask = 0;
        for (int j = 0; j < size; j++) {
            mask |= masks[j];
        }
        body.write(mask);
        for (int f = 0; f < fields; f++) {
            if ((mask & (1 << f)) == 0) {
                continue;
            }
            if (mask == 1 << f) {
                DocSets.write(body, docs, 0, size);
                continue;
            }
            int n = 0;
            for (int j = 0; j < size; j++) {
                if ((masks[j] & (1 << f)) != 0) {
                    scratch[n++] = docs[j];
                }
            }
            DocSets.write(body, scratch, 0, n);
        }
    }

    /**
     * {@code byte fieldMask} (every field of the term), then for each field in it from
     * {@code fromField} (included) to {@code toField} (excluded) the positions, among this term's
     * documents, of those having it there: a split term's detail (sets within the union are
     * small where a field is rare, and their complement small where it is nearly all, the body).
     */
    void writeFieldRanks(DocSets.Sink out, int fromField, int toField, int[] scratch) {
        int mask = 0;
        for (int j = 0; j < size; j++) {
            mask |= masks[j];
        }
        out.write(mask);
        for (int f = fromField; f < toField; f++) {
            if ((mask & (1 << f)) == 0) {
                continue;
            }
            int n = 0;
            for (int j = 0; j < size; j++) {
                if ((masks[j] & (1 << f)) != 0) {
                    scratch[n++] = j;
                }
            }
            DocSets.write(out, scratch, 0, n);
        }
    }
}
