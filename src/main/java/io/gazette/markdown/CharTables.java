package io.gazette.markdown;

/**
 * {@link Character#isLetterOrDigit(char)} and {@link Character#isWhitespace(char)} for every
 * char, looked up. The build runs on the C1 compiler (see jvm.options), where each of those calls
 * is several more, once per character of every article's HTML and text: a tenth of the content
 * stage at 10,000 articles. Filled once, on first use (128 KB, a few milliseconds).
 */
final class CharTables {
    static final boolean[] LETTER_OR_DIGIT = new boolean[Character.MAX_VALUE + 1];
    static final boolean[] WHITESPACE = new boolean[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            LETTER_OR_DIGIT[c] = Character.isLetterOrDigit((char) c);
            WHITESPACE[c] = Character.isWhitespace((char) c);
        }
    }

    private CharTables() {
    }
}
