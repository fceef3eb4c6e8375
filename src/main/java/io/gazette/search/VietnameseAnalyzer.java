package io.gazette.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Vietnamese syllables as Lucene tokens, in one of two variants: EXACT (lowercase, diacritics kept)
 * or FOLDED (lowercase, diacritics removed, đ→d). Tokenizing is {@link VietnameseTokens#scan}, the
 * same code the static index uses and the browser client mirrors, so all three agree on what a
 * word is.
 */
public final class VietnameseAnalyzer extends Analyzer {
    /** Values of a multi-valued field (tags) are this many positions apart: no phrase spans two tags. */
    static final int VALUE_GAP = 100;

    private final boolean folded;

    public VietnameseAnalyzer(boolean folded) {
        this.folded = folded;
    }

    public boolean folded() {
        return folded;
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
        return new TokenStreamComponents(new SyllableTokenizer(folded));
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return VALUE_GAP;
    }

    /** Reads the whole value (articles are small) and replays {@link VietnameseTokens#scan}. */
    private static final class SyllableTokenizer extends Tokenizer {
        private final boolean folded;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private List<Syllable> syllables = List.of();
        private int next;
        private int length;

        SyllableTokenizer(boolean folded) {
            this.folded = folded;
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
            if (next >= syllables.size()) {
                return false;
            }
            clearAttributes();
            Syllable s = syllables.get(next++);
            term.setEmpty().append(folded ? s.folded() : s.exact());
            // Offsets are into the NFC text; the indexer stores NFC text, so they line up.
            offset.setOffset(correctOffset(s.start()), correctOffset(s.end()));
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
