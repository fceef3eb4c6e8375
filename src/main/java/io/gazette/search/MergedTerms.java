package io.gazette.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.List;

/**
 * The terms of several fields of one index walked together in sorted (UTF-8 byte) order, each term
 * once with the fields holding it: {@code dua} of {@code title_f} and {@code body_f} is one step.
 * Streams from the index: nothing is held but one term enum per field. Optionally limited to the
 * terms in {@code [from, to)}, so that ranges of terms can be walked by different threads.
 */
final class MergedTerms {
    private final TermsEnum[] enums;
    /**
     * One postings enum per field, reused term after term. A Lucene enum can be reused only by
     * the term enum that made it (and only for a field of the same index options): shared across
     * fields, every term that switches field allocated a fresh enum for each segment, which was a
     * tenth of a build's CPU at 10,000 articles.
     */
    private final PostingsEnum[] reuse;
    private final BytesRef[] heads;
    private final BytesRef to;
    private BytesRef current;
    /** Bit i: field i holds {@link #current}. */
    private int at;

    /**
     * @param from first term (inclusive), or null for the first of all
     * @param to end (exclusive), or null for no end
     */
    MergedTerms(IndexReader reader, List<String> fields, BytesRef from, BytesRef to) throws IOException {
        if (fields.size() > 31) {
            throw new IllegalArgumentException("at most 31 fields");
        }
        this.enums = new TermsEnum[fields.size()];
        this.reuse = new PostingsEnum[fields.size()];
        this.heads = new BytesRef[fields.size()];
        this.to = to;
        for (int i = 0; i < enums.length; i++) {
            Terms terms = MultiTerms.getTerms(reader, fields.get(i));
            if (terms == null) {
                continue;
            }
            enums[i] = terms.iterator();
            if (from == null) {
                heads[i] = limit(enums[i].next());
            } else {
                heads[i] = enums[i].seekCeil(from) == TermsEnum.SeekStatus.END ? null : limit(enums[i].term());
            }
        }
    }

    private BytesRef limit(BytesRef term) {
        return term == null || (to != null && term.compareTo(to) >= 0) ? null : term;
    }

    /** Moves to the next term; false when there is none. */
    boolean next() throws IOException {
        if (current != null) {
            for (int i = 0; i < enums.length; i++) {
                if ((at & (1 << i)) != 0) {
                    heads[i] = limit(enums[i].next());
                }
            }
        }
        current = null;
        at = 0;
        for (int i = 0; i < heads.length; i++) {
            if (heads[i] == null) {
                continue;
            }
            int c = current == null ? -1 : heads[i].compareTo(current);
            if (c < 0) {
                current = heads[i];
                at = 1 << i;
            } else if (c == 0) {
                at |= 1 << i;
            }
        }
        return current != null;
    }

    /** The current term; valid until the next {@link #next}. */
    BytesRef term() {
        return current;
    }

    /** Whether field {@code i} (in the order given) holds the current term. */
    boolean in(int i) {
        return (at & (1 << i)) != 0;
    }

    /** How many documents of field {@code i} hold the current term, deleted ones included. */
    int docFreq(int i) throws IOException {
        return enums[i].docFreq();
    }

    /**
     * The current term's postings in field {@code i}, with global document ids (deleted ones too);
     * valid until the next call for the same field.
     */
    PostingsEnum postings(int i, int flags) throws IOException {
        return reuse[i] = enums[i].postings(reuse[i], flags);
    }
}
