package io.gazette.search;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

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

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final List<List<Syllable>> values;
    private final Form form;
    private int value;
    private int next;

    SyllableTokens(List<List<Syllable>> values, Form form) {
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
            List<Syllable> current = values.get(value);
            int at = form == Form.PAIRS ? next + 1 : next;
            if (at < current.size()) {
                break;
            }
            value++;
            next = 0;
            increment = VietnameseAnalyzer.VALUE_GAP + 1;
        }
        List<Syllable> current = values.get(value);
        clearAttributes();
        Syllable s = current.get(next);
        switch (form) {
            case EXACT -> term.append(s.exact());
            case FOLDED -> term.append(s.folded());
            case PAIRS -> term.append(s.folded()).append(' ').append(current.get(next + 1).folded());
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
