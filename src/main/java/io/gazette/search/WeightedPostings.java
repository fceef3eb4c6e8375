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

    void clear() {
        size = 0;
    }

    /** Adds the live documents of {@code postings} (read with freqs) with field weight {@code weight}. */
    void add(PostingsEnum postings, DocNumbering numbering, int weight) throws IOException {
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
            int number = numbering.number(doc);
            if (number >= 0) {
                if (size == packed.length) {
                    packed = Arrays.copyOf(packed, size * 2);
                }
                packed[size++] = ((long) number << 32) | ((long) weight * postings.freq());
            }
        }
    }

    /** How many entries were added (a document once per field holding the term). */
    int entries() {
        return size;
    }

    /** Orders the entries by document; before {@link #documents} and {@link #forEachDocument}. */
    void sort() {
        Arrays.sort(packed, 0, size);
    }

    /** How many documents hold the term (after {@link #sort}). */
    int documents() {
        int df = 0;
        for (int i = 0; i < size; i++) {
            if (i == 0 || (packed[i] >>> 32) != (packed[i - 1] >>> 32)) {
                df++;
            }
        }
        return df;
    }

    /** Each document, in order, with its fields' weighted frequencies summed (after {@link #sort}). */
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
