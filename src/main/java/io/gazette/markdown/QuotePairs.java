package io.gazette.markdown;

import com.vladsch.flexmark.ast.util.Parsing;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.DataHolder;
import java.util.regex.Pattern;

/**
 * Which of a paragraph's straight quotes ({@code "} and {@code '}) Flexmark's typographic extension
 * makes opening quotes, closing quotes or leaves unmatched, worked out as its inline parser works
 * it out, without parsing: so that {@link ParagraphHtml#renderUnparsed} can write bodies holding
 * quotes the simple way cannot tell (an apostrophe, a quote inside another, a quote after
 * punctuation), which the parser got only for that.
 *
 * <p>What Flexmark 0.64.8 does, for a paragraph whose only delimiters are single quote characters
 * (no {@code *}, {@code _}, brackets or runs of two quotes: the caller makes sure):
 * <ul>
 * <li>each quote is a delimiter that may open when left-flanking and close when right-flanking
 *     (CommonMark's rules, on the raw characters either side, a line end or the paragraph's edge
 *     reading as a line end, with Flexmark's {@link Parsing#PUNCTUATION} and
 *     {@link Parsing#UNICODE_WHITESPACE_CHAR});</li>
 * <li>an opener and a closer pair only when no letter or digit stands before the opener nor after
 *     the closer ({@code QuoteDelimiterProcessorBase.getDelimiterUse});</li>
 * <li>the closers are taken in order, each pairing with the nearest opener before it, of its
 *     character, that it may pair with, every delimiter between them left unmatched
 *     ({@code InlineParserImpl.processDelimiters}; its {@code openersBottom} and its early removal
 *     of a closer that found no opener and cannot open only spare it searches: below such a bottom
 *     no delimiter of that character can open, and such a closer is never an opener, so neither
 *     changes what pairs);</li>
 * <li>a quote left over is unmatched: the extension's unmatched mark for a single quote, the quote
 *     itself, as text, for a double one (no unmatched mark is set for it).</li>
 * </ul>
 * {@code ParagraphHtmlTest} holds this to Flexmark's HTML on random paragraphs of quotes.
 */
final class QuotePairs {
    static final byte OPEN = 1;
    static final byte CLOSE = 2;
    static final byte UNMATCHED = 3;
    /** Set beside {@link #UNMATCHED} while pairing: the quote may open a pair. */
    private static final byte CAN_OPEN = 4;

    private final Pattern punctuation;
    private final Pattern whitespace;
    /** {@link #punctuation} and {@link #whitespace} for ASCII, looked up once. */
    private final boolean[] asciiPunctuation = new boolean[128];
    private final boolean[] asciiWhitespace = new boolean[128];
    /** False when the parser's options make it judge flanking otherwise (directional punctuation). */
    final boolean enabled;

    QuotePairs(DataHolder options) {
        Parsing parsing = new Parsing(options);
        punctuation = parsing.PUNCTUATION;
        whitespace = parsing.UNICODE_WHITESPACE_CHAR;
        for (char c = 0; c < 128; c++) {
            asciiPunctuation[c] = punctuation.matcher(String.valueOf(c)).matches();
            asciiWhitespace[c] = whitespace.matcher(String.valueOf(c)).matches();
        }
        enabled = !Parser.INLINE_DELIMITER_DIRECTIONAL_PUNCTUATIONS.get(options);
    }

    private boolean isPunctuation(char c) {
        return c < 128 ? asciiPunctuation[c] : !Character.isLetterOrDigit(c) && punctuation.matcher(String.valueOf(c)).matches();
    }

    private boolean isWhitespace(char c) {
        return c < 128 ? asciiWhitespace[c] : !Character.isLetterOrDigit(c) && whitespace.matcher(String.valueOf(c)).matches();
    }

    /**
     * Sets {@code marks[k]} to {@link #OPEN}, {@link #CLOSE} or {@link #UNMATCHED} for each quote
     * {@code md[at[k]]}, {@code from <= k < to}: the quotes of one paragraph, in order. A line end
     * must stand before the paragraph's first character (or it starts {@code md}) and after its last.
     */
    void pair(char[] md, int[] at, byte[] marks, int from, int to) {
        // The delimiters not yet paired nor left between a pair, in order: a closer pairs with one
        // of them and drops it and every one after it.
        int[] open = new int[to - from];
        int opened = 0;
        for (int k = from; k < to; k++) {
            int i = at[k];
            char before = i == 0 ? '\n' : md[i - 1];
            char after = md[i + 1];
            boolean beforeIsWhitespace = isWhitespace(before);
            boolean afterIsWhitespace = isWhitespace(after);
            boolean beforeIsPunctuation = isPunctuation(before);
            boolean afterIsPunctuation = isPunctuation(after);
            boolean leftFlanking = !afterIsWhitespace && !(afterIsPunctuation && !beforeIsWhitespace && !beforeIsPunctuation);
            boolean rightFlanking = !beforeIsWhitespace && !(beforeIsPunctuation && !afterIsWhitespace && !afterIsPunctuation);
            // An opener needs no letter or digit before it, a closer none after it, to pair.
            marks[k] = (byte) (UNMATCHED | (leftFlanking && !Character.isLetterOrDigit(before) ? CAN_OPEN : 0));
            int opener = -1;
            if (rightFlanking && !Character.isLetterOrDigit(after)) {
                for (int o = opened - 1; o >= 0; o--) {
                    if ((marks[open[o]] & CAN_OPEN) != 0 && md[at[open[o]]] == md[i]) {
                        opener = o;
                        break;
                    }
                }
            }
            if (opener < 0) {
                open[opened++] = k;
            } else {
                marks[open[opener]] = OPEN;
                marks[k] = CLOSE;
                opened = opener;
            }
        }
        for (int k = from; k < to; k++) {
            marks[k] &= ~CAN_OPEN;
        }
    }
}
