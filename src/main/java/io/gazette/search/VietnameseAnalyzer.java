package io.gazette.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Vietnamese syllables as Lucene tokens, in one of three forms ({@link SyllableTokens.Form}): EXACT
 * (lowercase, diacritics kept), FOLDED (lowercase, diacritics removed, đ→d) or PAIRS (adjacent
 * folded syllables, {@code "thi dua"}). Tokenizing is {@link VietnameseTokens#scan}, the
 * same code the static index uses and the browser client mirrors, so all three agree on what a
 * word is.
 */
public final class VietnameseAnalyzer extends Analyzer {
    /** Values of a multi-valued field (tags) are this many positions apart: no phrase spans two tags. */
    static final int VALUE_GAP = 100;

    private final SyllableTokens.Form form;

    public VietnameseAnalyzer(boolean folded) {
        this(folded ? SyllableTokens.Form.FOLDED : SyllableTokens.Form.EXACT);
    }

    VietnameseAnalyzer(SyllableTokens.Form form) {
        this.form = form;
    }

    public boolean folded() {
        return form == SyllableTokens.Form.FOLDED;
    }

    /** The tokens {@code text} is indexed as; the browser client's {@code tokens()} must return the same. */
    public static List<String> tokens(String text, boolean folded) {
        List<String> out = new ArrayList<>();
        for (Syllable s : VietnameseTokens.scan(text)) {
            out.add(folded ? s.folded() : s.exact());
        }
        return out;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new SyllableTokenizer(form));
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return VALUE_GAP;
    }

    /** Reads the whole value (articles are small) and replays {@link VietnameseTokens#scan}. */
    private static final class SyllableTokenizer extends Tokenizer {
        private final SyllableTokens.Form form;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private List<Syllable> syllables = List.of();
        private int next;
        private int length;

        SyllableTokenizer(SyllableTokens.Form form) {
            this.form = form;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[4096];
            for (int n = input.read(buffer); n != -1; n = input.read(buffer)) {
                text.append(buffer, 0, n);
            }
            length = text.length();
            syllables = VietnameseTokens.scan(text.toString());
            next = 0;
        }

        @Override
        public boolean incrementToken() {
            boolean pairs = form == SyllableTokens.Form.PAIRS;
            if (next + (pairs ? 1 : 0) >= syllables.size()) {
                return false;
            }
            clearAttributes();
            Syllable s = syllables.get(next++);
            int end = s.end();
            switch (form) {
                case EXACT -> term.setEmpty().append(s.exact());
                case FOLDED -> term.setEmpty().append(s.folded());
                case PAIRS -> {
                    Syllable second = syllables.get(next);
                    term.setEmpty().append(s.folded()).append(' ').append(second.folded());
                    end = second.end();
                }
            }
            // Offsets are into the NFC text; the indexer stores NFC text, so they line up.
            offset.setOffset(correctOffset(s.start()), correctOffset(end));
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            offset.setOffset(correctOffset(length), correctOffset(length));
        }

        @Override
        public void close() throws IOException {
            super.close();
            syllables = List.of();
        }
    }
}
