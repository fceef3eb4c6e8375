package io.gazette.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * The live documents of one pair term, each with its weighted frequency (field weight × freq,
 * summed over the pair fields): how related articles weigh a pair, in one place, so that the whole
 * computation ({@link RelatedArticles}) and the update ({@link RelatedUpdate}) count alike to the
 * bit. Reused from term to term, so it grows to the largest term and no further.
 */
final class WeightedPostings {
    /** What a document's weighted frequency goes to. */
    interface Each {
        void accept(int number, int tf);
    }

    /** {@code number << 32 | field weight × freq}, a document once per field; sorted by {@link #sort}. */
    private long[] packed = new long[64];
    private int size;
    /** How many {@link #add} calls added an entry: with one, each document is there once. */
    private int fields;

    void clear() {
        size = 0;
        fields = 0;
    }

    /** Adds the live documents of {@code postings} (read with freqs) with field weight {@code weight}. */
    void add(PostingsEnum postings, DocNumbering numbering, int weight) throws IOException {
        int before = size;
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
            int number = numbering.number(doc);
            if (number >= 0) {
                if (size == packed.length) {
                    packed = Arrays.copyOf(packed, size * 2);
                }
                packed[size++] = ((long) number << 32) | ((long) weight * postings.freq());
            }
        }
        if (size > before) {
            fields++;
        }
    }

    /** How many entries were added (a document once per field holding the term). */
    int entries() {
        return size;
    }

    /**
     * Groups a document's entries together (by ordering them by document) when several fields
     * added entries; with one, each document has one entry already and they stay in the order
     * added (most pairs are in one field only; sorting each of them showed in the offering's profile).
     * Before {@link #documents} and {@link #forEachDocument}.
     */
    void sort() {
        if (fields > 1) {
            Arrays.sort(packed, 0, size);
        }
    }

    /** How many documents hold the term (after {@link #sort}). */
    int documents() {
        if (fields <= 1) {
            return size;
        }
        int df = 0;
        for (int i = 0; i < size; i++) {
            if (i == 0 || (packed[i] >>> 32) != (packed[i - 1] >>> 32)) {
                df++;
            }
        }
        return df;
    }

    /**
     * Each document once, with its fields' weighted frequencies summed (after {@link #sort});
     * in the order of the documents' numbers when several fields hold the term.
     */
    void forEachDocument(Each each) {
        for (int i = 0; i < size; ) {
            int number = (int) (packed[i] >>> 32);
            int tf = 0;
            while (i < size && (int) (packed[i] >>> 32) == number) {
                tf += (int) packed[i];
                i++;
            }
            each.accept(number, tf);
        }
    }
}
