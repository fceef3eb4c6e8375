package io.gazette.search;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;

import java.util.List;

/**
 * Scanned syllables replayed as Lucene tokens in one of three forms: the end of the Vietnamese
 * analysis chain ({@link VietnameseAnalyzer} ends in it too). A document is scanned once and its
 * syllables feed all three forms, so indexing does not tokenize each text three times. Values of
 * a multi-valued field are {@link VietnameseAnalyzer#VALUE_GAP} positions apart, and no pair
 * spans two values.
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
    private final BytesRefBuilder pair = new BytesRefBuilder();
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final List<List<VietnameseTokens.Forms>> values;
    private final Form form;
    private int value;
    private int next;

    SyllableTokens(List<List<VietnameseTokens.Forms>> values, Form form) {
        this.values = values;
        this.form = form;
    }

    @Override
    public boolean incrementToken() {
        int increment = 1;
        while (true) {
            if (value >= values.size()) {
                return false;
            }
            List<VietnameseTokens.Forms> current = values.get(value);
            int at = form == Form.PAIRS ? next + 1 : next;
            if (at < current.size()) {
                break;
            }
            value++;
            next = 0;
            increment = VietnameseAnalyzer.VALUE_GAP + 1;
        }
        List<VietnameseTokens.Forms> current = values.get(value);
        clearAttributes();
        VietnameseTokens.Forms s = current.get(next);
        switch (form) {
            case EXACT -> term.setBytesRef(s.exactBytes);
            case FOLDED -> term.setBytesRef(s.foldedBytes);
            case PAIRS -> {
                BytesRef second = current.get(next + 1).foldedBytes;
                pair.clear();
                pair.append(s.foldedBytes);
                pair.append((byte) ' ');
                pair.append(second);
                term.setBytesRef(pair.get());
            }
        }
        next++;
        position.setPositionIncrement(increment);
        return true;
    }

    @Override
    public void reset() throws java.io.IOException {
        super.reset();
        value = 0;
        next = 0;
    }
}
