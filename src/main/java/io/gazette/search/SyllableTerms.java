package io.gazette.search;

import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;

/**
 * The distinct terms of one field of one document, as {@link SyllableTokens.Counter} counted
 * them: per term its syllable (and, for a pair, the second one) and how often it occurs. Plain
 * arrays, no Lucene stream: a fresh index's {@link SegmentBatch} files them as they are, and
 * only a document given to Lucene's own writer is streamed ({@link #tokens}).
 */
final class SyllableTerms {
    private final SyllableTokens.Form form;
    private final VietnameseTokens.Forms[] first;
    private final VietnameseTokens.Forms[] second;
    private final int[] counts;

    SyllableTerms(SyllableTokens.Form form, VietnameseTokens.Forms[] first, VietnameseTokens.Forms[] second,
            int[] counts) {
        this.form = form;
        this.first = first;
        this.second = second;
        this.counts = counts;
    }

    /** The terms as a new Lucene token stream, with frequencies for pairs. */
    SyllableTokens tokens() {
        return new SyllableTokens(this);
    }

    /** How many distinct terms there are. */
    int size() {
        return first.length;
    }

    SyllableTokens.Form form() {
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

    /** The bytes of term {@code i}; a pair's are made in {@code pair}, valid until its next use. */
    BytesRef bytes(int i, BytesRefBuilder pair) {
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
}
